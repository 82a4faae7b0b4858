import { defineRule, type RawFinding } from '../engine/rule';
import { apkCall, apkOperandPinned, installOperands, isApkAdd } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3018',
    name: 'apk-unpinned',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags each package of `apk add` that is not pinned to a version (`curl` instead of `curl=8.9.1-r0` or `curl~8.9`).',
      why: 'Pinning versions keeps builds reproducible: without a pin every rebuild installs whatever the Alpine mirror serves that day, so the same Dockerfile can give a different image and a new package release can break it. A fuzzy pin (`curl~8.9`) keeps patch releases while still failing loudly when the branch moves on.',
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.9\n',
      fix: 'None: versions depend on the Alpine release you build on. Look them up with `apk policy <package>` (or on pkgs.alpinelinux.org) and write `package=<version>` or `package~<major.minor>`.',
      notes: 'Accepted as pinned: any version constraint apk understands (`=`, `~`, `<`, `>`, `>=`; hadolint accepts `=` and `~`) and local `.apk` files. The `--virtual`/`-t` name and `--repository`/`-X` URL are option values, not packages. A repository tag (`curl@edge`) chooses a repository, not a version, so it is flagged. Words written with variables are not checked. Each unpinned package is its own finding, on that word; exec-form RUN and heredoc bodies are checked too.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const w of installOperands(model, apkCall, isApkAdd)) {
      if (apkOperandPinned(w.value)) continue;
      const name = w.value.split('@', 1)[0];
      out.push({ range: w.range, message: `Pin the version of \`${name}\`: \`${name}=<version>\` or \`${name}~<major.minor>\`` });
    }
    return out;
  },
});
