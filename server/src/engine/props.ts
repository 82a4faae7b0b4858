// Key/value instructions (ENV, ARG, LABEL) as properties with ranges, the variables their raw
// values reference, and the trigger of an ONBUILD. Pure functions of the model.
import type { Instruction } from 'dockerfile-ast';
import type { Range } from '../../../shared/types';
import type { Inst, Model } from './model';

export interface Prop {
  /** The key as Docker reads it (escapes removed). */
  name: string;
  nameRange: Range;
  /** The value as Docker reads it before variable substitution (quotes and escapes removed); null: none. */
  value: string | null;
  valueRange: Range | null;
  /** `A=b` (true) or the legacy `ENV A b` form (false). */
  equals: boolean;
}

type PropertyNode = {
  getName(): string; getNameRange(): Range; getValue(): string | null; getValueRange(): Range | null; getAssignmentOperator(): string | null;
};

function propsOf(node: Instruction): Prop[] {
  const get = (node as unknown as { getProperties?: () => PropertyNode[] }).getProperties;
  if (typeof get !== 'function') return [];
  return get.call(node).map((p) => ({
    name: p.getName(), nameRange: p.getNameRange(), value: p.getValue(), valueRange: p.getValueRange(), equals: p.getAssignmentOperator() === '=',
  }));
}

/** The properties of an ENV, ARG or LABEL instruction, in source order (empty for other keywords). */
export function properties(inst: Inst): Prop[] {
  if (!['ENV', 'ARG', 'LABEL'].includes(inst.keyword)) return [];
  return propsOf(inst.node);
}

export interface OnbuildTrigger {
  /** Upper-cased keyword of the triggered instruction (`RUN`). */
  keyword: string;
  keywordRange: Range;
  node: Instruction;
  /** ENV/ARG/LABEL triggers: their properties. */
  props: Prop[];
}

/** The instruction an ONBUILD registers (`ONBUILD RUN make` → RUN), or null. */
export function onbuildTrigger(inst: Inst): OnbuildTrigger | null {
  if (inst.keyword !== 'ONBUILD') return null;
  const n = inst.node as unknown as { getTriggerInstruction?: () => Instruction | null; getTriggerRange?: () => Range | null };
  const trigger = n.getTriggerInstruction?.() ?? null;
  const range = n.getTriggerRange?.() ?? null;
  if (!trigger || !range) return null;
  const keyword = trigger.getKeyword().toUpperCase();
  return { keyword, keywordRange: range, node: trigger, props: ['ENV', 'ARG', 'LABEL'].includes(keyword) ? propsOf(trigger) : [] };
}

export interface VarRef {
  name: string;
  /** `$NAME`, `${NAME}` or `${NAME:-word}` as written. */
  range: Range;
}

const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNameChar = (c: string) => isNameStart(c) || (c >= '0' && c <= '9');

/**
 * The variables a raw instruction value refers to, as Docker substitutes them: `$NAME` and
 * `${NAME...}`, not inside single quotes, not escaped (`\$NAME`). Escaped line breaks are
 * skipped. A linear scan; `range` is in document coordinates.
 */
export function variableRefs(model: Model, range: Range): VarRef[] {
  const t = model.text;
  const esc = model.escapeChar;
  const start = model.lines.offsetAt(range.start);
  const end = model.lines.offsetAt(range.end);
  const out: VarRef[] = [];
  let single = false;
  let double = false;
  let i = start;
  while (i < end) {
    const c = t[i];
    if (single) { if (c === "'") single = false; i++; continue; }
    if (c === esc) { i += 2; continue; }
    if (c === "'" && !double) { single = true; i++; continue; }
    if (c === '"') { double = !double; i++; continue; }
    if (c !== '$') { i++; continue; }
    if (t[i + 1] === '{') {
      let j = i + 2;
      while (j < end && isNameChar(t[j])) j++;
      const name = t.slice(i + 2, j);
      const close = t.indexOf('}', j);
      if (name && close >= 0 && close < end) { out.push({ name, range: model.lines.range(i, close + 1) }); i = close + 1; continue; }
      i++;
      continue;
    }
    if (i + 1 < end && isNameStart(t[i + 1])) {
      let j = i + 1;
      while (j < end && isNameChar(t[j])) j++;
      out.push({ name: t.slice(i + 1, j), range: model.lines.range(i, j) });
      i = j;
      continue;
    }
    i++;
  }
  return out;
}
