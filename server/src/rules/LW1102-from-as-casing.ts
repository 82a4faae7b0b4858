import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace, keywordText } from '../engine/helpers';

export default defineRule({
  meta: {
    code: 'LW1102',
    name: 'from-as-casing',
    aliases: ['FromAsCasing'],
    severity: 'warning',
    category: 'style',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags the `AS` of `FROM image AS name` when its case differs from the `FROM` keyword (`FROM node AS build` is fine, `FROM node as build` is not).',
      why: 'Keywords are case-insensitive, but a Dockerfile reads best when every keyword is written the same way. A lower-case `as` after an upper-case `FROM` also looks like part of the image name at a glance, which hides where a multi-stage build names its stages.',
      bad: 'FROM node:22-alpine as build\nRUN npm ci\n',
      good: 'FROM node:22-alpine AS build\nRUN npm ci\n',
      fix: 'Rewrites `AS` in the case of the `FROM` keyword (`AS` after `FROM`, `as` after `from`). Safe: keyword case has no effect on the build.',
      notes: 'When `FROM` itself is mixed case (`From`), nothing is reported here; consistent-instruction-casing (ConsistentInstructionCasing) reports the keyword.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const inst = stage.from;
      const asWord = inst.args.find((a, i) => i > 0 && a.value.toUpperCase() === 'AS');
      if (!asWord) continue;
      const from = keywordText(inst);
      const want = from === from.toUpperCase() ? 'AS' : from === from.toLowerCase() ? 'as' : null;
      if (want === null || asWord.value === want) continue;
      out.push({
        range: asWord.range,
        message: `'${asWord.value}' does not match the case of '${from}'; write '${want}'`,
        fixes: [fix(`Write '${want}'`, [replace(asWord.range, want)], 'safe')],
      });
    }
    return out;
  },
});
