import { defineRule, type RawFinding } from '../engine/rule';
import { fix } from '../engine/helpers';
import { properties, variableRefs } from '../engine/props';
import type { Inst, Model } from '../engine/model';
import type { Scope } from '../engine/vars';

/** The ARG/ENV names visible just before `inst` (the scope of the instruction before it in its stage). */
function scopeBefore(inst: Inst): Scope {
  const stage = inst.stage;
  if (!stage) return new Map();
  const k = stage.instructions.indexOf(inst);
  return k > 0 ? stage.instructions[k - 1].scope : stage.from.scope;
}

export default defineRule({
  meta: {
    code: 'DL3044',
    name: 'env-self-reference',
    aliases: [],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a variable reference in an `ENV` value to a variable that the same `ENV` instruction sets, when nothing set it before that instruction.',
      why: 'All values of one `ENV` instruction are substituted with the variables as they were before the instruction. In `ENV APP_HOME=/app PATH=$APP_HOME/bin:$PATH`, `$APP_HOME` is still unset, so `PATH` gets `/bin` instead of `/app/bin`: the build goes on with a wrong value and nothing reports it.',
      bad: 'FROM alpine:3.20\nENV APP_HOME=/app PATH=$APP_HOME/bin:$PATH\n',
      good: 'FROM alpine:3.20\nENV APP_HOME=/app\nENV PATH=$APP_HOME/bin:$PATH\n',
      fix: 'When the referenced variable is set earlier in the same instruction, splits the instruction just before the pair that uses it: the pairs from there on move to a new `ENV` line (keyword case, indentation and line endings as in the file), so the reference sees the new value. A suggestion: it changes the value the variable gets, which is the point. No fix when the variable is set later in the instruction or comment lines stand between the pairs.',
      notes: 'As in hadolint, a reference to a variable that an earlier ARG or ENV already set (in this stage or the stage it builds on) is not flagged, and a pair may refer to its own previous value (`PATH=/x:$PATH`). Unlike hadolint we follow Docker\'s quoting: `\\$NAME` and `\'$NAME\'` are not references. The range is the `$NAME` / `${NAME}` reference.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'ENV') continue;
      const props = properties(inst);
      if (props.length < 2) continue;
      const before = scopeBefore(inst);
      for (let k = 0; k < props.length; k++) {
        const p = props[k];
        if (!p.valueRange) continue;
        let fixed = false;
        for (const ref of variableRefs(model, p.valueRange)) {
          if (ref.name === p.name || before.has(ref.name)) continue;
          const j = props.findIndex((q, n) => n !== k && q.name === ref.name);
          if (j < 0) continue;
          const fixes = !fixed && j < k ? splitFix(model, inst, k) : null;
          fixed = true;
          out.push({
            range: ref.range,
            message: `${ref.name} is set in this same ENV: here it still has its value from before the instruction (unset)`,
            fixes: fixes ? [fixes] : [],
          });
        }
      }
    }
    return out;
  },
});

/** Split the ENV `inst` before its `k`-th pair: `ENV A=1 B=$A` → `ENV A=1` / `ENV B=$A`. */
function splitFix(model: Model, inst: Inst, k: number) {
  const props = properties(inst);
  const prev = props[k - 1];
  const end = prev.valueRange?.end ?? prev.nameRange.end;
  const start = props[k].nameRange.start;
  const gap = model.text.slice(model.lines.offsetAt(end), model.lines.offsetAt(start));
  // Only blanks and escaped line breaks between the two pairs (no comment lines).
  const esc = model.escapeChar;
  for (let i = 0; i < gap.length; i++) {
    const c = gap[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (c === esc && /^[ \t]*\r?\n/.test(gap.slice(i + 1))) continue;
    return null;
  }
  const written = inst.node.getInstruction();
  const indent = /^[ \t]*/.exec(model.lines.lineText(inst.range.start.line))![0];
  return fix('Split the ENV so the new value is used', [{ range: { start: end, end: start }, newText: `${model.eol}${indent}${written} ` }], 'suggestion');
}
