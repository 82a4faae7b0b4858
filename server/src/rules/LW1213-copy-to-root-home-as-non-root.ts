import { defineRule, type RawFinding } from '../engine/rule';
import type { Inst } from '../engine/model';
import { copyDestination, expandedArg, resolvePath, unquote, workdirAt } from '../engine/helpers';
import { isRootUser, rootImage, runsAsNonRootByDefault, stageChain, userInstructions, userValue } from '../engine/user';

/** Whether a RUN of the chain opens up /root itself (`chmod 755 /root`, `chmod o+x /root`). */
function rootHomeOpened(insts: Inst[]): boolean {
  return insts.some((i) => i.keyword === 'RUN' && !!i.shell && i.shell.commands.some((c) => c.name === 'chmod' && c.argv.some((w, k) => k > 0 && !w.dynamic && resolvePath('/', w.value) === '/root' && w.value.startsWith('/'))));
}

export default defineRule({
  meta: {
    code: 'LW1213',
    name: 'copy-to-root-home-as-non-root',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `COPY`/`ADD` into `/root` (directly, or relative to `WORKDIR /root`) in the final image when the image runs as a non-root user.',
      why: 'Running as a non-root user is the first security practice, but `/root` is readable by root only (mode 700 on Debian, Ubuntu and Alpine). A non-root process cannot even enter it, so files copied there (`/root/.local` from a pip `--user` install, a binary in `WORKDIR /root/`) fail at run time with "permission denied" or "not found", whatever their own owner and mode. Put them in a neutral place (`/app`, `/opt/<name>`, `/usr/local`) or in the user\'s own home, owned by that user (`COPY --chown`).',
      bad: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/example/wheels:1.0 /root/.local /root/.local\nENV PATH=/root/.local/bin:$PATH\nUSER nobody\nCMD ["app"]\n',
      good: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/example/wheels:1.0 /root/.local /opt/app\nENV PATH=/opt/app/bin:$PATH\nUSER nobody\nCMD ["app"]\n',
      fix: 'None: the right place depends on the application (and, for Python, `PYTHONUSERBASE` or `pip install --prefix`).',
      notes: 'No reference tool has this rule. Only the final image counts (the last stage and the stages it is built on). The image is taken to run as non-root when its last USER resolves to a user other than root/0, or when no USER is set and the base image is known to run as non-root (distroless `:nonroot`, Chainguard). Nothing is reported when a RUN makes `/root` itself accessible (`chmod 755 /root`).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const final = model.stages[model.stages.length - 1];
    if (!final) return out;
    const users = userInstructions(final);
    const lastUser = users[users.length - 1];
    let who: string;
    if (lastUser) {
      const v = userValue(lastUser);
      if (!v || v.resolved === null || isRootUser(v.resolved)) return out;
      who = `USER ${v.resolved} (line ${lastUser.range.start.line + 1})`;
    } else if (runsAsNonRootByDefault(rootImage(final))) {
      who = 'the base image\'s non-root user';
    } else return out;
    const insts = stageChain(final).reverse().flatMap((s) => s.instructions);
    if (rootHomeOpened(insts)) return out;
    for (const inst of insts) {
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      const dest = copyDestination(inst);
      if (!dest) continue;
      const raw = inst.form === 'exec' ? dest.value : expandedArg(inst, { value: unquote(dest.value), range: dest.range }, model.escapeChar);
      if (raw === null) continue;
      let path: string | null = null;
      if (raw.startsWith('/')) path = resolvePath('/', raw);
      else { const cwd = workdirAt(inst, model.escapeChar); if (cwd !== null) path = resolvePath(cwd, raw); }
      if (path === null || (path !== '/root' && !path.startsWith('/root/'))) continue;
      out.push({
        range: dest.range,
        message: `Copied into ${path}, but the container runs as ${who}: /root is accessible to root only. Copy to /app, /opt or the user's home instead`,
      });
    }
    return out;
  },
});
