import { defineRule } from '../engine/rule';
import { checkTypedLabels, rfc3339Problem, shownValue } from '../engine/labels';

export default defineRule({
  meta: {
    code: 'DL3053',
    name: 'label-not-rfc3339',
    aliases: [],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'With a label schema that gives a label the type `rfc3339` (`label-schema: {org.opencontainers.image.created: rfc3339}` in `.hadolint.yaml`), flags a value of that label that is not an RFC 3339 date-time such as `2024-05-01T12:30:00Z`.',
      why: 'The OCI image spec defines `org.opencontainers.image.created` as an RFC 3339 date-time so that every tool can read and compare it. "today", a date without time and zone, or a local format cannot be sorted or compared reliably.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="May 1st 2024"\n',
      good: 'FROM alpine:3.20\nARG CREATED\nLABEL org.opencontainers.image.created="${CREATED}"\n',
      fix: 'None. Pass the time as a build argument, e.g. `--build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"`.',
      notes: 'The examples assume `label-schema: {org.opencontainers.image.created: rfc3339}`. Accepted: `YYYY-MM-DDTHH:MM:SS`, optional fraction of a second, then `Z` or `±HH:MM`; `T` may be lower-case or a space (RFC 3339 allows it); month, day (leap years included), hour, minute, second (60 for a leap second) and offset must be in range. Values from ARG/ENV are judged on their known value; an ARG without a default (as in the good example) is unknown until build time and not flagged (hadolint does not substitute variables and flags it). Empty values are DL3051.',
    },
  },
  check(model, ctx) {
    return checkTypedLabels(model, ctx, 'rfc3339', rfc3339Problem, (p, problem) => `Label '${p.key}' is not an RFC 3339 date-time: ${shownValue(p)}: ${problem}`);
  },
});
