import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import { apkCall, cachesRemoved, hasCliOption, isApkAdd, mountKeepsOut, runArgvs } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'DL3019',
    name: 'apk-no-cache',
    aliases: ['DS-0025', 'DS025'],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `apk add` without `--no-cache` (and without another way of keeping apk\'s cache out of the layer).',
      why: '`apk add` downloads the package indexes into `/var/cache/apk`, and they stay in the layer the RUN creates, adding size to every pull of the image. Cleaning package caches in the same layer is the practice; `--no-cache` does it in one flag: apk fetches a fresh index, installs, and keeps nothing, which also makes a separate `apk update` unnecessary.',
      bad: 'FROM alpine:3.20\nRUN apk update && apk add curl~8.9\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.9\n',
      fix: 'Inserts ` --no-cache` right after `add` (exec form: a `"--no-cache"` element). Safe: the same packages are installed from a freshly fetched index; only the cached index files are no longer kept. An `apk update` earlier in the RUN still writes its index; drop it by hand, it is not needed any more.',
      notes: 'hadolint accepts only `--no-cache`. We also accept a `RUN --mount=type=cache` (or `tmpfs`) whose target is `/var/cache/apk` or a parent (the cache then lives outside the image and is reused across builds), and an `rm -rf /var/cache/apk/*` or `apk cache clean` later in the same RUN (the layer ends up without the cache). `--no-cache` counts anywhere on the command (before or after `add`) and from an ARG/ENV option word whose value we can see; when an option word comes from a variable we cannot see, nothing is reported. Each `apk add` is reported on its `add` word.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || mountKeepsOut(inst, '/var/cache/apk')) continue;
      const runs = runArgvs(inst);
      runs.forEach(({ argv, cmd }, k) => {
        const call = apkCall(argv, inst);
        if (!call || !isApkAdd(call) || !call.sub || call.dynamic) return;
        if (hasCliOption(call, 'no-cache')) return;
        if (cmd && runs.slice(k + 1).some((r) => r.cmd && cachesRemoved(r.cmd, inst).includes('apk'))) return;
        const exec = cmd === null;
        out.push({
          range: call.sub.range,
          message: 'Use `apk add --no-cache`: otherwise apk\'s index cache stays in the image layer',
          fixes: [fix('Add --no-cache', [insertAt(call.sub.range.end, exec ? ', "--no-cache"' : ' --no-cache')], 'safe')],
        });
      });
    }
    return out;
  },
});
