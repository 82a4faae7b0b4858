import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import { runCalls } from '../engine/instructions';
import { expand } from '../engine/vars';
import type { ArgWord } from '../engine/deps';
import type { Scope } from '../engine/vars';

/** useradd short options that take a value. */
const SHORT_WITH_VALUE = new Set('bcdefgGkKpsuRPZ'.split(''));
const LONG_WITH_VALUE = new Set([
  '--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key',
  '--password', '--shell', '--uid', '--root', '--prefix', '--selinux-user', '--selinux-range', '--btrfs-subvolume-home',
]);

interface UseraddOptions { noLogInit: boolean; uid: ArgWord | null; uidText: string | null }

function parseUseradd(argv: readonly ArgWord[]): UseraddOptions {
  const o: UseraddOptions = { noLogInit: false, uid: null, uidText: null };
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i].value;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = eq > 0 ? v.slice(0, eq) : v;
      if (name === '--no-log-init') o.noLogInit = true;
      if (name === '--uid') { o.uid = eq > 0 ? argv[i] : argv[i + 1] ?? null; o.uidText = eq > 0 ? v.slice(eq + 1) : argv[i + 1]?.value ?? null; }
      if (eq < 0 && LONG_WITH_VALUE.has(name)) i++;
      continue;
    }
    if (!v.startsWith('-') || v.length < 2) continue;
    // A bundle of short options: `-lm`, `-ou1000`, `-mu 100000`.
    for (let k = 1; k < v.length; k++) {
      const c = v[k];
      if (c === 'l') o.noLogInit = true;
      if (!SHORT_WITH_VALUE.has(c)) continue;
      const attached = v.slice(k + 1);
      if (c === 'u') { o.uid = attached ? argv[i] : argv[i + 1] ?? null; o.uidText = attached || (argv[i + 1]?.value ?? null); }
      if (!attached) i++;
      break;
    }
  }
  return o;
}

/** The numeric value of a uid word, through ARG/ENV values where it is a variable. */
function uidValue(text: string, scope: Scope): number | null {
  let t = text;
  if (t.length >= 2 && t[0] === '"' && t.endsWith('"')) t = t.slice(1, -1);
  const v = expand(t, scope).value;
  return v !== null && /^[0-9]+$/.test(v) ? Number(v) : null;
}

export default defineRule({
  meta: {
    code: 'DL3046',
    name: 'useradd-high-uid',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `useradd` with a UID above 99999 (six digits or more) and without `-l` / `--no-log-init`.',
      why: '`useradd` reserves a record for the new UID in the login databases `/var/log/lastlog` and `/var/log/faillog`, which are indexed by UID. On the host these are sparse files; in an image layer they are stored in full, so a high UID can add hundreds of megabytes or more to the image for nothing. `-l` skips those databases, which a container does not use.',
      bad: 'FROM debian:bookworm-slim\nRUN useradd -u 1000000 app\n',
      good: 'FROM debian:bookworm-slim\nRUN useradd -l -u 1000000 app\n',
      fix: 'Inserts ` -l` right after `useradd` (`"-l"` in exec form). Safe: it only keeps the user out of the lastlog and faillog databases, which nothing in a container reads.',
      notes: 'As in hadolint the threshold is a UID of six digits or more. Unlike hadolint, a UID given through a variable is resolved through the ARG/ENV values in scope (`-u $APP_UID` with `ARG APP_UID=1000000`), bundled short options (`-lm`, `-mu 1000000`) and `--uid=N` are read, and exec-form `RUN ["useradd", ...]` is checked. The range is the UID.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const call of runCalls(model)) {
      if (call.name !== 'useradd') continue;
      const o = parseUseradd(call.argv);
      if (o.noLogInit || !o.uid || o.uidText === null) continue;
      const uid = uidValue(o.uidText, call.inst.scope);
      if (uid === null || uid <= 99999) continue;
      const prog = call.argv[0];
      out.push({
        range: o.uid.range,
        message: `useradd with UID ${uid} and without -l writes a large lastlog/faillog into the image: add -l (--no-log-init)`,
        fixes: [fix('Add -l (--no-log-init)', [insertAt(prog.range.end, call.cmd ? ' -l' : ', "-l"')], 'safe')],
      });
    }
    return out;
  },
});
