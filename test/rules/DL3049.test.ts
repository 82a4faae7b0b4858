import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3049-label-missing';

const context = { settings: { labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' } } };
const both = 'LABEL org.opencontainers.image.source="https://x.example/r" org.opencontainers.image.version="1.0.0"\n';

ruleTests(rule, {
  context,
  valid: [
    { name: 'both labels in one instruction', code: `FROM a:1\n${both}` },
    { name: 'labels in separate instructions, values unknown', code: 'FROM a:1\nARG V\nLABEL org.opencontainers.image.version=$V\nLABEL org.opencontainers.image.source=https://x.example\n' },
    { name: 'labels inherited from the stage the final one builds on', code: `FROM a:1 AS base\n${both}FROM base\nRUN true\n` },
    { name: 'build stages need no labels', code: `FROM golang:1.22 AS build\nRUN go build\nFROM a:1\n${both}` },
    { name: 'no schema: nothing to check', code: 'FROM a:1\n', context: {} },
    { name: 'empty schema', code: 'FROM a:1\n', context: { settings: { labelSchema: {} } } },
    { name: 'no FROM at all', code: 'ARG X=1\n' },
    { name: 'a key without a known value may be any label', code: 'FROM a:1\nARG K\nLABEL ${K}=x\n' },
  ],
  invalid: [
    { name: 'one missing: range is the final FROM keyword', code: 'FROM a:1\nLABEL org.opencontainers.image.version="1.0.0"\n', errors: [{ range: '1:1-1:5', message: "The image has no 'org.opencontainers.image.source' label, which the label schema requires" }], output: null },
    { name: 'both missing, one finding each', code: 'FROM a:1\nLABEL other=1\n', errors: [{ range: '1:1-1:5', message: /image\.source/ }, { range: '1:1-1:5', message: /image\.version/ }], output: null },
    { name: 'labels of an unrelated earlier stage do not count', code: `FROM a:1 AS other\n${both}FROM a:1\nRUN true\n`, errors: ['3:1-3:5', '3:1-3:5'], output: null },
    { name: 'ONBUILD LABEL does not label this image', code: 'FROM a:1\nONBUILD LABEL org.opencontainers.image.source=https://x.example org.opencontainers.image.version=1.0.0\n', errors: ['1:1-1:5', '1:1-1:5'], output: null },
    { name: 'label names are case-sensitive', code: 'FROM a:1\nLABEL ORG.OPENCONTAINERS.IMAGE.SOURCE=https://x.example org.opencontainers.image.version=1.0.0\n', errors: ['1:1-1:5'], output: null },
  ],
});
