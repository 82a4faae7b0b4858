// Fix builders shared by rules and by the server's on-request refactors.
import type { Fix, TextEdit } from '../../../shared/types';
import type { Inst, Model } from './model';
import { parseShell, parseDetachedCached } from './shell';
import { imageFamily, knownWithoutEntrypoint, rootImage } from './user';

const DEFAULT_SHELL = ['/bin/sh', '-c'];
const POSIX_SHELL = /(^|[/\\])(sh|bash|ash|dash|zsh|ksh|mksh|busybox)(\.exe)?$/i;

/**
 * Shell builtins (and keywords) that have no executable of their own: in exec form there is
 * no shell to run them, so such a command keeps a shell wrapper.
 */
const SHELL_ONLY = new Set([
  'cd', 'export', 'source', '.', 'set', 'unset', 'alias', 'unalias', 'umask', 'ulimit', 'exit', 'return', 'shift',
  'trap', 'eval', 'exec', 'read', 'wait', 'readonly', 'declare', 'typeset', 'local', 'let', 'shopt', 'hash',
  'builtin', 'enable', 'jobs', 'fg', 'bg', 'disown', 'pushd', 'popd', 'dirs', 'times', 'getopts', 'break',
  'continue', ':', 'function', 'select', 'coproc', '[[', 'if', 'then', 'else', 'elif', 'fi', 'case', 'esac',
  'for', 'while', 'until', 'do', 'done', '{', '}', '!', 'history', 'fc', 'logout', 'mapfile', 'readarray',
]);

/** `["a", "b"]` with JSON escaping, as Docker's exec form expects. */
export function execFormText(words: readonly string[]): string {
  return '[' + words.map((w) => JSON.stringify(w)).join(', ') + ']';
}

/**
 * The SHELL in effect for `inst`: the last exec-form SHELL before it in its stage, else in
 * the stages it builds on; null when none is set (the image's default applies).
 */
export function effectiveShell(inst: Inst): string[] | null {
  for (let s = inst.stage, first = true; s; s = s.baseStage, first = false) {
    const insts = s.instructions;
    for (let k = insts.length - 1; k >= 0; k--) {
      const i = insts[k];
      if (first && i.index >= inst.index) continue;
      if (i.keyword === 'SHELL' && i.form === 'exec' && i.json && i.json.length) return i.json.map((w) => w.value);
    }
    if (s.baseStage === s) break;
  }
  return null;
}

/**
 * Whether the default shell of `inst`'s stage is unknown: a Windows base image (`cmd`), or an
 * escape character other than backslash, which is how Windows Dockerfiles are usually written.
 */
export function defaultShellUnknown(model: Model, inst: Inst): boolean {
  if (model.escapeChar !== '\\') return true;
  return inst.stage !== null && imageFamily(rootImage(inst.stage)) === 'windows';
}

function instructionSetIn(inst: Inst, keyword: string, chain: boolean): boolean {
  for (let s = inst.stage; s; s = chain ? s.baseStage : null) {
    if (s.instructions.some((i) => i.keyword === keyword)) return true;
    if (s.baseStage === s) break;
  }
  return false;
}

/**
 * When a static command is written after `exec` (`CMD exec node app.js`), its argv: `exec`
 * replaces the shell with the program, which is what exec form does directly.
 */
function argvAfterExec(model: Model, text: string): string[] | null {
  const m = /^exec[ \t]+/.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  if (!rest.trim() || rest.trimStart().startsWith('-')) return null;
  const script = parseDetachedCached(`exec\u0000${rest}`, () => parseShell({ text: rest, map: new Int32Array(rest.length) }, model.lines));
  return script.hasErrors ? null : script.simpleArgv;
}

/**
 * Convert a shell-form RUN/CMD/ENTRYPOINT to exec form, keeping the keyword and flags as
 * written. A body that is one static command becomes its argv (`safe`); a body that needs a
 * shell (pipes, lists, variables, globs, redirections, builtins) runs through the stage's
 * SHELL (default `/bin/sh -c`) with the body as one string: the same behaviour, but a
 * `suggestion` because the shell stays PID 1. Null when the body is empty, uses heredocs, does
 * not parse, or the stage's shell is unknown (a non-backslash escape character usually means
 * Windows, whose default shell is `cmd`). `argvOnly`: only the argv conversion (null where the
 * body needs a shell). HEALTHCHECK: the command after `CMD` is converted.
 */
export function execFormFix(model: Model, inst: Inst, opts: { argvOnly?: boolean } = {}): Fix | null {
  if (!['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(inst.keyword)) return null;
  if (inst.form !== 'shell' || !inst.bodyRange || inst.heredocs.length || !inst.shell || inst.shell.hasErrors) return null;
  const body = (inst.shellText ?? '').trim();
  if (!body) return null;
  const shell = effectiveShell(inst);
  if (!shell && defaultShellUnknown(model, inst)) return null;
  const keyword = inst.keyword;
  const posix = (shell ?? DEFAULT_SHELL).length > 0 && POSIX_SHELL.test((shell ?? DEFAULT_SHELL)[0]);

  let argv: string[] | null = null;
  if (posix) {
    argv = inst.shell.simpleArgv ?? argvAfterExec(model, body);
    if (argv && SHELL_ONLY.has(argv[0])) argv = null;
  }

  if (argv) {
    // Exec form changes how CMD and ENTRYPOINT combine: an exec-form ENTRYPOINT receives CMD
    // as arguments (shell form ignores it), and an ENTRYPOINT receives an exec-form CMD's argv
    // instead of `/bin/sh -c "..."`. Then the conversion is right but not behaviour-neutral.
    // The same holds for an ENTRYPOINT the base image may define.
    const interacts = (keyword === 'ENTRYPOINT' && instructionSetIn(inst, 'CMD', false))
      || (keyword === 'CMD' && (instructionSetIn(inst, 'ENTRYPOINT', true) || !inst.stage || !knownWithoutEntrypoint(rootImage(inst.stage))));
    return {
      title: 'Convert to exec form',
      edits: [{ range: inst.bodyRange, newText: execFormText(argv) }],
      safety: interacts ? 'suggestion' : 'safe',
    };
  }
  if (opts.argvOnly) return null;
  const sh = shell ?? DEFAULT_SHELL;
  return {
    title: `Convert to exec form (through ${sh.join(' ')})`,
    edits: [{ range: inst.bodyRange, newText: execFormText([...sh, body]) }],
    safety: 'suggestion',
  };
}

const CMD_SHELL = /(^|[/\\])cmd(\.exe)?$/i;

/**
 * The shell a shell-form instruction runs through, as far as rewriting its text goes: a POSIX
 * shell, Windows `cmd`, one of the two (the default shell of a file with a non-backslash
 * escape character), or anything else (PowerShell, an interpreter).
 */
export type ShellKind = 'posix' | 'cmd' | 'posix-or-cmd' | 'other';

export function shellKind(model: Model, inst: Inst): ShellKind {
  const sh = effectiveShell(inst);
  if (sh) return POSIX_SHELL.test(sh[0]) ? 'posix' : CMD_SHELL.test(sh[0]) ? 'cmd' : 'other';
  if (inst.stage && imageFamily(rootImage(inst.stage)) === 'windows') return 'cmd';
  return model.escapeChar === '\\' ? 'posix' : 'posix-or-cmd';
}

/**
 * Offset just after the last character of a shell-form body that the shell sees: trailing
 * blanks and trailing comment lines of a continuation are not part of it. Null when that
 * last line ends with the escape character (a continuation into nothing).
 */
export function shellBodyEnd(model: Model, inst: Inst): number | null {
  if (!inst.bodyRange) return null;
  const first = inst.bodyRange.start.line;
  for (let line = inst.range.end.line; line >= first; line--) {
    const start = line === first ? model.lines.offsetAt(inst.bodyRange.start) : model.lines.starts[line];
    const end = line === inst.range.end.line ? model.lines.offsetAt(inst.range.end) : model.lines.lineEnd(line);
    const text = model.text.slice(start, end).replace(/[ \t]+$/, '');
    if (line > first && (text.trim() === '' || text.trimStart().startsWith('#'))) continue;
    if (text.endsWith(model.escapeChar)) return null;
    return start + text.length;
  }
  return null;
}

function leadingBlanks(text: string): string {
  return /^[ \t]*/.exec(text)![0];
}

/**
 * The indentation of continuation lines: as in `first`, else `second`, else the first
 * multi-line shell-form RUN of the file; four spaces more than the instruction otherwise.
 */
function continuationIndent(model: Model, first: Inst, second: Inst): string {
  return indentOfContinuation(model, first) ?? indentOfContinuation(model, second) ?? fileContinuationIndent(model)
    ?? leadingBlanks(model.lines.lineText(first.range.start.line)) + '    ';
}

/** The indentation of the first non-blank continuation line of `inst`, if it has one. */
function indentOfContinuation(model: Model, inst: Inst): string | null {
  for (let line = inst.range.start.line + 1; line <= inst.range.end.line; line++) {
    const text = model.lines.lineText(line);
    if (text.trim()) return leadingBlanks(text);
  }
  return null;
}

/** The file's habit: that of its first multi-line shell-form RUN (once per model, not per merge). */
function fileContinuationIndent(model: Model): string | null {
  if (fileIndents.has(model)) return fileIndents.get(model)!;
  let found: string | null = null;
  for (const i of model.instructions) {
    if (i.keyword !== 'RUN' || i.form !== 'shell' || i.heredocs.length) continue;
    found = indentOfContinuation(model, i);
    if (found !== null) break;
  }
  fileIndents.set(model, found);
  return found;
}
const fileIndents = new WeakMap<Model, string | null>();

/**
 * Merge the shell-form RUN `second` into the RUN `first` just before it (only comments and
 * blank lines between them, identical flags): `first && \` then `second` on a continuation
 * line, the comments between them kept as comment lines inside the continuation (the builder
 * drops those), `second`'s keyword and flags removed. The file's escape character, line
 * endings and continuation indentation are kept.
 *
 * `second` runs only when `first` succeeded, as before. Where plain `&&` would change that,
 * the pieces are grouped with `{ ...; }`: `second` when it has several lists, `||`, or a
 * background job (`a && c || d` would run `d` after a failed `a`); `first` when it ends with
 * `;` or `&` (`a; && c` is a syntax error). A `first` that changes the shell's state (`cd`,
 * variables, `set`, `exit`) runs in a subshell `( ... )` so that `second` starts as a RUN
 * does. Null when grouping would be needed but the shell is not known to be POSIX (`cmd` has
 * no `{ }` and its `( )` keep no state apart), when `first` ends in a `#` comment (it would
 * swallow what follows), for heredocs and bodies that do not parse, and for shells other than
 * POSIX and `cmd` (PowerShell 5 has no `&&`).
 */
export function mergeRunsFix(model: Model, first: Inst, second: Inst): Fix | null {
  for (const i of [first, second]) {
    if (i.keyword !== 'RUN' || i.form !== 'shell' || i.heredocs.length || !i.shell || i.shell.hasErrors || !i.bodyRange) return null;
  }
  const kind = shellKind(model, second);
  if (kind === 'other') return null;
  const left = first.shell!.shape;
  const right = second.shell!.shape;
  if (left.comment || !left.lists || !right.lists) return null;
  // A first part that changes the shell's state runs in a subshell, so the second still
  // starts where a RUN starts (the WORKDIR, the image's environment, a live shell).
  const wrapLeft: '(' | '{' | null = left.stateful ? '(' : left.terminator !== null ? '{' : null;
  const wrapRight = right.lists > 1 || right.or || right.background;
  if ((wrapLeft || wrapRight) && kind !== 'posix') return null;
  const firstEnd = shellBodyEnd(model, first);
  const secondEnd = shellBodyEnd(model, second);
  if (firstEnd === null || secondEnd === null) return null;
  // A comment in `second` is fine (nothing follows it) unless a closing brace must.
  if (wrapRight && right.comment) return null;

  const eol = model.eol;
  const indent = continuationIndent(model, first, second);
  const comments: string[] = [];
  for (let line = first.range.end.line + 1; line < second.range.start.line; line++) {
    const text = model.lines.lineText(line).trim();
    if (text.startsWith('#')) comments.push(indent + text + eol);
  }
  const close = wrapLeft === '(' ? ' )' : wrapLeft === '{' ? ' }' : '';
  const gap = close + ' && ' + model.escapeChar + eol + comments.join('') + indent + (wrapRight ? '{ ' : '');
  const edits: TextEdit[] = [];
  if (wrapLeft) edits.push({ range: { start: first.bodyRange!.start, end: first.bodyRange!.start }, newText: wrapLeft + ' ' });
  edits.push({ range: model.lines.range(firstEnd, model.lines.offsetAt(second.bodyRange!.start)), newText: gap });
  if (wrapRight) {
    const p = model.lines.positionAt(secondEnd);
    edits.push({ range: { start: p, end: p }, newText: right.terminator ? ' }' : '; }' });
  }
  return { title: 'Merge into the previous RUN', edits, safety: 'suggestion' };
}
