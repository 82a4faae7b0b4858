import { defineRule, type RawFinding } from '../engine/rule';
import { isZypperInstall, runArgvs, zypperCall, zypperOperandPinned } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3037',
    name: 'zypper-unpinned',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags each package of `zypper install` (`zypper in`) that is not pinned to a version (`curl` instead of `curl=8.6.0` or `curl>=8.6`).',
      why: 'Pinning versions keeps builds reproducible: without a pin every rebuild installs whatever the repository serves that day, so the same Dockerfile can give a different image and a new package release can break it.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean\n',
      fix: 'None: versions depend on the repositories you build against. Look them up with `zypper search -s <package>` and write `package=<version>` (or a range such as `package>=<version>`).',
      notes: 'Accepted as pinned: any version relation zypper understands (`=`, `>=`, `<=`, `>`, `<`) and local `.rpm` files. Option values (`-t pattern`, `--from repo`) are not packages; words written with variables are not checked. Each unpinned package is its own finding, on that word.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const { argv } of runArgvs(inst)) {
        const call = zypperCall(argv, inst);
        if (!call || !isZypperInstall(call)) continue;
        for (const w of call.operands) {
          if (zypperOperandPinned(w.value)) continue;
          out.push({ range: w.range, message: `Pin the version of \`${w.value}\`: \`${w.value}=<version>\`` });
        }
      }
    }
    return out;
  },
});
