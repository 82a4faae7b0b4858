import { defineRule, type RawFinding } from '../engine/rule';
import { runCommands } from '../engine/helpers';

// Interactive, service-management and host-inspection tools: in a build step they either do
// nothing useful (there is no running system to inspect or manage) or wait for input.
const POINTLESS = new Set(['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

export default defineRule({
  meta: {
    code: 'DL3001',
    name: 'pointless-command',
    aliases: [],
    severity: 'info',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `RUN` steps that run `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount` or `ifconfig`.',
      why: 'A build step runs in a throw-away container with no init system, no services and no terminal: starting a service does not survive the step, `ps`/`top`/`free`/`ifconfig` report on the build container rather than the one that will run, `vim` and `ssh` wait for input, and `mount`/`shutdown` need privileges the builder does not give. Such commands are leftovers from treating the image like a VM; each layer should only do build work.',
      bad: 'FROM debian:bookworm-slim\nRUN service nginx start\n',
      good: 'FROM debian:bookworm-slim\nCMD ["nginx", "-g", "daemon off;"]\n',
      fix: 'None: what the command was meant to achieve decides the replacement (a `CMD`, a runtime flag, or nothing).',
      notes: 'Only commands are flagged, never words: `apt-get install vim openssh-client` or `echo ps` are fine, while `sudo service ...`, `env top`, `/bin/ps`, commands after `&&`/`|`, in `$(...)`, in `sh -c "..."`, in a heredoc body and in exec form are found. `ifconfig` is listed in hadolint\'s documentation but not checked by hadolint; it is checked here.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const { cmd } of runCommands(model)) {
      if (!POINTLESS.has(cmd.name) || cmd.argv[0].dynamic) continue;
      out.push({ range: cmd.argv[0].range, message: `'${cmd.name}' has no useful effect in a build step; remove it or move the intent to runtime` });
    }
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || inst.form !== 'exec' || !inst.json || inst.json.length === 0) continue;
      const name = basename(inst.json[0].value);
      if (POINTLESS.has(name)) out.push({ range: inst.json[0].range, message: `'${name}' has no useful effect in a build step; remove it or move the intent to runtime` });
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return out;
  },
});
