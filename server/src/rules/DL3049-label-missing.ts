import { defineRule, type RawFinding } from '../engine/rule';
import { hasUnknownLabelKey, imageLabels, labelSchema } from '../engine/labels';

export default defineRule({
  meta: {
    code: 'DL3049',
    name: 'label-missing',
    aliases: [],
    severity: 'info',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'With a label schema configured (`label-schema:` in `.hadolint.yaml`, e.g. `label-schema: {org.opencontainers.image.source: url}`), flags a final image that lacks one of the schema\'s labels. Without a schema it does nothing.',
      why: 'A label schema is a team\'s contract for image metadata: where the source lives, who owns the image, which version and commit it was built from, under which license. Registries, scanners and deployment tooling read those labels; an image without them cannot be traced back to its code or its owner.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.2"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app" \\\n      org.opencontainers.image.version="1.4.2"\n',
      fix: 'None: only you know the values. Add the label to the final stage (or to a stage it builds on).',
      notes: 'The examples assume `label-schema: {org.opencontainers.image.source: url, org.opencontainers.image.version: semver}`. Only the final stage becomes the image, so only it is judged, counting the labels of the stages it builds on (`FROM base`), at its `FROM`, one finding per missing label. hadolint reports every stage without an alias instead. Labels the external base image sets and labels added at build time (`docker build --label`) cannot be seen; `ONBUILD LABEL` does not label this image and does not count. When a label key holds a variable without a known value (`LABEL ${KEY}=x`), it may be any label and nothing is reported.',
    },
  },
  check(model, ctx) {
    const schema = labelSchema(ctx);
    const final = model.stages.find((s) => s.isFinal);
    if (!schema || schema.size === 0 || !final || hasUnknownLabelKey(model, final)) return [];
    const have = imageLabels(model, final);
    const out: RawFinding[] = [];
    for (const name of schema.keys()) {
      if (have.has(name)) continue;
      out.push({ range: final.from.keywordRange, message: `The image has no '${name}' label, which the label schema requires` });
    }
    return out;
  },
});
