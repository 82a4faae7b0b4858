// Small helpers rules share: ranges, edits, command/flag queries over the model.
import type { Fix, FixSafety, Range, TextEdit } from '../../../shared/types';
import type { Inst, Model } from './model';
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
