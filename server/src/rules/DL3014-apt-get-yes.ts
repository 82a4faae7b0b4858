import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import { aptAssumesYes, aptCalls, isAptInstall, type AptCall } from '../engine/packages';
import type { Inst } from '../engine/model';

/** `yes | apt-get install x`: the prompt is answered through the pipe. */
function answeredByPipe(inst: Inst, call: AptCall): boolean {
  const cmds = inst.shell!.commands;
  const k = cmds.indexOf(call.cmd);
  return k > 0 && call.cmd.connector === '|' && cmds[k - 1].name === 'yes';
}

export default defineRule({
  meta: {
    code: 'DL3014',
    name: 'apt-get-yes',
    aliases: ['DS-0021', 'DS021'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `apt-get install` (and `apt install`) that does not answer its confirmation prompt: no `-y`, `--yes`, `--assume-yes` or `-qq`.',
      why: 'A build has nobody to answer "Do you want to continue? [Y/n]". When apt needs to ask (as soon as it installs more than the packages you named, such as dependencies), it reads no answer and aborts, so the build fails, often only after a base image update adds a dependency. Saying yes up front keeps the build non-interactive and repeatable.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      fix: 'Inserts ` -y` right after `install`. Safe: the same packages are installed; the only difference is that the build no longer stops at the prompt.',
      notes: 'Accepted like hadolint: `-y`, `--yes`, `--assume-yes` anywhere on the command, in a bundle (`-yq`), and `-qq` (quiet level 2 implies yes); `-q` alone is not enough. Also accepted: `-o APT::Get::Assume-Yes=true`, option words from an ARG/ENV whose value we can see, and `yes | apt-get install …`. When an option word comes from a variable we cannot see, nothing is reported. `apt install` is checked like `apt-get install` (hadolint checks only `apt-get`; see also DL3027).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN') continue;
      for (const call of aptCalls(inst)) {
        if (!isAptInstall(call) || !call.sub || call.unknownWords) continue;
        if (aptAssumesYes(call) || answeredByPipe(inst, call)) continue;
        out.push({
          range: call.sub.range,
          message: `Add -y to \`${call.tool} install\`: the build cannot answer its confirmation prompt`,
          fixes: [fix('Add -y', [insertAt(call.sub.range.end, ' -y')], 'safe')],
        });
      }
    }
    return out;
  },
});
