import { defineRule, type RawFinding } from '../engine/rule';
import { innerRange } from '../engine/helpers';
import type { Range } from '../../../shared/types';
import { IgnoreFile, hasGlob, ignoreFileName, ignoreFileOf, localSources } from '../engine/dockerignore';

/** The range of a JSON string word without its quotes. */
function unquotedJson(text: string, r: Range): Range {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"') && r.start.line === r.end.line) {
    return { start: { line: r.start.line, character: r.start.character + 1 }, end: { line: r.end.line, character: r.end.character - 1 } };
  }
  return r;
}

/**
 * For a one-level wildcard source (`*.json`): when it names at least one top-level entry and the
 * ignore file excludes every one of them (none partly brought back), the deciding line numbers.
 */
function globExcluded(glob: string, topLevel: readonly string[], file: IgnoreFile): number[] | null {
  if (glob.includes('/') || glob.startsWith('!') || glob.startsWith('#')) return null;
  const source = new IgnoreFile(glob);
  if (source.uncertain) return null;
  const named = topLevel.filter((n) => source.excludes(n) === true);
  if (!named.length) return null;
  const lines = new Set<number>();
  for (const n of named) {
    const v = file.verdict(n);
    if (!v || !v.excluded || !v.rule || file.mayReinclude(n)) return null;
    lines.add(v.rule.line + 1);
  }
  return [...lines].sort((a, b) => a - b);
}

export default defineRule({
  meta: {
    code: 'LW1112',
    name: 'copy-ignored-file',
    aliases: ['CopyIgnoredFile'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a `COPY`/`ADD` source from the build context (not `--from`) that the `.dockerignore` in effect excludes, so it is not in the context when the build runs. Matching follows Docker: paths are relative to the context root (`./a`, `/a` and `a` are the same), a pattern also excludes everything below a matching folder, the last matching line wins and `!` lines bring files back. Needs the build context, like LW1030.',
      why: 'Files excluded by `.dockerignore` are never sent to the builder. Copying one fails the build ("not found") or, for a folder with some content left, silently copies less than the Dockerfile says. Either the `.dockerignore` is too broad or the COPY is stale.',
      bad: 'FROM alpine:3.20\nCOPY ./tmp/helloworld.txt /helloworld.txt\n',
      good: 'FROM alpine:3.20\nCOPY ./forever/helloworld.txt /helloworld.txt\n',
      fix: 'None: either remove the pattern from `.dockerignore` (or add a `!` exception for the file) or stop copying it.',
      notes: 'The examples assume a `.dockerignore` containing `tmp/`. Unlike BuildKit, the whole context (`COPY . .`) is never reported, even with a `*` first line followed by `!` exceptions (a known false alarm of `docker build --check`), and neither is a folder that an exception may partly bring back. A wildcard source is judged only at the top of the context (`COPY *.json ./`), on the names that exist there: reported when it names some and all of them are excluded (the build would stop with "no source files"); deeper wildcards and variables are not judged. Sources are cleaned before matching (`./tmp/x` is `tmp/x`), as the context itself has no `./` prefix: so `*/tmp/*` does not cover `./tmp/x`, although BuildKit\'s own documentation example reports it (it matches the uncleaned text, where `.` fills the `*`).',
    },
  },
  check(model, ctx) {
    const bc = ctx.buildContext;
    if (!bc) return [];
    const file = ignoreFileOf(bc);
    if (!file) return [];
    const name = ignoreFileName(bc);
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const s of localSources(inst)) {
        if (!s.path || s.path === '.') continue;
        const range = inst.form === 'exec' ? unquotedJson(model.lines.textOf(s.word.range), s.word.range) : innerRange(s.word);
        if (hasGlob(s.path)) {
          // A wildcard at the top of the context: judged on the names that exist there.
          const lines = globExcluded(s.path, bc.topLevel, file);
          if (lines) out.push({ range, message: `Every file ${s.value} names in the build context is excluded by ${name} (${lines.length > 1 ? 'lines' : 'line'} ${lines.join(', ')}), so ${inst.keyword} finds nothing to copy` });
          continue;
        }
        const v = file.verdict(s.path);
        if (!v || !v.excluded || !v.rule) continue;
        if (file.mayReinclude(s.path)) continue;
        out.push({
          range,
          message: `${s.value} is excluded by ${name} (line ${v.rule.line + 1}: ${v.rule.text}), so it is not in the build context and ${inst.keyword} cannot copy it`,
        });
      }
    }
    return out;
  },
});
