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
  // The first stage of that name decides: earlier, this one, or later (a lookup, not a scan).
  const first = model.stageByRef(ref);
  if (first && first.index < cur.index) return { kind: 'earlier', stage: first, value };
  if (cur.name === ref) return { kind: 'self', stage: cur, value };
  if (first && first.index > cur.index) return { kind: 'later', stage: first, value };
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

/**
 * An edit removing the whole lines of `inst` (its line break included), for fixes that drop an
 * instruction. Comment lines inside it go too; lines before and after stay.
 */
export function removeInstructionEdit(model: Model, inst: Inst): TextEdit {
  const start = model.lines.starts[inst.range.start.line];
  const next = inst.range.end.line + 1;
  const end = next < model.lines.lineCount ? model.lines.starts[next] : model.text.length;
  // The last line of a file without a final line break: take the break before it instead.
  if (next >= model.lines.lineCount && start > 0) {
    let s = start - 1;
    if (model.text[s] === '\n' && model.text[s - 1] === '\r') s--;
    return replace(model.lines.range(s, end), '');
  }
  return replace(model.lines.range(start, end), '');
}

/**
 * An edit removing one argument word of an instruction together with the blanks before it
 * (or after it, for the first argument), leaving the others as written.
 */
export function removeArgEdit(model: Model, inst: Inst, k: number): TextEdit {
  const w = inst.args[k];
  const t = model.text;
  let s = model.lines.offsetAt(w.range.start);
  let e = model.lines.offsetAt(w.range.end);
  if (k > 0) { while (s > 0 && (t[s - 1] === ' ' || t[s - 1] === '\t')) s--; }
  else { while (e < t.length && (t[e] === ' ' || t[e] === '\t')) e++; }
  return replace(model.lines.range(s, e), '');
}

/** An instruction argument with ARG/ENV values substituted (null when a value is unknown). */
export function expandedArg(inst: Inst, w: Word, escapeChar = '\\'): string | null {
  const e = expand(w.value, inst.scope, escapeChar);
  return e.unresolved.length ? null : e.value;
}

/**
 * `p` resolved against the directory `base` (absolute) when it is relative, with `.`, `..`,
 * repeated and trailing slashes folded: `resolvePath('/a/b', '../c/')` is `/a/c`.
 */
export function resolvePath(base: string, p: string): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : base + '/' + p).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/**
 * The working directory each WORKDIR of `stage` leads to, in order, resolved through earlier
 * WORKDIRs of the stage and the stages it builds on: a relative WORKDIR with no absolute one
 * before it in the chain (the base image's directory is unknown) gives null, as does a
 * variable without a known value.
 */
export function workdirs(stage: Stage, escapeChar = '\\'): readonly WorkdirStep[] {
  // Kept per stage (a stage belongs to one model, so to one version of the document).
  const kept = workdirMemo.get(stage);
  if (kept && kept.escapeChar === escapeChar) return kept.steps;
  const steps = computeWorkdirs(stage, escapeChar);
  workdirMemo.set(stage, { escapeChar, steps });
  return steps;
}
export interface WorkdirStep { inst: Inst; dir: string | null }
const workdirMemo = new WeakMap<Stage, { escapeChar: string; steps: readonly WorkdirStep[] }>();

function computeWorkdirs(stage: Stage, escapeChar: string): WorkdirStep[] {
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s && !chain.includes(s); s = s.baseStage) chain.unshift(s);
  let cwd: string | null = null;
  const out: { inst: Inst; dir: string | null }[] = [];
  for (const s of chain) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'WORKDIR' || !inst.args.length) continue;
      const raw = inst.args.map((a) => a.value).join(' ');
      const e = expand(unquote(raw), inst.scope, escapeChar);
      const v = e.unresolved.length ? null : e.value;
      cwd = v === null ? null : v.startsWith('/') ? resolvePath('/', v) : cwd === null ? null : resolvePath(cwd, v);
      if (s === stage) out.push({ inst, dir: cwd });
    }
  }
  return out;
}

/** One `name=value` pair of an ENV, ARG or LABEL, as dockerfile-ast reads it (quotes removed). */
export interface KeyValue {
  name: string;
  /** Null when the pair has no value (`ARG NAME`). */
  value: string | null;
  nameRange: Range;
  valueRange: Range | null;
  /** The whole pair. */
  range: Range;
}

/** The pairs of an ENV, ARG or LABEL instruction; empty for other instructions. */
export function keyValues(inst: Inst): KeyValue[] {
  if (inst.keyword !== 'ENV' && inst.keyword !== 'ARG' && inst.keyword !== 'LABEL') return [];
  const props = (inst.node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null; getNameRange(): Range; getValueRange(): Range | null; getRange(): Range }[] }).getProperties?.() ?? [];
  return props.map((p) => ({ name: p.getName(), value: p.getValue(), nameRange: p.getNameRange(), valueRange: p.getValueRange(), range: p.getRange() }));
}

/**
 * An edit removing one shell word of a RUN (a flag) with the blanks before it, or, when the
 * word starts its line, with the blanks after it, so the rest of the line keeps its place.
 */
export function removeShellWordEdit(model: Model, word: ShellWord): TextEdit {
  const t = model.text;
  let s = model.lines.offsetAt(word.range.start);
  let e = model.lines.offsetAt(word.range.end);
  let b = s;
  while (b > 0 && (t[b - 1] === ' ' || t[b - 1] === '\t')) b--;
  if (b === 0 || t[b - 1] === '\n' || t[b - 1] === '\r') { while (e < t.length && (t[e] === ' ' || t[e] === '\t')) e++; }
  else s = b;
  return replace(model.lines.range(s, e), '');
}

/** An edit removing an instruction flag (`--security=insecure`) with the blanks before it. */
export function removeFlagEdit(model: Model, flag: { range: Range }): TextEdit {
  return removeShellWordEdit(model, { text: '', value: '', dynamic: false, range: flag.range });
}

/**
 * The working directory `inst` runs in, from the WORKDIRs before it in its stage and the
 * stages it builds on; null when none sets it (the base image's directory is unknown) or a
 * variable in one has no known value.
 */
export function workdirAt(inst: Inst, escapeChar = '\\'): string | null {
  if (!inst.stage) return null;
  let dir: string | null = null;
  const own = workdirs(inst.stage, escapeChar);
  for (const w of own) {
    if (w.inst.index > inst.index) break;
    dir = w.dir;
  }
  if (dir !== null || own.some((w) => w.inst.index < inst.index)) return dir;
  // Nothing in the stage itself: the last WORKDIR of the base stage chain.
  const base = inst.stage.baseStage;
  if (!base || base === inst.stage) return null;
  const last = base.instructions[base.instructions.length - 1];
  const ws = workdirs(base, escapeChar);
  return ws.length ? ws[ws.length - 1].dir : last ? workdirAt(last, escapeChar) : null;
}

/** The destination word of a COPY/ADD (the last argument; the last JSON string in exec form). */
export function copyDestination(inst: Inst): Word | null {
  const words = inst.form === 'exec' && inst.json ? inst.json : inst.args;
  return words.length >= 2 ? words[words.length - 1] : null;
}

/** The source words of a COPY/ADD (every argument but the last). */
export function copySources(inst: Inst): Word[] {
  const words = inst.form === 'exec' && inst.json ? inst.json : inst.args;
  return words.slice(0, -1);
}
