import { defineRule, type RawFinding } from '../engine/rule';
import type { ShellCommand, ShellWord } from '../engine/shell';

/** The word that sets a password from the build, if the command does: `chpasswd`, `passwd --stdin`, `useradd -p x`. */
function passwordWord(cmd: ShellCommand): ShellWord | null {
  const n = cmd.name;
  if (n === 'chpasswd' || n === 'chgpasswd') return cmd.argv[0];
  if (n === 'passwd') return cmd.argv.find((w, k) => k > 0 && w.value === '--stdin') ?? null;
  if (n === 'useradd' || n === 'usermod' || n === 'adduser' || n === 'groupadd' || n === 'groupmod') {
    for (let k = 1; k < cmd.argv.length; k++) {
      const v = cmd.argv[k].value;
      // Debian's adduser has no -p; `--password` is shadow-utils' long form.
      if ((v === '-p' && n !== 'adduser') || v === '--password' || v.startsWith('--password=')) return cmd.argv[k];
    }
  }
  return null;
}

export default defineRule({
  meta: {
    code: 'LW1205',
    name: 'password-set-in-run',
    aliases: ['CKV2_DOCKER_17'],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags RUN commands that set account passwords during the build: `chpasswd`, `chgpasswd`, `passwd --stdin`, and `useradd`/`usermod`/`groupadd`/`groupmod` with `-p`/`--password`.',
      why: 'The password (or its hash) is written into the RUN instruction, which `docker history` shows, and into `/etc/shadow` of a layer that every copy of the image carries. Everyone who can pull the image can read it or crack the hash, and every container from the image shares it. The best practices say not to bake secrets into images and to run as an unprivileged user, which needs no password: log in with `docker exec`, and pass credentials at run time.',
      bad: 'FROM debian:bookworm-slim\nRUN useradd -m app && echo "app:s3cret" | chpasswd\nUSER app\n',
      good: 'FROM debian:bookworm-slim\nRUN useradd -m app\nUSER app\n',
      fix: 'None: remove the password (accounts in a container rarely need one), or set it when the container starts from a runtime secret.',
      notes: 'Checkov (CKV2_DOCKER_17) looks for the word `chpasswd` in the line; here the parsed commands are read, so `sudo chpasswd` or `sh -c "... | chpasswd"` count and a file named `chpasswd.txt` does not. `passwd -d` (removing a password) is not flagged.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      for (const cmd of inst.shell.commands) {
        const w = passwordWord(cmd);
        if (!w) continue;
        out.push({
          range: w.range,
          message: `\`${cmd.name}${w === cmd.argv[0] ? '' : ' ' + w.value.split('=')[0]}\` sets a password in the build: it stays readable in the image's history and layers. Leave the account without a password or set it at run time from a secret`,
        });
      }
    }
    return out;
  },
});
