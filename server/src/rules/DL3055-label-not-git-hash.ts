import { defineRule } from '../engine/rule';
import { checkTypedLabels, gitHashProblem, shownValue } from '../engine/labels';

export default defineRule({
  meta: {
    code: 'DL3055',
    name: 'label-not-git-hash',
    aliases: [],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'With a label schema that gives a label the type `hash` (`label-schema: {org.opencontainers.image.revision: hash}` in `.hadolint.yaml`), flags a value of that label that is not a git commit hash.',
      why: 'The revision label ties an image to the exact commit it was built from, which is what you need when you investigate a bug or a vulnerability in a running image. A branch name or a tag moves; only the commit hash identifies the code.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="main"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="3f2a9c1d5e7b8a0c4d6e2f1a9b8c7d6e5f4a3b2c"\n',
      fix: 'None. Pass the commit as a build argument: `ARG REVISION` + `LABEL org.opencontainers.image.revision="${REVISION}"`, built with `--build-arg REVISION="$(git rev-parse HEAD)"`.',
      notes: 'The examples assume `label-schema: {org.opencontainers.image.revision: hash}`. Accepted: hexadecimal, 7 to 40 digits (a full or abbreviated SHA-1 commit id) or 64 (a SHA-256 repository). hadolint accepts only lower-case hex of exactly 7 or 40 digits; git abbreviates to more than 7 digits in large repositories, so any length in between is accepted here. Values from ARG/ENV are judged on their known value, unknown ones skipped, empty ones are DL3051.',
    },
  },
  check(model, ctx) {
    return checkTypedLabels(model, ctx, 'hash', gitHashProblem, (p, problem) => `Label '${p.key}' is not a git commit hash: ${shownValue(p)}: ${problem}`);
  },
});
