import { defineRule } from '../engine/rule';
import { overriddenInstructions } from '../engine/instructions';

export default defineRule({
  meta: {
    code: 'DL4003',
    name: 'multiple-cmd',
    aliases: ['MultipleInstructionsDisallowed'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a `CMD` that a later `CMD` of the same stage overrides.',
      why: 'An image has one `CMD`: only the last one of a stage takes effect, every earlier one is dead text that readers may take for what the container runs. Several commands to run at start-up belong in one `CMD` (or a script it calls).',
      bad: 'FROM python:3.12-slim\nCMD ["python", "manage.py", "migrate"]\nCMD ["gunicorn", "app:app"]\n',
      good: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n',
      fix: 'Deletes the overridden `CMD` with the lines it occupies (continuation lines included; the file\'s line endings are kept). Safe: an overridden `CMD` has no effect on the image. Between two RUN instructions the deletion is only offered, not applied by `--fix`: the RUNs would become consecutive (DL3059), and whether to merge them is yours to decide.',
      notes: 'hadolint reports the later `CMD` lines; we report the earlier ones, which are the ones without effect, at their keyword. Each stage is checked on its own (a stage built `FROM` another one overrides its `CMD` on purpose). BuildKit\'s `MultipleInstructionsDisallowed` covers `CMD`, `ENTRYPOINT` and `HEALTHCHECK` together; its id is an alias of this rule, and DL4004 (`ENTRYPOINT`) and DL3012 (`HEALTHCHECK`) report the other two.',
    },
  },
  check(model) {
    return overriddenInstructions(model, 'CMD');
  },
});
