import { defineRule } from '../engine/rule';
import { checkTypedLabels, shownValue, urlProblem } from '../engine/labels';

export default defineRule({
  meta: {
    code: 'DL3052',
    name: 'label-not-url',
    aliases: [],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'With a label schema that gives a label the type `url` (`label-schema: {org.opencontainers.image.source: url}` in `.hadolint.yaml`), flags a value of that label that is not an absolute URL: no scheme, white space, or not parseable.',
      why: 'Tools follow URL labels: registries link an image to its repository from `org.opencontainers.image.source`, dependency bots find release notes through it. `github.com/example/app` without `https://`, or a typo, silently breaks those links.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/example/app"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app"\n',
      fix: 'None: write the full URL, scheme included.',
      notes: 'The examples assume `label-schema: {org.opencontainers.image.source: url}`. A URL here is an absolute one with a scheme (`https:`, `git:`, `mailto:` …), no white space, that parses as a URL; `http`/`https` URLs need a host. Values from ARG/ENV are judged on their known value (hadolint does not substitute variables, so it flags `"${SOURCE_URL}"`); unknown ones are skipped, empty ones are DL3051. Every stage and `ONBUILD LABEL` are checked; the finding is on the value.',
    },
  },
  check(model, ctx) {
    return checkTypedLabels(model, ctx, 'url', urlProblem, (p, problem) => `Label '${p.key}' is not a valid URL: ${shownValue(p)}: ${problem}`);
  },
});
