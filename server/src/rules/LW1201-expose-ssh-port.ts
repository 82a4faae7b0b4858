import { defineRule, type RawFinding } from '../engine/rule';
import { expandedArg, fix, removeArgEdit, removeInstructionEdit } from '../engine/helpers';

/** `22`, `22/tcp`, `22/udp` (any case); quotes around the word are the parser's, not Docker's. */
function isSshPort(value: string): boolean {
  const v = value.replace(/^["']|["']$/g, '').toLowerCase();
  const slash = v.indexOf('/');
  const port = slash >= 0 ? v.slice(0, slash) : v;
  const proto = slash >= 0 ? v.slice(slash + 1) : 'tcp';
  return /^0*22$/.test(port) && (proto === 'tcp' || proto === 'udp' || proto === 'sctp');
}

export default defineRule({
  meta: {
    code: 'LW1201',
    name: 'expose-ssh-port',
    aliases: ['DS-0004', 'DS004', 'CKV_DOCKER_1'],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `EXPOSE 22` (also `22/tcp`, `22/udp`, or an ARG/ENV that resolves to 22): the image announces an SSH port.',
      why: 'An SSH daemon in a container is one more service to patch, configure and attack, with credentials or keys that end up in the image. The best practices ask for a minimal attack surface and only the binaries the application needs; `docker exec` (or `kubectl exec`) gives a shell without an SSH server.',
      bad: 'FROM debian:bookworm-slim\nEXPOSE 22 8080\n',
      good: 'FROM debian:bookworm-slim\nEXPOSE 8080\n',
      fix: 'Removes port 22 from the `EXPOSE` line, or the whole line when it was the only port. A suggestion: `EXPOSE` is metadata, but tools that publish exposed ports (`docker run -P`) see the change.',
      notes: 'Only the port is judged; an SSH server installed and started on another port is not detected. Port ranges (`EXPOSE 20-30`) are not flagged.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'EXPOSE') continue;
      inst.args.forEach((w, k) => {
        const v = expandedArg(inst, w, model.escapeChar);
        if (v === null || !isSshPort(v)) return;
        const edit = inst.args.length === 1 ? removeInstructionEdit(model, inst) : removeArgEdit(model, inst, k);
        out.push({
          range: w.range,
          message: 'Port 22 (SSH) is exposed: containers should not run an SSH server; use `docker exec` for a shell',
          fixes: [fix('Remove port 22 from EXPOSE', [edit], 'suggestion')],
        });
      });
    }
    return out;
  },
});
