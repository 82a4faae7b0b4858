import { defineRule, type RawFinding } from '../engine/rule';
import { labelPairs, labelSchema } from '../engine/labels';

export default defineRule({
  meta: {
    code: 'DL3050',
    name: 'superfluous-label',
    aliases: [],
    severity: 'info',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'With `strict-labels: true` in `.hadolint.yaml`, flags every `LABEL` key that the label schema (`label-schema:`) does not list. Without `strict-labels` it does nothing.',
      why: 'A strict schema keeps image metadata to what the team agreed on: no stray keys that leak internal details (host names, people, build paths) into a published image, confuse the tools that parse labels, or drift from a compliance standard.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app" \\\n      build-host="ci-runner-17.internal"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app"\n',
      fix: 'None: remove the label, or add it to the schema if it belongs there.',
      notes: 'The examples assume `strict-labels: true` and `label-schema: {org.opencontainers.image.source: url}`. As in hadolint, with `strict-labels` and no schema every label is superfluous. Every stage and `ONBUILD LABEL` are checked; the finding is on the key. Keys holding a variable without a known value are skipped.',
    },
  },
  check(model, ctx) {
    if (ctx.settings?.strictLabels !== true) return [];
    const schema = labelSchema(ctx) ?? new Map<string, string>();
    const out: RawFinding[] = [];
    for (const p of labelPairs(model)) {
      if (p.key === null || schema.has(p.key)) continue;
      out.push({ range: p.keyRange, message: `Label '${p.key}' is not in the label schema (strict-labels is on)` });
    }
    return out;
  },
});
