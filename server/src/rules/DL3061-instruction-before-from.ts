import { defineRule, type RawFinding } from '../engine/rule';

export default defineRule({
  meta: {
    code: 'DL3061',
    name: 'instruction-before-from',
    aliases: [],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags an instruction other than `ARG` before the first `FROM`. Parser directives (`# syntax=`, `# escape=`), comments and blank lines may come first.',
      why: 'A Dockerfile starts a build stage with `FROM`; only `ARG` may come before it (to parameterise the `FROM` lines). The builder rejects anything else there, so the file does not build.',
      bad: '# syntax=docker/dockerfile:1\nLABEL org.opencontainers.image.title=app\nFROM alpine:3.20\n',
      good: '# syntax=docker/dockerfile:1\nARG ALPINE=3.20\nFROM alpine:${ALPINE}\nLABEL org.opencontainers.image.title=app\n',
      fix: 'None: whether the instruction belongs in the first stage, a later one, or nowhere is for the author to decide.',
      notes: 'Every instruction before the first `FROM` is reported (also in a file with no `FROM` at all), at its keyword.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword === 'FROM') break;
      if (inst.keyword === 'ARG') continue;
      out.push({ range: inst.keywordRange, message: `${inst.keyword} before the first FROM: only ARG may come before FROM` });
    }
    return out;
  },
});
