import { defineRule, type RawFinding } from '../engine/rule';
import { runArgvs, zypperCall } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3035',
    name: 'zypper-dist-upgrade',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `zypper dist-upgrade` (`zypper dup`) in a RUN.',
      why: 'A distribution upgrade moves every package of the base image to whatever the repositories hold that day, possibly across a release: the build stops being reproducible and the result is no longer the base image you named. Choose a newer base image tag instead, and install or update only the packages you need.',
      bad: 'FROM opensuse/leap:15.5\nRUN zypper -n dist-upgrade && zypper clean\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean\n',
      fix: 'None: the replacement is a newer base image, which only you can choose.',
      notes: 'Shell-form RUN (with `sh -c`, `sudo`, heredoc bodies) and exec-form RUN are checked; the finding is on the subcommand word.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const { argv } of runArgvs(inst)) {
        const call = zypperCall(argv, inst);
        if (!call || !call.sub || (call.action !== 'dist-upgrade' && call.action !== 'dup')) continue;
        out.push({ range: call.sub.range, message: `Do not run \`zypper ${call.sub.value}\` in a build: use a newer base image instead` });
      }
    }
    return out;
  },
});
