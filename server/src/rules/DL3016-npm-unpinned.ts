import { defineRule, type RawFinding } from '../engine/rule';
import { installOperands, isNpmInstall, npmCall, npmOperandPinned } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3016',
    name: 'npm-unpinned',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags each package named on an `npm install` command line (also `npm i`, `npm add`, global installs with `-g`) without a version: `express` or `express@latest` instead of `express@4.19.2`.',
      why: 'Pinning versions keeps builds reproducible. `npm install -g typescript` installs whatever version is newest on the day of the build, so the same Dockerfile can produce a different image tomorrow, and a new major release can break it without any change on your side. Project dependencies belong in `package.json` with a lockfile (installed with `npm ci`); tools installed by name need an explicit version.',
      bad: 'FROM node:20-slim\nRUN npm install -g typescript\n',
      good: 'FROM node:20-slim\nRUN npm install -g typescript@5.4.5\n',
      fix: 'None: the version is yours to choose (`npm view <package> version` shows the newest). For project dependencies, add them to `package.json`, commit the lockfile and run `npm ci`.',
      notes: 'A plain `npm install` / `npm ci` (no package names) installs from `package.json` and is not flagged (see LW1402). Accepted as pinned, as in hadolint: `name@<version or range>` (also scoped `@scope/name@1.2.3`), tarballs (`.tgz`, `.tar`, `.tar.gz`), local paths (`./lib`, `file:`), and git URLs or GitHub shorthands with `#<commit>` or `#semver:`. Unlike hadolint, a dist-tag (`@latest`, `@next`, `@beta`) is flagged: it names whatever was published last, not a version. Words written with variables are not checked. Each unpinned package is its own finding, on that word; exec-form RUN and heredoc bodies are checked too.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const w of installOperands(model, npmCall, isNpmInstall)) {
      if (npmOperandPinned(w.value)) continue;
      const at = w.value.lastIndexOf('@');
      const name = at > 0 ? w.value.slice(0, at) : w.value;
      out.push({ range: w.range, message: `Pin the version of \`${name}\`: \`${name}@<version>\`` });
    }
    return out;
  },
});
