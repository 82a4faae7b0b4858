import { defineRule } from '../engine/rule';
import type { Model } from '../engine/model';
import { fix, replace } from '../engine/helpers';
import { checkTypedLabels, shownValue, spdxProblem, type LabelPair } from '../engine/labels';

/** A safe fix writing the canonical spelling, when the value is written literally on one line. */
function caseFix(model: Model, p: LabelPair) {
  const r = spdxProblem(p.value ?? '');
  if (!r?.canonical || p.dynamic || !p.valueRange || p.valueRange.start.line !== p.valueRange.end.line) return undefined;
  const written = model.lines.textOf(p.valueRange);
  const q = written[0] === '"' || written[0] === "'" ? written[0] : '';
  if (written !== q + p.rawValue + q) return undefined;
  return [fix(`Write '${r.canonical}'`, [replace(p.valueRange, q + r.canonical + q)], 'safe')];
}

export default defineRule({
  meta: {
    code: 'DL3054',
    name: 'label-not-spdx',
    aliases: [],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'With a label schema that gives a label the type `spdx` (`label-schema: {org.opencontainers.image.licenses: spdx}` in `.hadolint.yaml`), flags a value of that label that is not an SPDX license expression: an identifier from the SPDX license list (`MIT`, `Apache-2.0`), or identifiers joined with `AND`, `OR`, `WITH` and parentheses.',
      why: 'Compliance scanners and registries read the license label to decide whether an image may be used or shipped. They understand SPDX identifiers; "Apache 2", "BSD" or a sentence cannot be matched to a license and ends up as "unknown".',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache-2.0 OR MIT"\n',
      fix: 'When the value is a valid expression written in the wrong letter case (`mit`, `apache-2.0 or mit`), a safe fix writes the canonical spelling (`MIT`, `Apache-2.0 OR MIT`). Otherwise none: pick the identifier from the SPDX license list.',
      notes: 'The examples assume `label-schema: {org.opencontainers.image.licenses: spdx}`. The license list comes from the `spdx-license-ids` and `spdx-exceptions` packages (deprecated identifiers such as `GPL-2.0` are accepted), parsed by `spdx-expression-parse`; `LicenseRef-…` identifiers are accepted. hadolint accepts a single identifier only; the OCI image spec defines this label as an SPDX license expression, so expressions are accepted here. Values from ARG/ENV are judged on their known value, unknown ones skipped, empty ones are DL3051.',
    },
  },
  check(model, ctx) {
    return checkTypedLabels(model, ctx, 'spdx', (v) => spdxProblem(v)?.problem ?? null,
      (p, problem) => `Label '${p.key}' is not an SPDX license expression: ${shownValue(p)}: ${problem}`,
      (p) => caseFix(model, p));
  },
});
