import { defineRule } from '../engine/rule';
import { uncleanedCaches } from '../engine/cacheClean';
import { RPM_CACHE_DIRS, cleansRpmCache, isRpmInstall, programName, rpmCall } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3040',
    name: 'dnf-clean',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a RUN that runs `dnf install` or `microdnf install` (also `dnf5`) without `dnf clean all` / `microdnf clean all` after it in the same RUN, in a stage that ends up in the final image.',
      why: 'dnf keeps repository metadata and downloaded packages in `/var/cache/dnf` (dnf5: `/var/cache/libdnf5`; microdnf: `/var/cache/yum`), often tens or hundreds of megabytes that the running image never uses. Cleaning package caches in the same RUN that filled them keeps them out of the layer; a later RUN only hides them (see LW1004).',
      bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
      fix: 'Appends `<tool> clean all` (the same program that installed: `dnf`, `dnf5` or `microdnf`) at the end of the RUN, joined with `&&`, in the RUN\'s own layout, keeping `sudo` when the install used it; the result is parsed again and the fix is only offered when it is exactly the old commands plus the cleanup. Safe: the cache is not used after the RUN.',
      notes: 'Accepted besides `clean all` by any of yum/dnf/microdnf: `rm -rf` of `/var/cache/dnf`, `/var/cache/yum` or `/var/cache/libdnf5` (or a parent), and a `cache` or `tmpfs` mount over those directories. `clean packages` / `clean metadata` alone do not count. The cleanup must come after the last install of the RUN. Like DL3009, only stages that end up in the final image are checked; hadolint checks every stage. `yum` is DL3032.',
    },
  },
  check(model) {
    return uncleanedCaches(model, {
      mountedDirs: RPM_CACHE_DIRS,
      install: (cmd, inst) => { const call = rpmCall(cmd.argv, inst, 'dnf', 'dnf5', 'microdnf'); return call && call.sub && isRpmInstall(call) ? call.sub : null; },
      cleans: cleansRpmCache,
      report: (sub, cmd) => {
        const tool = programName(cmd.argv);
        return {
          range: sub.range, cleanup: `${tool} clean all`, title: `Clean the ${tool} cache at the end of this RUN`, safety: 'safe',
          message: `Run \`${tool} clean all\` after \`${tool} install\` in the same RUN: otherwise the package cache stays in the image`,
        };
      },
    });
  },
});
