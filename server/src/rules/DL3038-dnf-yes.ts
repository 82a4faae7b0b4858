import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import { isRpmInstall, programName, rpmAssumesYes, rpmCall, runArgvs } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3038',
    name: 'dnf-yes',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `dnf install` and `microdnf install` (also `dnf5`, `reinstall`, `group install`, `module install`) without `-y` / `--assumeyes`.',
      why: 'dnf asks "Is this ok [y/N]" before installing. A build has nobody to answer, so dnf takes the default "no" and exits with an error: the build fails. Saying yes up front keeps the build non-interactive.',
      bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
      fix: 'Inserts ` -y` right after `install`. Safe: the same packages are installed; the build just no longer stops at the prompt.',
      notes: 'Accepted: `-y` (also in a bundle) and `--assumeyes` anywhere on the command, and option words from an ARG/ENV whose value we can see; a word from a variable we cannot see silences the rule for that command. `assumeyes=True` in dnf.conf is not visible to the linter. `yum` is DL3030. Shell-form RUN (with `sh -c`, `sudo`, heredoc bodies) and exec-form RUN (reported without a fix) are checked.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const { argv, cmd } of runArgvs(inst)) {
        const call = rpmCall(argv, inst, 'dnf', 'dnf5', 'microdnf');
        if (!call || !call.sub || !isRpmInstall(call) || call.dynamic || rpmAssumesYes(call)) continue;
        const word = call.action === 'module' || call.action === 'group' || call.action === 'groups' ? call.operands[0] : call.sub;
        out.push({
          range: word.range,
          message: `Add -y to \`${programName(argv)} install\`: the build cannot answer its confirmation prompt`,
          fixes: cmd ? [fix('Add -y', [insertAt(word.range.end, ' -y')], 'safe')] : [],
        });
      }
    }
    return out;
  },
});
