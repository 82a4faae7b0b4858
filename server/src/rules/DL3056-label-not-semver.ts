import { defineRule } from '../engine/rule';
import { checkTypedLabels, semverProblem, shownValue } from '../engine/labels';

export default defineRule({
  meta: {
    code: 'DL3056',
    name: 'label-not-semver',
    aliases: [],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'With a label schema that gives a label the type `semver` (`label-schema: {org.opencontainers.image.version: semver}` in `.hadolint.yaml`), flags a value of that label that is not a Semantic Versioning 2.0.0 version (`1.4.2`, `2.0.0-rc.1`, `1.0.0+build.7`).',
      why: 'A semantic version says how big a change is and sorts correctly, so people and tools (deployment policies, update bots) can compare images. Free-form versions such as "latest build" or "v1" cannot be compared.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.4"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.0"\n',
      fix: 'None: write the version as MAJOR.MINOR.PATCH, optionally with `-prerelease` and `+build` parts.',
      notes: 'The examples assume `label-schema: {org.opencontainers.image.version: semver}`. Strict SemVer 2.0.0: three numbers without leading zeros, no leading `v` (the message says so when that is the only problem). Values from ARG/ENV are judged on their known value (hadolint does not substitute variables); unknown ones are skipped, empty ones are DL3051.',
    },
  },
  check(model, ctx) {
    return checkTypedLabels(model, ctx, 'semver', semverProblem, (p, problem) => `Label '${p.key}' is not a semantic version: ${shownValue(p)}: ${problem}`);
  },
});
