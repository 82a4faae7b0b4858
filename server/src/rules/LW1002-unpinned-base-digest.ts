import { defineRule } from '../engine/rule';
import type { RawFinding } from '../engine/rule';
import { flagsNamed } from '../engine/helpers';
import { parseImageRef } from '../engine/image';
import { expand } from '../engine/vars';

export default defineRule({
  meta: {
    code: 'LW1002',
    name: 'unpinned-base-digest',
    aliases: [],
    severity: 'hint',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags an external image, in `FROM` or in `COPY --from=<image>`, that is not pinned by digest (`@sha256:…`).',
      why: 'A tag is a movable pointer: the publisher (or anyone who compromises the registry account) can push different content under `node:20.17.0` tomorrow. A digest names exactly one image, so builds are reproducible and a swapped image cannot slip in. The best practices recommend pinning base images by digest and keeping the tag next to it for readers: `FROM node:20.17.0-slim@sha256:…`.',
      bad: 'FROM node:20.17.0-slim\nCOPY --from=busybox:1.36 /bin/busybox /bin/busybox\n',
      good: 'FROM node:20.17.0-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
      fix: 'None in the rule: the digest has to be looked up in the registry. Use the editor\'s "Pin <image> to digest" code action, or run the CLI with `--pin-digests`, which resolve the tag and write `image:tag@sha256:…`. Pin with a tool that also updates digests (Renovate, Dependabot) so security fixes still reach you.',
      notes: 'No reference linter has this check. `scratch`, earlier build stages (by name or index) and images whose ARG has no default are not flagged; ARG values are substituted first. A hint, not a warning: digests trade automatic base image updates for reproducibility, which teams decide per project.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const img = stage.image;
      const word = stage.from.args[0];
      if (!word || img.resolved === null || img.isScratch || stage.baseStage || !img.repository) continue;
      if (img.digest !== null) continue;
      out.push({ range: word.range, message: `Base image '${img.resolved}' is not pinned by digest; a tag can later point to different content` });
    }
    for (const inst of model.instructions) {
      if (inst.keyword !== 'COPY') continue;
      for (const flag of flagsNamed(inst, 'from')) {
        if (!flag.value || !flag.valueRange) continue;
        const e = expand(flag.value, inst.scope, model.escapeChar);
        if (e.value === null || e.value === '' || /^[0-9]+$/.test(e.value)) continue;
        const named = model.stageByRef(e.value);
        if (named && named.from.index < inst.index) continue;
        const ref = parseImageRef(flag.value, e.value, e.unresolved, flag.valueRange, null, model.lines);
        if (ref.isScratch || ref.digest !== null || !ref.repository) continue;
        out.push({ range: flag.valueRange, message: `Image '${e.value}' in COPY --from is not pinned by digest; a tag can later point to different content` });
      }
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return out;
  },
});
