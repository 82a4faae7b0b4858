import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import { defaultShellUnknown, effectiveShell } from '../engine/fixes';
import { imageFamily, insertLinesBefore, keywordCase, rootImage } from '../engine/user';
import type { Fix, Range } from '../../../shared/types';
import type { Inst, Model } from '../engine/model';
import type { ShellCommand } from '../engine/shell';

const POSIX = /^(sh|bash|ash|dash|zsh|ksh|mksh|busybox)$/;
/** Shells whose `set -o pipefail` is known to work (BusyBox ash has it; dash, as /bin/sh on Debian, has not). */
const HAS_PIPEFAIL = /^(bash|ash|zsh|ksh|mksh|busybox)$/;
export const BASH_PIPEFAIL = '["/bin/bash", "-o", "pipefail", "-c"]';

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1).replace(/\.exe$/i, '').toLowerCase();
}

/** `-o pipefail`, also after bundled flags (`-eo pipefail`, `-euxo pipefail`). */
function setsPipefail(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) if (/^-[a-zA-Z]*o$/.test(words[i]) && words[i + 1] === 'pipefail') return true;
  return false;
}

type Shell = { kind: 'skip' } | { kind: 'ok' } | { kind: 'prefix' } | { kind: 'bash-shell' } | { kind: 'nofix' };

/** What the shell running `inst` means for pipefail, and how a fix would set it. */
function shellOf(model: Model, inst: Inst): Shell {
  const sh = effectiveShell(inst);
  const stage = inst.stage;
  const ref = stage ? rootImage(stage) : null;
  const tag = (ref?.tag ?? '').toLowerCase();
  const fam = ref ? imageFamily(ref) : 'unknown';
  const busybox = fam === 'alpine' || tag.includes('alpine');
  const debian = !busybox && (fam === 'debian' || fam === 'node' || fam === 'dotnet');
  if (sh) {
    const name = basename(sh[0]);
    if (!POSIX.test(name)) return { kind: 'skip' };
    if (setsPipefail(sh)) return { kind: 'ok' };
    if (HAS_PIPEFAIL.test(name) || (busybox && name === 'sh')) return { kind: 'prefix' };
    return debian ? { kind: 'bash-shell' } : { kind: 'nofix' };
  }
  if (defaultShellUnknown(model, inst) || fam === 'scratch' || fam === 'distroless') return { kind: 'skip' };
  if (busybox) return { kind: 'prefix' };
  return debian ? { kind: 'bash-shell' } : { kind: 'nofix' };
}

/** The `|` (or `|&`) before the piped command `cmd`, searched back to the previous command. */
function pipeRange(model: Model, prev: ShellCommand | null, cmd: ShellCommand): Range {
  const from = prev ? model.lines.offsetAt(prev.range.end) : 0;
  const at = model.text.lastIndexOf('|', model.lines.offsetAt(cmd.range.start) - 1);
  if (at < from || at < 0) return cmd.range;
  return model.lines.range(at, at + (model.text[at + 1] === '&' ? 2 : 1));
}

function prefixFix(model: Model, inst: Inst): Fix | null {
  if (!inst.bodyRange) return null;
  const first = inst.args[0];
  const h = inst.heredocs[0];
  if (first && first.value.startsWith('<<')) {
    // `RUN <<EOF` script: set the option on its first line (after a `#!` line).
    if (!h || !h.contentRange) return null;
    const start = h.contentRange.start;
    const pos = h.content.startsWith('#!') ? { line: start.line + 1, character: 0 } : start;
    return fix('Add set -o pipefail', [insertAt(pos, 'set -o pipefail' + model.eol)], 'suggestion');
  }
  return fix('Start the RUN with set -o pipefail', [insertAt(inst.bodyRange.start, 'set -o pipefail && ')], 'suggestion');
}

export default defineRule({
  meta: {
    code: 'DL4006',
    name: 'pipefail',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a shell-form `RUN` with a pipe (`a | b`) when the shell running it does not have `pipefail` set: neither through `SHELL` (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`) nor by `set -o pipefail` earlier in the same `RUN`.',
      why: 'A pipeline\'s exit status is that of its last command. In `RUN curl -fsSL https://example.com/install.sh | sh`, a failed download still lets the step succeed (`sh` happily runs an empty script), and the image is built without what it needed. With `pipefail` the step fails when any command of the pipeline fails.',
      bad: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg\n',
      good: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg\n',
      fix: 'Where the shell supports it (a `SHELL` of bash, zsh, ksh or ash without the option, or the default `/bin/sh` of Alpine and BusyBox images, which is BusyBox ash) the `RUN` body is prefixed with `set -o pipefail && ` (a `RUN <<EOF` script gets a `set -o pipefail` line). On Debian-based images (debian, ubuntu, and the official images built on them), whose `/bin/sh` is dash without `pipefail`, a `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` line is inserted before the `RUN` instead; it applies to the later `RUN` lines of the stage too. No fix for other images, whose `/bin/sh` is unknown. Suggestions: the build then fails where it silently went on before.',
      notes: 'hadolint only looks at `SHELL` and resets it at every `FROM`; we also accept `set -o pipefail` (also `set -eo pipefail`, `set -euxo pipefail`) before the pipe in the same `RUN`, and follow the `SHELL` of the stage the `RUN`\'s stage is built on. Pipes inside a `sh -c "..."` string run in another shell and are not judged. Not checked: exec-form `RUN`, a `SHELL` that is not a POSIX shell (PowerShell, `cmd`), Windows images, `scratch`/distroless stages, and files with a `# hadolint shell=` pragma naming a non-POSIX shell. BusyBox ash (Alpine\'s `/bin/sh`) supports `set -o pipefail`, so unlike hadolint\'s advice no `SHELL` change is needed there. The range is the first pipe operator without `pipefail`.',
    },
  },
  check(model) {
    const pragma = model.pragmas.shell;
    if (pragma && !POSIX.test(basename(pragma))) return [];
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || inst.form !== 'shell' || !inst.shell) continue;
      const cmds = inst.shell.commands;
      let pipe = -1;
      for (let k = 0; k < cmds.length; k++) {
        const c = cmds[k];
        if (c.wrappers.some((w) => w.endsWith(' -c'))) continue;
        if (c.name === 'set' && setsPipefail(c.argv.map((w) => w.value))) break;
        if (c.connector === '|') { pipe = k; break; }
      }
      if (pipe < 0) continue;
      const shell = shellOf(model, inst);
      if (shell.kind === 'skip' || shell.kind === 'ok') continue;
      let fixes: Fix[] = [];
      if (shell.kind === 'prefix') { const f = prefixFix(model, inst); if (f) fixes = [f]; }
      else if (shell.kind === 'bash-shell' && inst.stage) {
        fixes = [fix('Run RUN instructions with bash -o pipefail (SHELL)', [insertLinesBefore(model, inst, [`${keywordCase(inst.stage, 'SHELL')} ${BASH_PIPEFAIL}`])], 'suggestion')];
      }
      out.push({
        range: pipeRange(model, pipe > 0 ? cmds[pipe - 1] : null, cmds[pipe]),
        message: 'This pipe ignores failures of the commands before it: set -o pipefail (in SHELL or at the start of the RUN)',
        fixes,
      });
    }
    return out;
  },
});
