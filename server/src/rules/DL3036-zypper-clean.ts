import { defineRule, type RawFinding } from '../engine/rule';
import { fix } from '../engine/helpers';
import { imageStages } from '../engine/user';
import { CACHE_KINDS, appendCommandEdit, cleansZypperCache, isZypperInstall, lastUncleaned, mountKeepsOut, zypperCall } from '../engine/packages';

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
    const out: RawFinding[] = [];
    const inImage = imageStages(model);
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      if (inst.stage && !inImage.has(inst.stage)) continue;
      if (CACHE_KINDS.zypper.dirs.some((d) => mountKeepsOut(inst, d))) continue;
      const last = lastUncleaned(inst, (cmd) => {
        const call = zypperCall(cmd.argv, inst);
        return call && call.sub && isZypperInstall(call) ? call.sub : null;
      }, (cmd) => cleansZypperCache(cmd, inst));
      if (!last) continue;
      const sudo = last.cmd.wrappers.includes('sudo');
      const edit = appendCommandEdit(model, inst, (sudo ? 'sudo ' : '') + 'zypper clean');
      out.push({
        range: last.found.range,
        message: `Run \`zypper clean\` after \`zypper ${last.found.value}\` in the same RUN: otherwise zypper's cache stays in the image`,
        fixes: edit ? [fix('Clean the zypper cache at the end of this RUN', [edit], 'safe')] : [],
      });
    }
    return out;
  },
});
