import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace } from '../engine/helpers';
import { joinContinuations, type Inst, type Model } from '../engine/model';

/** The text MAINTAINER records: everything after the keyword, continuations joined, trimmed. */
function maintainerText(model: Model, inst: Inst): string {
  const first = inst.args[0];
  if (!first) return '';
  const s = model.lines.offsetAt(first.range.start);
  const e = model.lines.offsetAt(inst.range.end);
  return joinContinuations(model.text, s, e, model.escapeChar, false).text.trim();
}

/** `value` as a double-quoted Dockerfile word: `"`, `$` and the escape character escaped. */
export function quoteLabelValue(value: string, esc: string): string {
  let out = '"';
  for (const c of value) out += c === '"' || c === '$' || c === esc ? esc + c : c;
  return out + '"';
}

export default defineRule({
  meta: {
    code: 'DL4000',
    name: 'maintainer-deprecated',
    aliases: ['MaintainerDeprecated'],
    severity: 'error',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags the `MAINTAINER` instruction.',
      why: '`MAINTAINER` is deprecated. Author metadata belongs in the `org.opencontainers.image.authors` label, which registries, scanners and `docker inspect` read alongside the other OCI labels (`org.opencontainers.image.source`, `.version`, ...).',
      bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
      fix: 'Replaces the instruction with `LABEL org.opencontainers.image.authors="<text>"`, where `<text>` is what `MAINTAINER` recorded (the rest of the line, continuations joined), double-quoted with `"`, `$` and the escape character escaped (LABEL substitutes variables, MAINTAINER did not). The keyword keeps the case it was written in. Safe: it changes image metadata only, not what the container runs.',
      notes: 'hadolint reports this as an error, BuildKit (`MaintainerDeprecated`) as a warning; we keep hadolint\'s level. `ONBUILD MAINTAINER` is reported by DL3043 instead.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'MAINTAINER') continue;
      const value = maintainerText(model, inst);
      const written = inst.node.getInstruction();
      const label = written === written.toLowerCase() ? 'label' : 'LABEL';
      out.push({
        range: inst.keywordRange,
        message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors',
        fixes: value ? [fix('Replace with LABEL org.opencontainers.image.authors', [
          replace({ start: inst.keywordRange.start, end: inst.range.end }, `${label} org.opencontainers.image.authors=${quoteLabelValue(value, model.escapeChar)}`),
        ], 'safe')] : [],
      });
    }
    return out;
  },
});
