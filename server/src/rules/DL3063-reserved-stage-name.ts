import { defineRule, type RawFinding } from '../engine/rule';

// Names BuildKit gives a meaning of their own: `scratch` is the empty image, `context` the build context.
const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  meta: {
    code: 'DL3063',
    name: 'reserved-stage-name',
    aliases: ['ReservedStageName'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a stage named `scratch` or `context` (in any case).',
      why: 'Those words already mean something to the builder: `FROM scratch` is the empty image and `context` names the build context (`COPY --from=context`, named contexts). A stage with such a name is at best confusing to readers and at worst shadows, or is shadowed by, the built-in meaning. Clear, distinct stage names keep multi-stage builds readable.',
      bad: 'FROM alpine:3.20 AS scratch\nRUN echo hi > /hi\n',
      good: 'FROM alpine:3.20 AS base\nRUN echo hi > /hi\n',
      fix: 'None: a new name is the author\'s choice, and every reference to the stage must follow it.',
      notes: 'Matches BuildKit\'s ReservedStageName. Names are compared case-insensitively, as BuildKit lower-cases stage names.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameRange === null || !RESERVED.has(stage.name)) continue;
      out.push({ range: stage.nameRange, message: `'${stage.name}' is reserved and should not be used as a stage name` });
    }
    return out;
  },
});
