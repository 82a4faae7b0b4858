import { defineRule, type RawFinding } from '../engine/rule';
import { fix, removeInstructionLines } from '../engine/helpers';

export default defineRule({
  meta: {
    code: 'DL3012',
    name: 'multiple-healthchecks',
    aliases: ['DS-0023', 'DS023'],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a second (and any further) `HEALTHCHECK` in the same stage.',
      why: 'Only the last `HEALTHCHECK` of a stage takes effect; the earlier ones are silently ignored. Readers who see the first one believe the container is checked that way. A `HEALTHCHECK` tells the runtime how to tell a working container from a hung one, so there should be exactly one, and it should be the one that applies.',
      bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1\n',
      good: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1\n',
      fix: 'Deletes the `HEALTHCHECK` before the flagged one (its whole lines). Safe: only the last one ever applied, and applying the fixes of every finding leaves exactly that one.',
      notes: 'Counted per stage, as in hadolint: a `HEALTHCHECK` in a build stage does not conflict with one in the final stage. `HEALTHCHECK NONE` counts as a `HEALTHCHECK`. BuildKit reports this as part of MultipleInstructionsDisallowed, which also covers `CMD` and `ENTRYPOINT` (DL4003, DL4004), so it is not an alias here.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const hcs = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
      for (let k = 1; k < hcs.length; k++) {
        const prev = hcs[k - 1];
        const line = prev.range.start.line + 1;
        out.push({
          range: hcs[k].keywordRange,
          message: `Multiple HEALTHCHECK instructions in this stage: the one on line ${line} has no effect`,
          fixes: [fix(`Remove the HEALTHCHECK on line ${line}, which has no effect`, [removeInstructionLines(model, prev)], 'safe')],
        });
      }
    }
    return out;
  },
});
