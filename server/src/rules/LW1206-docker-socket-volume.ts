import { defineRule, type RawFinding } from '../engine/rule';
import { expandedArg, fix, removeArgEdit, removeInstructionEdit, resolvePath, unquote } from '../engine/helpers';

/** Control sockets of container engines: whoever can write to one controls the host. */
const SOCKETS = new Set(['docker.sock', 'containerd.sock', 'crio.sock', 'podman.sock', 'buildkitd.sock']);

function engineSocket(path: string): boolean {
  if (!path.startsWith('/')) return false;
  const p = resolvePath('/', path);
  if (!p.startsWith('/run/') && !p.startsWith('/var/run/')) return false;
  return SOCKETS.has(p.slice(p.lastIndexOf('/') + 1));
}

export default defineRule({
  meta: {
    code: 'LW1206',
    name: 'docker-socket-volume',
    aliases: [],
    severity: 'error',
    category: 'security',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a `VOLUME` on a container engine\'s control socket: `/var/run/docker.sock` (also under `/run`, and the `containerd`, `crio`, `podman` and `buildkitd` sockets).',
      why: 'Such a volume says the image expects the host\'s Docker socket mounted into the container. Access to that socket is root on the host: any process in the container can start a privileged container with the host\'s file system mounted. The best practices ask for least privilege (non-root user, read-only file system, minimal attack surface); a socket mount undoes all of it.',
      bad: 'FROM alpine:3.20\nVOLUME /var/run/docker.sock\n',
      good: 'FROM alpine:3.20\nVOLUME /data\n',
      fix: 'Removes the socket path from the `VOLUME` (the whole line when it is the only path). A suggestion: it changes the image\'s declared volumes; a tool that really needs the engine should talk to a restricted API proxy, or run rootless, instead.',
      notes: 'No reference tool has this rule. Run-time mounts (`docker run -v /var/run/docker.sock:...`) are outside the Dockerfile and not seen.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'VOLUME') continue;
      const exec = inst.form === 'exec' && inst.json;
      const words = exec ? inst.json! : inst.args;
      words.forEach((w, k) => {
        const v = exec ? w.value : expandedArg(inst, w, model.escapeChar);
        if (v === null || !engineSocket(unquote(v))) return;
        const only = words.length === 1;
        const fixes = only ? [fix('Remove the VOLUME', [removeInstructionEdit(model, inst)], 'suggestion')]
          : exec ? [] : [fix('Remove the socket from VOLUME', [removeArgEdit(model, inst, k)], 'suggestion')];
        out.push({
          range: w.range,
          message: `VOLUME ${unquote(v)} expects the container engine's socket to be mounted: that gives the container root on the host`,
          fixes,
        });
      });
    }
    return out;
  },
});
