import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace } from '../engine/helpers';
import type { Inst, Model } from '../engine/model';

const isBlank = (s: string) => /^[ \t]*$/.test(s);
const isComment = (s: string) => /^[ \t]*#/.test(s);

/** Whether a line ends in the escape character (and optional blanks): the instruction goes on. */
function continues(line: string, esc: string): boolean {
  let e = line.length;
  while (e > 0 && (line[e - 1] === ' ' || line[e - 1] === '\t')) e--;
  return e > 0 && line[e - 1] === esc;
}

/** Runs of blank lines that a line continuation of `inst` skips over: [first line, last line]. */
export function emptyContinuationRuns(model: Model, inst: Inst): [number, number][] {
  const runs: [number, number][] = [];
  const esc = model.escapeChar;
  // Heredoc bodies keep their blank lines: only the lines before the first body count.
  let last = inst.range.end.line;
  for (const h of inst.heredocs) if (h.contentRange) last = Math.min(last, h.contentRange.start.line - 1);
  let open = continues(model.lines.lineText(inst.range.start.line), esc);
  for (let l = inst.range.start.line + 1; l <= last && open; l++) {
    const text = model.lines.lineText(l);
    if (isBlank(text)) {
      // A blank last line of the file ends the instruction; it is not followed by anything.
      if (l === model.lines.lineCount - 1 && text === '') break;
      const prev = runs[runs.length - 1];
      if (prev && prev[1] === l - 1) prev[1] = l; else runs.push([l, l]);
      continue;
    }
    if (isComment(text)) continue;
    open = continues(text, esc);
  }
  // A run at the very end (nothing but blank lines after the continuation) does not join anything.
  return runs.filter(([, b]) => b < inst.range.end.line || !isBlank(model.lines.lineText(inst.range.end.line)));
}

export default defineRule({
  meta: {
    code: 'LW1103',
    name: 'no-empty-continuation',
    aliases: ['NoEmptyContinuation'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags blank lines inside an instruction that is continued with a trailing `\\` (or the `# escape=` character).',
      why: 'Docker skips a blank line that follows a line continuation and carries on with the same instruction, so a line that looks like the start of something new is glued onto the previous instruction. This is deprecated and BuildKit says it will become an error. Keeping long RUN chains tidy (one step per line, no gaps) is part of writing readable, combined RUN instructions.',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n\n    curl \\\n    ca-certificates\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    curl \\\n    ca-certificates\n',
      fix: 'Deletes the blank line(s). Safe: Docker already ignores them, so the instruction is the same. If the blank line was meant to end the instruction, remove the trailing `\\` on the line before it instead (the fix does not guess that).',
      notes: 'Comment lines inside a continuation are not blank and are not reported (Docker drops them too). Blank lines inside heredoc bodies are content and are not reported.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.range.start.line === inst.range.end.line) continue;
      for (const [a, b] of emptyContinuationRuns(model, inst)) {
        const range = { start: { line: a, character: 0 }, end: { line: b + 1, character: 0 } };
        const n = b - a + 1;
        out.push({
          range,
          message: `Empty continuation line${n > 1 ? 's' : ''} inside ${inst.keyword}: Docker joins the next line onto this instruction`,
          fixes: [fix(`Remove the empty line${n > 1 ? 's' : ''}`, [replace(range, '')], 'safe')],
        });
      }
    }
    return out;
  },
});
