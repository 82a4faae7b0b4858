import { defineRule, type RawFinding } from '../engine/rule';
import type { Fix, Range } from '../../../shared/types';
import type { ShellCommand, ShellWord } from '../engine/shell';
import { fix, replace } from '../engine/helpers';

/**
 * Whether a mode makes files writable by everyone: an octal mode whose "others" digit has the
 * write bit, or a symbolic clause giving `o`/`a` write. The sticky bit (`1777`, `+t`) is the
 * shared-directory pattern of `/tmp` and is not reported.
 */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const special = mode.length === 4 ? Number(mode[0]) : 0;
    return (Number(mode[mode.length - 1]) & 2) !== 0 && (special & 1) === 0;
  }
  let writable = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return false;
    const who = m[1], op = m[2], perms = m[3];
    const others = who.includes('o') || who.includes('a');
    if (others && op !== '-' && perms.includes('t')) return false;
    if (others && op !== '-' && perms.includes('w')) writable = true;
  }
  return writable;
}

/** 777 → 755, 0666 → 0644: group and others lose write. */
function withoutGroupOtherWrite(mode: string): string | null {
  if (!/^[0-7]{3,4}$/.test(mode)) return null;
  const n = mode.length;
  const g = (Number(mode[n - 2]) & ~2).toString(), o = (Number(mode[n - 1]) & ~2).toString();
  return mode.slice(0, n - 2) + g + o;
}

const CHMOD_FLAG = /^-[RfvchHLP]+$/;

/** The mode word of `chmod`, `mkdir -m`, `install -m` (null when there is none or it is not literal). */
function modeWord(cmd: ShellCommand): { word: ShellWord; value: string; prefix: string } | null {
  const w = modeWordOf(cmd);
  if (!w) return null;
  return w.value.startsWith('--mode=') ? { word: w, value: w.value.slice(7), prefix: '--mode=' } : { word: w, value: w.value, prefix: '' };
}

function modeWordOf(cmd: ShellCommand): ShellWord | null {
  if (cmd.name === 'chmod') {
    for (let k = 1; k < cmd.argv.length; k++) {
      const w = cmd.argv[k];
      if (w.value.startsWith('--reference')) return null;
      if (CHMOD_FLAG.test(w.value) || (w.value.startsWith('--') && w.value !== '--')) continue;
      if (w.value === '--') return cmd.argv[k + 1] ?? null;
      return w;
    }
    return null;
  }
  if (cmd.name === 'mkdir' || cmd.name === 'install') {
    for (let k = 1; k < cmd.argv.length; k++) {
      const v = cmd.argv[k].value;
      if (v === '-m' || v === '--mode') return cmd.argv[k + 1] ?? null;
      if (v.startsWith('--mode=')) return cmd.argv[k];
    }
  }
  return null;
}

function finding(range: Range, what: string, fixes: Fix[]): RawFinding {
  return { range, message: `${what} makes files writable by every user: any process in the container can change them. Grant write to the owner only (e.g. 755 / 644) and chown to the user that needs it`, fixes };
}

export default defineRule({
  meta: {
    code: 'LW1209',
    name: 'world-writable-permissions',
    aliases: [],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags modes that make files writable by everyone: `chmod 777`, `chmod -R 666`, `chmod a+rwx`, `chmod o+w`, `mkdir -m 777`, `install -m 0777`, and `COPY`/`ADD --chmod=777`.',
      why: 'World-writable files let any user in the container, including a compromised process running as an unprivileged account, rewrite the application, its configuration or scripts that root runs later. `chmod 777` is usually a shortcut around a permission error; the best practices fix that by running as a dedicated non-root user that owns what it must write (`COPY --chown`, `chown app`) and keeping the rest read-only.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN chmod -R 777 /app\nUSER node\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\n',
      fix: 'For an octal mode, clears the write bit of group and others (`777` → `755`, `0666` → `0644`). A suggestion: a process that relied on writing as another user then fails, and should get ownership instead. Symbolic modes have no fix.',
      notes: 'No reference tool has this rule. Modes with the sticky bit (`1777`, `a+rwxt`: the shared-directory pattern of `/tmp`) are not flagged; neither are modes held in variables.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        for (const f of inst.flags) {
          if (f.name.toLowerCase() !== 'chmod' || f.value === null || !f.valueRange || !worldWritable(f.value)) continue;
          const safer = withoutGroupOtherWrite(f.value);
          out.push(finding(f.range, `${inst.keyword} --chmod=${f.value}`, safer ? [fix(`Use --chmod=${safer}`, [replace(f.valueRange, safer)], 'suggestion')] : []));
        }
        continue;
      }
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      for (const cmd of inst.shell.commands) {
        const m = modeWord(cmd);
        if (!m || m.word.dynamic || !worldWritable(m.value)) continue;
        const w = m.word;
        const safer = w.text === w.value ? withoutGroupOtherWrite(m.value) : null;
        const label = cmd.name === 'chmod' ? `chmod ${m.value}` : `${cmd.name} ${m.prefix ? m.prefix : '-m '}${m.value}`;
        out.push(finding(w.range, label, safer ? [fix(`Use mode ${safer}`, [replace(w.range, m.prefix + safer)], 'suggestion')] : []));
      }
    }
    return out;
  },
});
