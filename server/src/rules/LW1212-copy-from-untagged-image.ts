import { defineRule, type RawFinding } from '../engine/rule';
import type { Range } from '../../../shared/types';
import type { Inst, Model } from '../engine/model';
import { runMounts } from '../engine/deps';
import { parseImageRef } from '../engine/image';
import { expand } from '../engine/vars';

/** The external image a --from value names (not a stage, not an index), resolved, or null. */
function externalImage(model: Model, inst: Inst, value: string): string | null {
  const e = expand(value, inst.scope, model.escapeChar);
  const v = e.unresolved.length ? expand(value, model.globalScope, model.escapeChar) : e;
  if (v.value === null || v.unresolved.length || !v.value) return null;
  if (/^[0-9]+$/.test(v.value) || model.stageByRef(v.value)) return null;
  if (v.value.toLowerCase() === 'scratch') return null;
  return v.value;
}

export default defineRule({
  meta: {
    code: 'LW1212',
    name: 'copy-from-untagged-image',
    aliases: [],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `COPY --from=<image>` and `RUN --mount=from=<image>` that name an external image (not a stage) without a tag or digest, or with the `latest` tag.',
      why: 'Copying from an image pulls whatever that reference points to at build time, exactly like an untagged `FROM`: the files change when the image is republished, builds stop being reproducible, and a compromised upstream push lands in your image. The best practices pin versions (a specific tag, ideally a digest) for every image a build uses, not only the base.',
      bad: 'FROM alpine:3.20\nCOPY --from=nginx /etc/nginx/nginx.conf /etc/nginx/\n',
      good: 'FROM alpine:3.20\nCOPY --from=nginx:1.27.0 /etc/nginx/nginx.conf /etc/nginx/\n',
      fix: 'None: the linter does not know which version you want. Add a specific tag (and a digest, `@sha256:...`, for reproducible builds).',
      notes: 'No reference tool has this rule; it applies DL3006/DL3007 (untagged, `latest`) to images used by `--from`. Values holding variables with no known value, stage names and stage indexes are not judged.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const report = (inst: Inst, value: string, range: Range, valueRange: Range) => {
      const image = externalImage(model, inst, value);
      if (!image) return;
      const ref = parseImageRef(image, image, [], valueRange, null, model.lines);
      if (ref.digest) return;
      if (ref.tag === null) out.push({ range, message: `The image "${image}" has no tag: the files copied change whenever it is republished. Pin a version (and a digest)` });
      else if (ref.tag === 'latest') out.push({ range, message: `The image "${image}" uses the latest tag: the files copied change whenever it is republished. Pin a version (and a digest)` });
    };
    for (const inst of model.instructions) {
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        for (const f of inst.flags) if (f.name.toLowerCase() === 'from' && f.value !== null && f.valueRange) report(inst, f.value, f.range, f.valueRange);
      } else if (inst.keyword === 'RUN') {
        for (const m of runMounts(inst)) if (m.from !== null) report(inst, m.from, m.range, m.range);
      }
    }
    return out;
  },
});
