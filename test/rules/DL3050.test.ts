import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3050-superfluous-label';

const context = { settings: { strictLabels: true, labelSchema: { 'org.opencontainers.image.source': 'url' } } };

ruleTests(rule, {
  context,
  valid: [
    { name: 'only schema labels', code: 'FROM a:1\nLABEL org.opencontainers.image.source="https://x.example"\n' },
    { name: 'no labels', code: 'FROM a:1\nRUN true\n' },
    { name: 'strict-labels off', code: 'FROM a:1\nLABEL other=1\n', context: { settings: { strictLabels: false, labelSchema: {} } } },
    { name: 'no settings at all', code: 'FROM a:1\nLABEL other=1\n', context: {} },
    { name: 'key from an ARG without a value is not judged', code: 'FROM a:1\nARG K\nLABEL $K=1\n' },
  ],
  invalid: [
    { name: 'extra label: range is the key', code: 'FROM a:1\nLABEL org.opencontainers.image.source="https://x.example" build-host=ci\n', errors: [{ range: '2:59-2:69', message: "Label 'build-host' is not in the label schema (strict-labels is on)" }], output: null },
    { name: 'strict-labels without a schema: every label', code: 'FROM a:1\nLABEL a=1 b=2\n', context: { settings: { strictLabels: true } }, errors: ['2:7-2:8', '2:11-2:12'], output: null },
    { name: 'every stage and ONBUILD', code: 'FROM a:1 AS b\nLABEL x=1\nFROM b\nONBUILD LABEL y=2\n', errors: ['2:7-2:8', '4:15-4:16'], output: null },
  ],
});
