import { defineRule, type RawFinding } from '../engine/rule';
import { labelPairs, labelSchema } from '../engine/labels';

export default defineRule({
  meta: {
    code: 'DL3051',
    name: 'label-empty',
    aliases: [],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'With a label schema configured (`label-schema:` in `.hadolint.yaml`), flags a label of the schema whose value is empty (`LABEL org.opencontainers.image.version=""`), also when it comes from an ARG or ENV whose value is empty.',
      why: 'An empty label satisfies the "label present" check while telling its readers nothing: the schema asks for the information, not for the key. It usually means a build argument was not passed.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=""\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.2"\n',
      fix: 'None: fill in the value, or pass it as a build argument (`ARG VERSION` + `LABEL org.opencontainers.image.version="${VERSION}"`, built with `--build-arg VERSION=...`).',
      notes: 'The examples assume `label-schema: {org.opencontainers.image.version: semver}`. Labels outside the schema are not judged, as in hadolint. A value from an ARG without a default is unknown until build time and is not flagged (hadolint does not substitute variables at all). Every stage and `ONBUILD LABEL` are checked.',
    },
  },
  check(model, ctx) {
    const schema = labelSchema(ctx);
    if (!schema) return [];
    const out: RawFinding[] = [];
    for (const p of labelPairs(model)) {
      if (p.key === null || !schema.has(p.key) || p.absent || p.value !== '') continue;
      const via = p.dynamic ? ` ('${p.rawValue}' is empty)` : '';
      out.push({ range: p.range, message: `Label '${p.key}' is empty${via}; the label schema expects a value` });
    }
    return out;
  },
});
