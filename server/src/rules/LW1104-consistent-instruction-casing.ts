import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace, keywordText } from '../engine/helpers';

export default defineRule({
  meta: {
    code: 'LW1104',
    name: 'consistent-instruction-casing',
    aliases: ['ConsistentInstructionCasing'],
    severity: 'warning',
    category: 'style',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags instruction keywords written in a different case from the rest of the file, and keywords in mixed case (`Run`, `EntryPoint`).',
      why: 'Docker accepts keywords in any case, but a file that mixes `RUN` and `run` is harder to scan: the keyword column is how readers find the layers, stages and the final `CMD`. One consistent style (conventionally upper case) keeps the Dockerfile easy to review.',
      bad: 'FROM alpine:3.20\nrun apk add --no-cache curl\nEntryPoint ["curl"]\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nENTRYPOINT ["curl"]\n',
      fix: 'Rewrites the keyword in the file\'s majority case: lower case when more keywords are written in lower case than in upper case, upper case otherwise (also on a tie). Safe: keyword case has no effect on the build.',
      notes: 'Only instruction keywords are counted; the `AS` of `FROM … AS name` is covered by from-as-casing (FromAsCasing). The instruction after `ONBUILD` is not checked.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    let upper = 0, lower = 0;
    for (const inst of model.instructions) {
      const k = keywordText(inst);
      if (k === k.toUpperCase()) upper++;
      else if (k === k.toLowerCase()) lower++;
    }
    const wantLower = lower > upper;
    for (const inst of model.instructions) {
      const k = keywordText(inst);
      const want = wantLower ? k.toLowerCase() : k.toUpperCase();
      if (k === want) continue;
      out.push({
        range: inst.keywordRange,
        message: `Instruction '${k}' should be written '${want}' like the ${wantLower ? 'lower' : 'upper'}-case instructions in this file`,
        fixes: [fix(`Write '${want}'`, [replace(inst.keywordRange, want)], 'safe')],
      });
    }
    return out;
  },
});
