import { defineRule, type RawFinding } from '../engine/rule';
import { isRpmInstall, rpmCall, rpmInstallPackages, rpmOperandPinned, runArgvs } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3033',
    name: 'yum-unpinned',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags each package of `yum install` that is not pinned to a version (`httpd` instead of `httpd-2.4.6`), and each module of `yum module install` without a stream (`nodejs` instead of `nodejs:18`).',
      why: 'Pinning versions keeps builds reproducible: without a pin every rebuild installs whatever the repository serves that day, so the same Dockerfile can give a different image and a new package release can break it.',
      bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
      fix: 'None: versions depend on the repositories of the release you build on. Look them up with `yum list --showduplicates <package>` and write `package-<version>` (optionally `-<release>`).',
      notes: 'A package counts as pinned when a `-` followed by a digit appears in it (`httpd-2.4.6`, `openssl-1:1.1.1k`) or it is a local `.rpm`; hadolint accepts any `-`, so it treats `python3-devel` as pinned while we flag it. A name that itself contains `-<digit>` (`java-17-openjdk`) looks pinned and is not flagged. Groups (`@core`), paths and URLs are skipped, as are words written with variables. Each unpinned package is its own finding, on that word.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const { argv } of runArgvs(inst)) {
        const call = rpmCall(argv, inst, 'yum');
        if (!call || !isRpmInstall(call)) continue;
        const module = call.action === 'module';
        for (const w of rpmInstallPackages(call)) {
          if (rpmOperandPinned(w.value, module)) continue;
          out.push({ range: w.range, message: module ? `Pin the stream of module \`${w.value}\`: \`${w.value}:<stream>\`` : `Pin the version of \`${w.value}\`: \`${w.value}-<version>\`` });
        }
      }
    }
    return out;
  },
});
