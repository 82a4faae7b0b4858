import { defineRule, type RawFinding } from '../engine/rule';
import { fix, innerRange, insertAt, unquote } from '../engine/helpers';
import { expand } from '../engine/vars';
import type { Word } from '../engine/model';

export default defineRule({
  meta: {
    code: 'DL3021',
    name: 'copy-multiple-sources-dest',
    aliases: ['DS-0011', 'DS011'],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a `COPY` (or `ADD`) with several sources whose destination does not end with `/`.',
      why: 'With more than one source the destination must be a directory, and Docker requires it to be written with a trailing `/`; without it the build fails ("When using COPY with more than one source file, the destination must be a directory and end with a /"). The slash also tells readers at a glance that files land inside a directory.',
      bad: 'FROM node:20-slim\nCOPY package.json package-lock.json /app\n',
      good: 'FROM node:20-slim\nCOPY package.json package-lock.json /app/\n',
      fix: 'Appends `/` to the destination (inside its quotes, after a variable). Safe: a build that failed now copies into the directory.',
      notes: 'Exec form (`COPY ["a", "b", "/dst"]`) and heredoc sources are counted. A destination made of variables is judged on its value; when a variable has no known value it is not flagged. `ADD` is checked too, as Docker applies the same requirement (hadolint checks `COPY` only).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      const exec = inst.form === 'exec' && inst.json !== null;
      const words: Word[] = exec ? inst.json! : inst.args;
      if (words.length < 3) continue;
      const dest = words[words.length - 1];
      const raw = exec ? dest.value : unquote(dest.value);
      if (raw.endsWith('/') || (model.escapeChar !== '\\' && raw.endsWith('\\'))) continue;
      const value = expand(raw, inst.scope, model.escapeChar).value;
      if (value === null || value.endsWith('/')) continue;
      // Exec-form ranges include the JSON quotes; shell-form words may be quoted too.
      const r = exec ? innerRange({ value: model.lines.textOf(dest.range), range: dest.range }) : innerRange(dest);
      out.push({
        range: dest.range,
        message: `${inst.keyword} with ${words.length - 1} sources needs a directory destination ending with '/': '${raw}'`,
        fixes: [fix(`Add '/' to the destination`, [insertAt(r.end, '/')], 'safe')],
      });
    }
    return out;
  },
});
