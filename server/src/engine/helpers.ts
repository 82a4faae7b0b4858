// Small helpers rules share: ranges, edits, command/flag queries over the model.
import type { Fix, FixSafety, Range, TextEdit } from '../../../shared/types';
import type { Inst, InstFlag, Model, Stage, Word } from './model';
import { expand } from './vars';
import type { ShellCommand, ShellWord } from './shell';

export function fix(title: string, edits: TextEdit[], safety: FixSafety): Fix {
  return { title, edits, safety };
}
export function replace(range: Range, newText: string): TextEdit { return { range, newText }; }
export function insertAt(pos: Range['start'], newText: string): TextEdit { return { range: { start: pos, end: pos }, newText }; }

/** `range` without the whitespace (line breaks included) at its ends. */
export function trimRange(model: Model, range: Range): Range {
  const t = model.text;
  let s = model.lines.offsetAt(range.start);
  let e = model.lines.offsetAt(range.end);
  while (e > s && /\s/.test(t[e - 1])) e--;
  while (s < e && /\s/.test(t[s])) s++;
  return model.lines.range(s, e);
}

/** Shell commands of every shell-form RUN in the file, with their instruction. */
export function* runCommands(model: Model): Generator<{ inst: Inst; cmd: ShellCommand; index: number }> {
  for (const inst of model.instructions) {
    if (inst.keyword !== 'RUN' || !inst.shell) continue;
    const cmds = inst.shell.commands;
    for (let i = 0; i < cmds.length; i++) yield { inst, cmd: cmds[i], index: i };
  }
}

/** The first non-option argument (the subcommand), e.g. `install` in `apt-get -y install x`. */
export function subcommand(cmd: ShellCommand): ShellWord | null {
  for (let i = 1; i < cmd.argv.length; i++) if (!cmd.argv[i].value.startsWith('-')) return cmd.argv[i];
  return null;
}

/** Whether any argument equals one of the given options (also `--opt=value` and `-abc` bundles for short ones). */
export function hasOption(cmd: ShellCommand, ...names: string[]): boolean {
  for (let i = 1; i < cmd.argv.length; i++) {
    const v = cmd.argv[i].value;
    for (const n of names) {
      if (v === n || v.startsWith(n + '=')) return true;
      if (n.length === 2 && n[0] === '-' && n[1] !== '-' && /^-[a-zA-Z]+$/.test(v) && v.includes(n[1])) return true;
    }
  }
  return false;
}

/** RUN flag by name (`mount`), all occurrences. */
export function flagsNamed(inst: Inst, name: string) { return inst.flags.filter((f) => f.name.toLowerCase() === name); }

/** The keyword as written (`from`, `From`, `FROM`). */
export function keywordText(inst: Inst): string { return inst.node.getInstruction(); }

/**
 * Options of a flag whose value is a comma-separated `key=value` list (`--mount=type=cache,from=x`),
 * each with the range of its value. Ranges are only given when the flag value is written literally
 * on one line (no continuation inside it); otherwise the list is empty.
 */
export function flagOptions(model: Model, flag: { value: string | null; valueRange: Range | null }): { key: string; value: string; valueRange: Range }[] {
  if (flag.value === null || !flag.valueRange || flag.valueRange.start.line !== flag.valueRange.end.line) return [];
  if (model.lines.textOf(flag.valueRange) !== flag.value) return [];
  const out: { key: string; value: string; valueRange: Range }[] = [];
  const base = model.lines.offsetAt(flag.valueRange.start);
  let pos = 0;
  for (const part of flag.value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.push({ key: part.slice(0, eq).trim().toLowerCase(), value: part.slice(eq + 1), valueRange: model.lines.range(base + pos + eq + 1, base + pos + part.length) });
    pos += part.length + 1;
  }
  return out;
}

/** `"x"` / `'x'` → `x`; anything else unchanged. */
export function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/** The range of a word without its surrounding quotes (the word itself when unquoted). */
export function innerRange(word: { value: string; range: Range }): Range {
  const v = word.value;
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] && word.range.start.line === word.range.end.line) {
    return { start: { line: word.range.start.line, character: word.range.start.character + 1 }, end: { line: word.range.end.line, character: word.range.end.character - 1 } };
  }
  return word.range;
}

/**
 * `base` joined with `rel` and cleaned as Docker does for WORKDIR (`.` and `..` resolved,
 * repeated and trailing slashes dropped). `base` must be absolute; an absolute `rel` wins.
 */
export function joinPosixPath(base: string, rel: string): string {
  const parts: string[] = [];
  for (const seg of (rel.startsWith('/') ? rel : base + '/' + rel).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/**
 * An edit deleting `range` and the blanks after it on the same line (a flag and its separating
 * space), so `FROM --platform=x img` becomes `FROM img`.
 */
export function removeWithTrailingBlanks(model: Model, range: Range): TextEdit {
  const text = model.text;
  let end = model.lines.offsetAt(range.end);
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { range: { start: range.start, end: model.lines.positionAt(end) }, newText: '' };
}

/** An edit deleting an instruction's whole lines (continuations included) and their line break. */
export function removeInstructionLines(model: Model, inst: Inst): TextEdit {
  const start = model.lines.offsetAt({ line: inst.range.start.line, character: 0 });
  let end = model.lines.lineEnd(inst.range.end.line);
  if (model.text[end] === '\r') end++;
  if (model.text[end] === '\n') end++;
  return { range: model.lines.range(start, end), newText: '' };
}

/** What a `COPY --from=` / `RUN --mount=from=` value refers to, seen from `inst`'s stage. */
export type FromTarget =
  | { kind: 'earlier'; stage: Stage; value: string }
  | { kind: 'self'; stage: Stage; value: string }
  | { kind: 'later'; stage: Stage; value: string }
  | { kind: 'image'; value: string }
  | { kind: 'missing'; value: string };

/**
 * Resolve a `--from` value (quotes stripped, ARG/ENV substituted in `inst`'s scope) to a stage
 * by name (case-insensitive) or index, or to an external image when it has an image
 * reference's `:`, `/` or `@`. Null when a variable has no known value or no stage applies.
 */
export function resolveFromTarget(model: Model, inst: Inst, raw: string): FromTarget | null {
  const cur = inst.stage;
  if (!cur) return null;
  const value = expand(unquote(raw), inst.scope, model.escapeChar).value;
  if (value === null || value === '') return null;
  const ref = value.toLowerCase();
  if (/^[0-9]+$/.test(ref)) {
    const n = Number(ref);
    const s = model.stages[n];
    if (!s) return { kind: 'missing', value };
    return n < cur.index ? { kind: 'earlier', stage: s, value } : n === cur.index ? { kind: 'self', stage: s, value } : { kind: 'later', stage: s, value };
  }
  const earlier = model.stages.find((s) => s.index < cur.index && s.name === ref);
  if (earlier) return { kind: 'earlier', stage: earlier, value };
  if (cur.name === ref) return { kind: 'self', stage: cur, value };
  const later = model.stages.find((s) => s.index > cur.index && s.name === ref);
  if (later) return { kind: 'later', stage: later, value };
  if (/[:/@]/.test(ref)) return { kind: 'image', value };
  return { kind: 'missing', value };
}

/** `from=` of a RUN `--mount` flag: its value and range (values are single-line). */
export function mountFromOption(flag: InstFlag): Word | null {
  if (flag.value === null || flag.valueRange === null || flag.valueRange.start.line !== flag.valueRange.end.line) return null;
  let off = 0;
  for (const part of flag.value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toLowerCase() === 'from') {
      const start = flag.valueRange.start.character + off + eq + 1;
      return { value: part.slice(eq + 1), range: { start: { line: flag.valueRange.start.line, character: start }, end: { line: flag.valueRange.start.line, character: start + part.length - eq - 1 } } };
    }
    off += part.length + 1;
  }
  return null;
}
