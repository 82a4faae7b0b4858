// Fix builders shared by rules and by the server's on-request refactors.
import type { Fix } from '../../../shared/types';
import type { Inst, Model } from './model';
import { parseShell } from './shell';
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
  const script = parseShell({ text: rest, map: new Int32Array(rest.length) }, model.lines);
  return script.hasErrors ? null : script.simpleArgv;
}

/**
 * Convert a shell-form RUN/CMD/ENTRYPOINT to exec form, keeping the keyword and flags as
 * written. A body that is one static command becomes its argv (`safe`); a body that needs a
 * shell (pipes, lists, variables, globs, redirections, builtins) runs through the stage's
 * SHELL (default `/bin/sh -c`) with the body as one string: the same behaviour, but a
 * `suggestion` because the shell stays PID 1. Null when the body is empty, uses heredocs, does
 * not parse, or the stage's shell is unknown (a non-backslash escape character usually means
 * Windows, whose default shell is `cmd`).
 */
export function execFormFix(model: Model, inst: Inst): Fix | null {
  if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(inst.keyword)) return null;
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
  const sh = shell ?? DEFAULT_SHELL;
  return {
    title: `Convert to exec form (through ${sh.join(' ')})`,
    edits: [{ range: inst.bodyRange, newText: execFormText([...sh, body]) }],
    safety: 'suggestion',
  };
}
