import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import { isZypperInstall, runArgvs, zypperCall, zypperNonInteractive } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3034',
    name: 'zypper-non-interactive',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `zypper install` (`zypper in`) run without `--non-interactive` / `-n` (or the install option `--no-confirm` / `-y`).',
      why: 'zypper asks "Continue? [y/n/v/...? shows all options] (y)" before installing. A build has no terminal to answer it, so the build stops or fails depending on how zypper reads the closed input. Running it non-interactively keeps the build repeatable.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean\n',
      fix: 'Inserts ` -n` right after `zypper` (it is a global option and must come before the subcommand). Safe: the same packages are installed; zypper just takes the default answers instead of waiting.',
      notes: 'Accepted: `--non-interactive` / `-n` before the subcommand, `--no-confirm` / `-y` anywhere, and option words from an ARG/ENV whose value we can see; a word from a variable we cannot see silences the rule for that command. `-n` after `install` is not the global option (zypper reads it as `--name`) and does not count.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const { argv, cmd } of runArgvs(inst)) {
        const call = zypperCall(argv, inst);
        if (!call || !call.sub || !isZypperInstall(call) || call.dynamic || zypperNonInteractive(call)) continue;
        out.push({
          range: call.sub.range,
          message: `Add -n to \`zypper ${call.sub.value}\`: the build cannot answer its confirmation prompt`,
          fixes: cmd ? [fix('Add -n (--non-interactive)', [insertAt(argv[0].range.end, ' -n')], 'safe')] : [],
        });
      }
    }
    return out;
  },
});
