import { defineRule } from '../engine/rule';
import { uncleanedCaches } from '../engine/cacheClean';
import { CACHE_KINDS, cleansZypperCache, isZypperInstall, zypperCall } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3036',
    name: 'zypper-clean',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a RUN that runs `zypper install` (`zypper in`) without `zypper clean` (`zypper cc`) after it in the same RUN, in a stage that ends up in the final image.',
      why: 'zypper keeps repository metadata and downloaded packages in `/var/cache/zypp`, which the running image never uses. Cleaning package caches in the same RUN that filled them keeps them out of the layer; a later RUN only hides them (see LW1004).',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean\n',
      fix: 'Appends `zypper clean` at the end of the RUN, joined with `&&`, in the RUN\'s own layout, keeping `sudo` when the install used it; the result is parsed again and the fix is only offered when it is exactly the old commands plus the cleanup. Safe: the cache is not used after the RUN.',
      notes: 'Accepted: `zypper clean` / `zypper cc` with any options (`-a` also drops the metadata), `rm -rf /var/cache/zypp` (or a parent), and a `cache` or `tmpfs` mount over `/var/cache/zypp`. The cleanup must come after the last install of the RUN. Like DL3009, only stages that end up in the final image are checked; hadolint checks every stage.',
    },
  },
  check(model) {
    return uncleanedCaches(model, {
      mountedDirs: CACHE_KINDS.zypper.dirs,
      install: (cmd, inst) => { const call = zypperCall(cmd.argv, inst); return call && call.sub && isZypperInstall(call) ? call.sub : null; },
      cleans: cleansZypperCache,
      report: (sub) => ({
        range: sub.range, cleanup: 'zypper clean', title: 'Clean the zypper cache at the end of this RUN', safety: 'safe',
        message: `Run \`zypper clean\` after \`zypper ${sub.value}\` in the same RUN: otherwise zypper's cache stays in the image`,
      }),
    });
  },
});
