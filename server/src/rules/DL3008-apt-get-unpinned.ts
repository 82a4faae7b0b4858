import { defineRule, type RawFinding } from '../engine/rule';
import { aptCalls, aptOperandKind, isAptInstall } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3008',
    name: 'apt-get-unpinned',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags each package in `apt-get install` (or `apt install`) that is not pinned to a version with `name=version`.',
      why: 'Pinning versions is how a Dockerfile stays reproducible: without a pin, every rebuild installs whatever the mirror serves that day, so two builds of the same Dockerfile can differ and a new upstream release can break the image without any change on your side. A pin with a wildcard (`curl=7.88.*`) keeps security updates within a release while still failing loudly when the version is gone.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      fix: 'None: the right version depends on the distribution release you build on. Look it up with `apt-cache policy <package>` in the base image and write `package=<version>` (a trailing `*` keeps patch updates).',
      notes: 'Local `.deb` files and paths, removal markers (`pkg-`) and words written with variables (whose value we cannot see) are not flagged. hadolint treats a release selection (`curl/bookworm-backports`) as pinned; it only chooses the release and the version still moves with every update of that release, so we flag it too (pin with `curl=<version>`; a backports version can be named directly). `apt install` is checked like `apt-get install` (hadolint checks only `apt-get`). Each unpinned package is its own finding, on that word.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN') continue;
      for (const call of aptCalls(inst)) {
        if (!isAptInstall(call)) continue;
        for (const w of call.operands) {
          if (w.dynamic) continue;
          const kind = aptOperandKind(w.value);
          if (kind === 'name') {
            out.push({ range: w.range, message: `Pin the version of \`${w.value}\`: \`${w.value}=<version>\`` });
          } else if (kind === 'release') {
            const name = w.value.slice(0, w.value.indexOf('/'));
            out.push({ range: w.range, message: `\`${w.value}\` selects a release, not a version: pin \`${name}=<version>\`` });
          }
        }
      }
    }
    return out;
  },
});
