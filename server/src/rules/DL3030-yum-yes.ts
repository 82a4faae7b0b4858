import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import { isRpmInstall, rpmAssumesYes, rpmCall, runArgvs } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3030',
    name: 'yum-yes',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `yum install` (also `localinstall`, `groupinstall`, `reinstall`, `module install`) without `-y` / `--assumeyes`.',
      why: 'yum asks "Is this ok [y/N]" before it installs anything. A build has nobody to answer, so yum reads no answer, takes the default "no" and exits with an error: the build fails. Saying yes up front keeps the build non-interactive.',
      bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
      fix: 'Inserts ` -y` right after `install`. Safe: the same packages are installed; the build just no longer stops at the prompt.',
      notes: 'Accepted: `-y` (also in a bundle such as `-qy`) and `--assumeyes` anywhere on the command, and option words from an ARG/ENV whose value we can see. When a word comes from a variable we cannot see, nothing is reported (it may hold `-y`). `assumeyes=1` set in yum.conf is not visible to the linter; add `-y` anyway or silence the rule. Shell-form RUN (including `sh -c`, `sudo` and heredoc bodies) and exec-form RUN are checked.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const { argv, cmd } of runArgvs(inst)) {
        const call = rpmCall(argv, inst, 'yum');
        if (!call || !call.sub || !isRpmInstall(call) || call.dynamic || rpmAssumesYes(call)) continue;
        const word = call.action === 'module' || call.action === 'group' || call.action === 'groups' ? call.operands[0] : call.sub;
        out.push({
          range: word.range,
          message: 'Add -y to `yum install`: the build cannot answer its confirmation prompt',
          fixes: cmd ? [fix('Add -y', [insertAt(word.range.end, ' -y')], 'safe')] : [],
        });
      }
    }
    return out;
  },
});
