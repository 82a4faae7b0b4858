import { defineRule, type RawFinding } from '../engine/rule';
import { workdirs } from '../engine/helpers';

/** Kernel and boot file systems of the host or the container runtime; nothing of the app belongs there. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

function systemDir(dir: string): string | null {
  return SYSTEM_DIRS.find((d) => dir === d || dir.startsWith(d + '/')) ?? null;
}

export default defineRule({
  meta: {
    code: 'LW1202',
    name: 'workdir-system-dir',
    aliases: ['DS-0030', 'DS030'],
    severity: 'error',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a `WORKDIR` in a system directory (`/proc`, `/sys`, `/dev`, `/boot`, `/initrd`, `/lost+found` or below), also when reached through a relative path or an ARG.',
      why: 'At run time the container runtime mounts `/proc`, `/sys` and `/dev` over whatever the image put there, so files written or copied into the working directory disappear or land in kernel interfaces; a process that writes there is one mistake away from touching the host\'s kernel settings. The best practices ask for a dedicated application directory (`WORKDIR /app`) in an image that runs as non-root.',
      bad: 'FROM alpine:3.20\nWORKDIR /proc/app\nCOPY . .\n',
      good: 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\n',
      fix: 'None: which directory the application should use is the author\'s choice (`/app`, `/srv/<name>`, `/usr/src/app`).',
      notes: 'Trivy checks `/proc`, `/boot`, `/dev`, `/initrd` and `/lost+found`; `/sys` is added here. Relative WORKDIRs are resolved through earlier WORKDIRs of the stage and the stages it builds on; one that depends on the base image\'s directory is not judged.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      for (const { inst, dir } of workdirs(stage, model.escapeChar)) {
        const sys = dir === null ? null : systemDir(dir);
        if (!sys) continue;
        const first = inst.args[0].range, last = inst.args[inst.args.length - 1].range;
        out.push({
          range: { start: first.start, end: last.end },
          message: `WORKDIR ${dir} is inside the system directory ${sys}, which the container runtime manages: use an application directory such as /app`,
        });
      }
    }
    return out;
  },
});
