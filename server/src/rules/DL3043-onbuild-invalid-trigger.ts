import { defineRule, type RawFinding } from '../engine/rule';
import { onbuildTrigger } from '../engine/props';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  meta: {
    code: 'DL3043',
    name: 'onbuild-invalid-trigger',
    aliases: [],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `ONBUILD` whose trigger is `ONBUILD`, `FROM` or `MAINTAINER`.',
      why: '`ONBUILD` registers an instruction that runs when another Dockerfile builds `FROM` this image. The builder refuses these three as triggers: chaining `ONBUILD ONBUILD` is not allowed, a trigger cannot start a new stage, and `MAINTAINER` is not allowed either. The image builds, but every image built on top of it fails at its `FROM` line, far away from the mistake.',
      bad: 'FROM node:20-alpine\nONBUILD FROM node:20-alpine\nONBUILD COPY package.json /app/\n',
      good: 'FROM node:20-alpine\nONBUILD COPY package.json /app/\nONBUILD RUN npm ci\n',
      fix: 'None: what the trigger was meant to do is for the author to decide (usually a plain instruction, or a `LABEL` instead of `MAINTAINER`).',
      notes: 'The range is the trigger keyword after `ONBUILD`. Keywords are matched in any case.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      const t = onbuildTrigger(inst);
      if (!t || !FORBIDDEN.has(t.keyword)) continue;
      out.push({
        range: t.keywordRange,
        message: t.keyword === 'ONBUILD'
          ? 'ONBUILD cannot trigger another ONBUILD: images built from this one fail'
          : `${t.keyword} is not allowed as an ONBUILD trigger: images built from this one fail`,
      });
    }
    return out;
  },
});
