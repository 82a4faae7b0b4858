// Instruction-level queries and whole-line edits: removing an instruction with the lines it
// occupies, instructions a later one of the same stage overrides.
import type { TextEdit } from '../../../shared/types';
import type { Inst, Model, Stage } from './model';
import type { RawFinding } from './rule';
import { copyDestination, copySources, fix, resolvePath, unquote, workdirAt } from './helpers';
import { stageChain } from './user';
import { expand } from './vars';
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

/** A COPY or ADD, with its destination resolved to an absolute path where it can be. */
export interface CopyStep {
  inst: Inst;
  /** The destination as an absolute path (WORKDIR and ARG/ENV applied); null when unknown. */
  dest: string | null;
  /** The destination is a directory (`/app/`, `.`, or several sources). */
  destIsDir: boolean;
  /** Source words with ARG/ENV applied (quotes removed); null entries where unknown. */
  sources: (string | null)[];
  /** `--from=` value as written, or null for the build context. */
  from: string | null;
}

/** The COPY/ADD instructions of `stage` and the stages it builds on (base stages first), before `before` when given. */
export function copySteps(model: Model, stage: Stage, before?: Inst): CopyStep[] {
  const out: CopyStep[] = [];
  for (const s of stageChain(stage).reverse()) {
    for (const inst of s.instructions) {
      if (before && s === stage && inst.index >= before.index) break;
      const step = copyStep(model, inst);
      if (step) out.push(step);
    }
  }
  return out;
}

/** One COPY/ADD as a CopyStep (null for other instructions and a COPY without destination), once per instruction and lint. */
function copyStep(model: Model, inst: Inst): CopyStep | null {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return null;
  const kept = copyStepMemo.get(inst);
  if (kept !== undefined && kept.escapeChar === model.escapeChar) return kept.step;
  const step = computeCopyStep(model, inst);
  copyStepMemo.set(inst, { escapeChar: model.escapeChar, step });
  return step;
}
const copyStepMemo = new WeakMap<Inst, { escapeChar: string; step: CopyStep | null }>();

function computeCopyStep(model: Model, inst: Inst): CopyStep | null {
  const d = copyDestination(inst);
  if (!d) return null;
  const raw = inst.form === 'exec' ? d.value : unquote(d.value);
  const e = expand(raw, inst.scope, model.escapeChar);
  const srcWords = copySources(inst);
  const sources = srcWords.map((w) => {
    const v = expand(inst.form === 'exec' ? w.value : unquote(w.value), inst.scope, model.escapeChar);
    return v.unresolved.length ? null : v.value;
  });
  let dest: string | null = null;
  if (!e.unresolved.length && e.value !== null) {
    const cwd = workdirAt(inst, model.escapeChar);
    dest = e.value.startsWith('/') ? resolvePath('/', e.value) : cwd === null ? null : resolvePath(cwd, e.value);
  }
  const from = inst.flags.find((f) => f.name.toLowerCase() === 'from')?.value ?? null;
  const destIsDir = raw.endsWith('/') || raw === '.' || srcWords.length > 1 || (e.value ?? '').endsWith('/');
  return { inst, dest, destIsDir, sources, from };
}

const lastComponent = (p: string) => p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1);
const BIN_DIRS = new Set(['/', '/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/busybox']);

/**
 * Whether a COPY/ADD before `inst` (in its stage chain) may put a program named one of `names`
 * into the image: a source or destination whose last component is one of them, or a copy into
 * `/`, `/bin`, `/usr/bin`, `/usr/local/bin`, `/sbin` or an unknown destination of a directory
 * (a directory, `.` or a glob as source).
 */
export function mayCopyProgram(model: Model, inst: Inst, names: readonly string[]): boolean {
  if (!inst.stage) return false;
  for (const c of copySteps(model, inst.stage, inst)) {
    if (c.sources.some((s) => s === null || names.includes(lastComponent(s)) || s.replace(/\/+$/, '').endsWith('/bin') || /^\/?(bin|busybox)$/.test(s.replace(/\/+$/, '')))) return true;
    const dirLike = c.sources.some((s) => s !== null && (s.endsWith('/') || s === '.' || s.includes('*')));
    // A directory copied somewhere unknown, or into a bin directory (or `/`), may bring anything.
    if (c.dest === null) { if (dirLike) return true; continue; }
    if (names.includes(lastComponent(c.dest)) || (BIN_DIRS.has(c.dest) && dirLike)) return true;
  }
  return false;
}

/**
 * An edit removing one command of a shell-form RUN joined to its neighbours by `&&`
 * (`a && chown x && b` → `a && b`), or the whole RUN when it is its only command. Null where
 * removing it could change what the rest does: `||`, pipes, `;` lists, background jobs,
 * subshells, substitutions, `sh -c` bodies, heredocs, bodies that do not parse.
 */
export function removeCommandEdit(model: Model, inst: Inst, cmd: ShellCommand): TextEdit | null {
  const sh = inst.shell;
  if (inst.keyword !== 'RUN' || inst.form !== 'shell' || !sh || sh.hasErrors || inst.heredocs.length) return null;
  if (sh.shape.or || sh.shape.background || sh.shape.lists !== 1 || sh.shape.comment) return null;
  const cmds = sh.commands;
  if (cmds.some((c) => c.inSubstitution || c.inSubshell || c.wrappers.some((w) => w.endsWith(' -c')))) return null;
  if (cmds.length === 1 && cmds[0] === cmd) return deleteInstructionEdit(model, inst);
  const k = cmds.indexOf(cmd);
  if (k < 0) return null;
  const next = cmds[k + 1];
  if (cmds.some((c, i) => i > 0 && c.connector !== '&&')) return null;
  if (k > 0) return { range: { start: cmds[k - 1].range.end, end: cmd.range.end }, newText: '' };
  return next ? { range: { start: cmd.range.start, end: next.range.start }, newText: '' } : null;
}
