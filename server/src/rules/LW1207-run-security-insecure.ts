import { defineRule, type RawFinding } from '../engine/rule';
import { fix, removeFlagEdit } from '../engine/helpers';

export default defineRule({
  meta: {
    code: 'LW1207',
    name: 'run-security-insecure',
    aliases: [],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `RUN --security=insecure`.',
      why: 'An insecure RUN runs without the build sandbox, like a `--privileged` container: it has every capability and can reach the builder host\'s devices and kernel. A compromised download or install script in that step can take over the build machine and whatever it signs or pushes. The best practices ask for least privilege; builds that need privileges (mounting file systems, loading kernel modules) usually belong in a VM or a dedicated builder.',
      bad: 'FROM debian:bookworm-slim\nRUN --security=insecure mount -t tmpfs none /mnt\n',
      good: 'FROM debian:bookworm-slim\nRUN --mount=type=tmpfs,target=/mnt true\n',
      fix: 'Removes the flag. A suggestion: the step may really need the privileges, and then fails without them.',
      notes: 'No reference tool has this rule. `docker build` only honours the flag when the builder allows the `security.insecure` entitlement (`--allow security.insecure`); the Dockerfile still asks for it, which is what this reports. `--security=sandbox` (the default) is fine.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN') continue;
      for (const f of inst.flags) {
        if (f.name.toLowerCase() !== 'security' || (f.value ?? '').toLowerCase() !== 'insecure') continue;
        out.push({
          range: f.range,
          message: 'RUN --security=insecure runs this step without the build sandbox, with full privileges on the builder',
          fixes: [fix('Remove --security=insecure', [removeFlagEdit(model, f)], 'suggestion')],
        });
      }
    }
    return out;
  },
});
