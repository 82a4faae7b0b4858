import { variableRefs } from '../engine/model';
import { defineRule, type RawFinding } from '../engine/rule';
import { expand, PLATFORM_ARGS } from '../engine/vars';
import { isValidImageReference } from '../engine/image';

export default defineRule({
  meta: {
    code: 'LW1108',
    name: 'invalid-default-arg-in-from',
    aliases: ['InvalidDefaultArgInFrom'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a `FROM` built from ARGs whose image reference is empty or invalid when every ARG keeps its default (no `--build-arg`): `ARG TAG` + `FROM busybox:${TAG}` gives `busybox:`.',
      why: 'A Dockerfile should build as written; one that only works with the right `--build-arg` fails for the next person, for CI jobs that forget it, and for tools that read the file. Giving the ARG a default also documents which base image version the build is tested with, which is what pinning is for.',
      bad: 'ARG TAG\nFROM alpine:${TAG}\n',
      good: 'ARG TAG=3.20\nFROM alpine:${TAG}\n',
      fix: 'None: choose a default for the ARG (`ARG TAG=3.20`) or a fallback in the reference (`alpine:${TAG:-3.20}`).',
      notes: 'An ARG that may be empty is fine when the reference stays valid (`ARG VARIANT` + `FROM node:22${VARIANT}`). References that use BuildKit\'s platform ARGs (`$TARGETARCH`, …) are not checked (their values are only known at build time), and neither are those using undeclared ARGs (undefined-arg-in-from reports them).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const defaults = new Map<string, string>();
    for (const [k, v] of model.globalScope) defaults.set(k, v ?? '');
    for (const stage of model.stages) {
      const word = stage.from.args[0];
      if (!word || !word.value.includes('$')) continue;
      const names = variableRefs(stage.from)
        .filter((v) => v.getRange().start.line >= word.range.start.line && (v.getRange().start.line > word.range.start.line || v.getRange().start.character >= word.range.start.character))
        .map((v) => v.getName());
      if (names.some((n) => !model.globalScope.has(n) || PLATFORM_ARGS.has(n))) continue;
      const value = expand(word.value, defaults).value;
      if (value === null) continue;
      const earlierStage = model.stages.some((s) => s.index < stage.index && s.name !== null && s.name === value.toLowerCase());
      if (earlierStage || value.toLowerCase() === 'scratch' || isValidImageReference(value)) continue;
      out.push({
        range: word.range,
        message: value === ''
          ? `With the ARG defaults, the base image '${word.value}' is empty; give the ARG a default`
          : `With the ARG defaults, the base image '${word.value}' is '${value}', which is not a valid image reference`,
      });
    }
    return out;
  },
});
