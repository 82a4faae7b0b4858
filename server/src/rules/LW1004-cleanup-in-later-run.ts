import { defineRule, type RawFinding } from '../engine/rule';
import type { Inst } from '../engine/model';
import { CACHE_KINDS, cachesRemoved, cachesWritten, type CacheKind } from '../engine/packages';

export default defineRule({
  meta: {
    code: 'LW1004',
    name: 'cleanup-in-later-run',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a package-cache cleanup (`rm -rf /var/lib/apt/lists/*`, `apt-get clean`, `apk cache clean`, `pip cache purge`, `npm cache clean`, `yarn cache clean`, `yum`/`dnf clean all`, `zypper clean`, or `rm -r` of one of those cache directories) that runs in a later RUN than the install that filled the cache, in the same stage.',
      why: 'Every RUN is a layer, and layers only add: deleting a file in a later layer hides it but the earlier layer still ships it, so the image does not get smaller. Cleaning package caches only works in the same RUN as the install, which is why the best practices combine install and cleanup in one RUN with `&&`.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.*\nRUN rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      fix: 'None automatic: moving the cleanup into the installing RUN is only right when no RUN in between still needs the cache (a separate `RUN apt-get install` needs the lists of an earlier `RUN apt-get update`). Merge the RUNs, or move the cleanup command to the end of the installing RUN; DL3009 offers that edit for apt lists.',
      notes: 'A cleanup is not reported when its own RUN filled that cache first (`RUN apt-get update && apt-get install ... && rm -rf /var/lib/apt/lists/*` cleans its own layer), when the earlier install kept the cache out of its layer (`--no-cache`, `--no-cache-dir`, `PIP_NO_CACHE_DIR`, a `--mount=type=cache` or `tmpfs` on the cache directory), or across stages. `rm -rf /tmp/*` and other directories no package manager is known to fill are not judged. No reference tool has this rule.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      // Caches an earlier RUN of this stage wrote and left in its layer, by kind.
      const left = new Map<CacheKind, Inst>();
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'RUN' || !inst.shell) continue;
        const filledHere = new Set<CacheKind>();
        for (const cmd of inst.shell.commands) {
          const removed = cachesRemoved(cmd, inst);
          const k = removed.find((r) => !filledHere.has(r) && left.has(r));
          if (k !== undefined) {
            const earlier = left.get(k)!;
            const first = cmd.argv[0].range, last = cmd.argv[cmd.argv.length - 1].range;
            out.push({
              range: { start: first.start, end: last.end },
              message: `This removes ${CACHE_KINDS[k].label} in a later RUN than the one that wrote it (line ${earlier.range.start.line + 1}): the files stay in that layer and the image does not shrink. Clean up in the same RUN as the install`,
            });
          }
          for (const k of removed) filledHere.delete(k);
          for (const k of cachesWritten(cmd, inst)) filledHere.add(k);
        }
        for (const k of filledHere) left.set(k, inst);
      }
    }
    return out;
  },
});
