import { defineRule } from '../engine/rule';
import { uncleanedCaches } from '../engine/cacheClean';
import { RPM_CACHE_DIRS, cleansRpmCache, isRpmInstall, rpmCall } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3032',
    name: 'yum-clean',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a RUN that runs `yum install` without `yum clean all` after it in the same RUN, in a stage that ends up in the final image.',
      why: 'yum keeps the repository metadata and downloaded packages in `/var/cache/yum` (on EL8 and later `/var/cache/dnf`), often tens or hundreds of megabytes. Nothing in the running image needs them. Cleaning package caches in the same RUN that filled them is what keeps them out of the layer; a later RUN only hides them (see LW1004).',
      bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
      fix: 'Appends `yum clean all` at the end of the RUN, joined with `&&`, in the RUN\'s own layout (same line, a new continuation line, or a new line of a `RUN <<EOF` script), keeping `sudo` when the install used it; the result is parsed again and the fix is only offered when it is exactly the old commands plus the cleanup (so not after a trailing comment, `;` or `&`). Safe: the cache is not used after the RUN.',
      notes: 'Accepted besides `yum clean all`: `dnf clean all` (on EL8+ yum is dnf and shares its cache), `rm -rf` of `/var/cache/yum` or `/var/cache/dnf` (or a parent), and a `cache` or `tmpfs` mount over those directories. `yum clean packages` or `yum clean metadata` alone leave part of the cache and do not count. The cleanup must come after the last install of the RUN. Like DL3009, only stages that end up in the final image are checked (the final stage and the stages it builds on); hadolint checks every stage, but a build stage\'s cache never reaches the image.',
    },
  },
  check(model) {
    return uncleanedCaches(model, {
      mountedDirs: RPM_CACHE_DIRS,
      install: (cmd, inst) => { const call = rpmCall(cmd.argv, inst, 'yum'); return call && call.sub && isRpmInstall(call) ? call.sub : null; },
      cleans: cleansRpmCache,
      report: (sub) => ({
        range: sub.range, cleanup: 'yum clean all', title: 'Clean the yum cache at the end of this RUN', safety: 'safe',
        message: 'Run `yum clean all` after `yum install` in the same RUN: otherwise the yum cache stays in the image',
      }),
    });
  },
});
