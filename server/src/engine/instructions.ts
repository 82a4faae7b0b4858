// Instruction-level queries and whole-line edits: removing an instruction with the lines it
// occupies, instructions a later one of the same stage overrides.
import type { TextEdit } from '../../../shared/types';
import type { Inst, Model } from './model';
import type { RawFinding } from './rule';
import { fix } from './helpers';
import { execArgv, type ArgWord } from './deps';
import type { ShellCommand } from './shell';

/**
 * An edit that deletes the lines `inst` occupies (continuation lines included) with their line
 * break, so the lines around it stay as they were. On the last line of a file without a final
 * line break, the line break before it goes instead.
 */
export function deleteInstructionEdit(model: Model, inst: Inst): TextEdit {
  const { lines } = model;
  const first = inst.range.start.line;
  const last = inst.range.end.line;
  let start = lines.starts[first];
  let end: number;
  if (last + 1 < lines.lineCount) end = lines.starts[last + 1];
  else {
    end = model.text.length;
    if (first > 0) start = lines.lineEnd(first - 1);
  }
  return { range: lines.range(start, end), newText: '' };
}

/** Every `keyword` instruction that a later one of the same stage overrides, with a safe fix deleting it. */
export function overriddenInstructions(model: Model, keyword: 'CMD' | 'ENTRYPOINT'): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of model.stages) {
    const found = stage.instructions.filter((i) => i.keyword === keyword);
    const last = found[found.length - 1];
    for (const inst of found.slice(0, -1)) {
      // Deleting it between two RUNs makes them consecutive (DL3059): a fix that brings in a
      // finding is not applied on its own, only offered.
      const before = model.instructions[inst.index - 1];
      const after = model.instructions[inst.index + 1];
      const joinsRuns = before?.keyword === 'RUN' && after?.keyword === 'RUN' && before.stage === after.stage;
      out.push({
        range: inst.keywordRange,
        message: `This ${keyword} has no effect: the ${keyword} on line ${last.range.start.line + 1} overrides it`,
        fixes: [fix(`Delete the overridden ${keyword}`, [deleteInstructionEdit(model, inst)], joinsRuns ? 'suggestion' : 'safe')],
      });
    }
  }
  return out;
}

/** One program a RUN runs: a command of a shell-form body, or an exec-form RUN's argv. */
export interface RunCall {
  inst: Inst;
  /** Basename of the program (`ln` for `/usr/bin/ln`); for shell commands after unwrapping sudo/env. */
  name: string;
  argv: ArgWord[];
  /** The shell command, or null for exec form. */
  cmd: ShellCommand | null;
}

/** Every program the RUN instructions of the file (or of `insts`) run, in source order. */
export function* runCalls(model: Model, insts: readonly Inst[] = model.instructions): Generator<RunCall> {
  for (const inst of insts) {
    if (inst.keyword !== 'RUN') continue;
    if (inst.shell) for (const cmd of inst.shell.commands) yield { inst, name: cmd.name, argv: cmd.argv, cmd };
    else if (inst.form === 'exec' && inst.json && inst.json.length) {
      const argv = execArgv(inst.json);
      const v = argv[0].value;
      yield { inst, name: v.slice(v.lastIndexOf('/') + 1), argv, cmd: null };
    }
  }
}
