import { defineRule, type RawFinding } from '../engine/rule';
import { runCalls } from '../engine/instructions';
import { normalisePath } from '../engine/packages';
import type { ArgWord } from '../engine/deps';

const SYSTEM_SH = new Set(['/bin/sh', '/usr/bin/sh']);
/** ln options that take a separate value. */
const LN_WITH_VALUE = new Set(['-S', '--suffix', '-t', '--target-directory']);

function basename(v: string): string {
  const s = v.replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1);
}

/** The argument word of `ln` that names /bin/sh as the link to create, if any. */
function linkToBinSh(argv: readonly ArgWord[]): ArgWord | null {
  const operands: ArgWord[] = [];
  let targetDir: ArgWord | null = null;
  let options = true;
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    const v = w.value;
    if (options && v === '--') { options = false; continue; }
    if (options && v.startsWith('-') && v.length > 1) {
      if (LN_WITH_VALUE.has(v)) {
        if (v === '-t' || v === '--target-directory') targetDir = argv[i + 1] ?? null;
        i++;
      } else if (v.startsWith('--target-directory=')) {
        targetDir = { ...w, value: v.slice('--target-directory='.length) };
      } else if (/^-[a-zA-Z]*t.+$/.test(v) && !v.startsWith('--')) {
        targetDir = { ...w, value: v.slice(v.indexOf('t') + 1) };
      } else if (/^-[a-zA-Z]*[tS]$/.test(v)) {
        if (v.endsWith('t')) targetDir = argv[i + 1] ?? null;
        i++;
      }
      continue;
    }
    operands.push(w);
  }
  if (operands.some((w) => w.dynamic) || (targetDir && targetDir.dynamic)) return null;
  if (targetDir) {
    const dir = normalisePath(targetDir.value);
    return operands.some((o) => SYSTEM_SH.has(normalisePath(`${dir}/${basename(o.value)}`))) ? targetDir : null;
  }
  if (operands.length < 2) return null;
  const dest = operands[operands.length - 1];
  if (SYSTEM_SH.has(normalisePath(dest.value))) return dest;
  // `ln -s /bin/bash /bin/` links into the folder under the source's name.
  if (dest.value.endsWith('/')) {
    const dir = normalisePath(dest.value);
    if (operands.slice(0, -1).some((o) => SYSTEM_SH.has(normalisePath(`${dir}/${basename(o.value)}`)))) return dest;
  }
  return null;
}

export default defineRule({
  meta: {
    code: 'DL4005',
    name: 'ln-bin-sh',
    aliases: [],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `ln` in a `RUN` that replaces `/bin/sh` (or `/usr/bin/sh`) with a link, usually to switch the shell later `RUN` lines use to bash.',
      why: 'Relinking `/bin/sh` changes the system shell of the image for every script and program that calls `sh`, at build and at run time, behind the back of the distribution\'s package manager. To choose the shell of the `RUN`, `CMD` and `ENTRYPOINT` shell forms, the `SHELL` instruction says so explicitly and touches nothing else.',
      bad: 'FROM debian:bookworm-slim\nRUN ln -sf /bin/bash /bin/sh\nRUN source /etc/profile && make\n',
      good: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN source /etc/profile && make\n',
      fix: 'None: `SHELL` only changes how the Dockerfile\'s own instructions run, while the link also changes `/bin/sh` at run time, so swapping one for the other is the author\'s decision.',
      notes: 'hadolint flags any `ln` with a `/bin/sh` argument, including `ln -s /bin/sh /usr/local/bin/sh`, which leaves `/bin/sh` alone; we flag only the link that is created at `/bin/sh` or `/usr/bin/sh` (the last operand, a `-t`/`--target-directory` folder, or a folder ending in `/` with a source named `sh`). Exec-form `RUN ["ln", ...]` is checked too. The range is the word that names the link.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const call of runCalls(model)) {
      if (call.name !== 'ln') continue;
      const w = linkToBinSh(call.argv);
      if (!w) continue;
      out.push({ range: w.range, message: 'Relinking /bin/sh changes the system shell: use SHELL to choose the shell for RUN instructions' });
    }
    return out;
  },
});
