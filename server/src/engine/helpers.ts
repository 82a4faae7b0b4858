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
