import { defineRule, type RawFinding } from '../engine/rule';
import { fix } from '../engine/helpers';
import type { Model } from '../engine/model';
import type { Range } from '../../../shared/types';

/** Length of a line continuation at `i` (escape, blanks, line break), else 0. */
function continuationAt(text: string, i: number, esc: string): number {
  if (text[i] !== esc) return 0;
  let j = i + 1;
  while (text[j] === ' ' || text[j] === '\t') j++;
  if (text[j] === '\r' && text[j + 1] === '\n') return j + 2 - i;
  if (text[j] === '\n' || text[j] === '\r') return j + 1 - i;
  return 0;
}

/** Length of the whole line at `i` (start of a line) when it is blank or a comment: Docker drops it inside a continuation. */
function droppedLineAt(text: string, i: number): number {
  let j = i;
  while (text[j] === ' ' || text[j] === '\t') j++;
  if (j < text.length && text[j] !== '#' && text[j] !== '\n' && text[j] !== '\r') return 0;
  while (j < text.length && text[j] !== '\n') j++;
  return j < text.length ? j + 1 - i : 0;
}

/** End of a variable reference starting at `i` (`$NAME`, `${...}`), or -1 when it cannot be copied as is. */
function variableEnd(text: string, i: number, esc: string): number {
  if (text[i + 1] === '{') {
    const close = text.indexOf('}', i + 2);
    if (close < 0) return -1;
    const inner = text.slice(i + 2, close);
    return /["'\r\n]/.test(inner) || inner.includes(esc) ? -1 : close + 1;
  }
  let j = i + 1;
  while (j < text.length && /[A-Za-z0-9_]/.test(text[j])) j++;
  return j;
}

/**
 * Rewrite the value of a legacy `KEY value` pair (everything after the separating blanks, as
 * written, continuations included) as one word that Docker reads back to the same string:
 * quotes are resolved, literal characters escaped for double quotes, variable references and
 * line continuations kept. Null when the value cannot be converted exactly (unbalanced quotes).
 */
export function legacyValueToWord(raw: string, esc: string): string | null {
  let out = '';
  let state: 'out' | 'single' | 'double' = 'out';
  let plain = true;
  const lit = (c: string) => {
    if (c === '"' || c === '$' || c === esc) { plain = false; return esc + c; }
    if (c === ' ' || c === '\t' || c === "'" || c === '=') plain = false;
    return c;
  };
  let i = 0;
  while (i < raw.length) {
    const cont = continuationAt(raw, i, esc);
    if (cont) {
      plain = false;
      out += raw.slice(i, i + cont);
      i += cont;
      for (let d = droppedLineAt(raw, i); d > 0; d = droppedLineAt(raw, i)) { out += raw.slice(i, i + d); i += d; }
      continue;
    }
    const c = raw[i];
    if (c === '\n' || c === '\r') return null;
    if (state === 'single') {
      if (c === "'") state = 'out'; else out += lit(c);
      i++;
      continue;
    }
    if (c === '$') {
      const end = variableEnd(raw, i, esc);
      if (end < 0) return null;
      out += raw.slice(i, end);
      i = end;
      continue;
    }
    if (state === 'double') {
      if (c === '"') { state = 'out'; i++; continue; }
      if (c === esc && i + 1 < raw.length) {
        const n = raw[i + 1];
        // Inside double quotes Docker unescapes only ", $ and the escape character; others keep it.
        out += n === '"' || n === '$' || n === esc ? esc + n : lit(c) + lit(n);
        i += 2;
        continue;
      }
      out += lit(c);
      i++;
      continue;
    }
    if (c === "'") { state = 'single'; plain = false; i++; continue; }
    if (c === '"') { state = 'double'; plain = false; i++; continue; }
    if (c === esc) {
      if (i + 1 >= raw.length) { i++; continue; }
      out += lit(raw[i + 1]);
      i += 2;
      continue;
    }
    out += lit(c);
    i++;
  }
  if (state !== 'out') return null;
  return plain ? out : `"${out}"`;
}

/** Offset where the value of a legacy pair starts: after blanks, continuations and the lines they drop. */
function valueStart(text: string, i: number, end: number, esc: string): number {
  for (;;) {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const cont = continuationAt(text, i, esc);
    if (!cont) return i;
    i += cont;
    for (let d = droppedLineAt(text, i); d > 0 && i < end; d = droppedLineAt(text, i)) i += d;
  }
}

export default defineRule({
  meta: {
    code: 'LW1107',
    name: 'legacy-key-value-format',
    aliases: ['LegacyKeyValueFormat'],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `ENV` and `LABEL` written in the legacy `KEY value` form (a space instead of `=`).',
      why: 'In the legacy form everything after the key is one value, so `ENV A 1 B 2` sets `A` to `1 B 2` instead of two variables, and the line reads differently from every other `KEY=value` pair. Docker has deprecated the form. Using `KEY=value` everywhere keeps ENV and LABEL blocks (OCI labels, version pins) unambiguous.',
      bad: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR 1\nLABEL org.opencontainers.image.title My service\n',
      good: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nLABEL org.opencontainers.image.title="My service"\n',
      fix: 'Rewrites the pair as `KEY=value`, with the value Docker reads from the legacy form: quotes are resolved, the value is wrapped in double quotes when it has blanks or quotes (escaping `"`, `$` and the escape character that were literal), variable references stay as they are, and line continuations are kept where they were. Safe: the variable or label gets exactly the same value. No fix when the key is quoted or the quotes in the value are unbalanced.',
      notes: '`ARG` is not checked: `ARG A B` declares two build arguments (it is not a legacy pair), so rewriting it would change the build.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const esc = model.escapeChar;
    const text = model.text;
    for (const inst of model.instructions) {
      if (inst.keyword !== 'ENV' && inst.keyword !== 'LABEL') continue;
      const props = (inst.node as unknown as { getProperties(): { getName(): string; getNameRange(): Range; getValue(): string | null; getAssignmentOperator(): string | null }[] }).getProperties();
      const legacy = props.find((p) => p.getAssignmentOperator() === null && p.getValue() !== null);
      if (!legacy) continue;
      const nameRange = legacy.getNameRange();
      const key = model.lines.textOf(nameRange);
      out.push({
        range: nameRange,
        message: `Use '${inst.keyword} ${key}=<value>' instead of the legacy '${inst.keyword} ${key} <value>' form`,
        fixes: legacyFix(model, nameRange, key, model.lines.offsetAt(inst.range.end), esc, text),
      });
    }
    return out;
  },
});

function legacyFix(model: Model, nameRange: Range, key: string, endOff: number, esc: string, text: string) {
  if (/["'$]/.test(key) || key.includes(esc)) return [];
  const nameEnd = model.lines.offsetAt(nameRange.end);
  const start = valueStart(text, nameEnd, endOff, esc);
  let end = endOff;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (start >= end) return [];
  const word = legacyValueToWord(text.slice(start, end), esc);
  if (word === null) return [];
  return [fix(`Write '${key}=…'`, [{ range: model.lines.range(nameEnd, end), newText: `=${word}` }], 'safe')];
}
