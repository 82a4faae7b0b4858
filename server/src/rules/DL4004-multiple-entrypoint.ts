import { defineRule } from '../engine/rule';
import { overriddenInstructions } from '../engine/instructions';

export default defineRule({
  meta: {
    code: 'DL4004',
    name: 'multiple-entrypoint',
    aliases: [],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags an `ENTRYPOINT` that a later `ENTRYPOINT` of the same stage overrides.',
      why: 'An image has one `ENTRYPOINT`: only the last one of a stage takes effect. An earlier one is dead text that hides which program actually becomes PID 1 and receives the stop signal.',
      bad: 'FROM node:20-alpine\nENTRYPOINT ["docker-entrypoint.sh"]\nENTRYPOINT ["node", "server.js"]\n',
      good: 'FROM node:20-alpine\nENTRYPOINT ["node", "server.js"]\n',
      fix: 'Deletes the overridden `ENTRYPOINT` with the lines it occupies (continuation lines included; the file\'s line endings are kept). Safe: an overridden `ENTRYPOINT` has no effect on the image. Between two RUN instructions the deletion is only offered, not applied by `--fix`: the RUNs would become consecutive (DL3059), and whether to merge them is yours to decide.',
      notes: 'hadolint reports the later lines; we report the earlier ones, which are the ones without effect, at their keyword. Each stage is checked on its own. BuildKit reports this as `MultipleInstructionsDisallowed`, which also covers `CMD` and `HEALTHCHECK`; that id is an alias of DL4003 (an alias can name only one rule), so `# check=skip=MultipleInstructionsDisallowed` silences DL4003 only.',
    },
  },
  check(model) {
    return overriddenInstructions(model, 'ENTRYPOINT');
  },
});
