import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3053-label-not-rfc3339';

const context = { settings: { labelSchema: { created: 'rfc3339', 'org.opencontainers.image.created': 'rfc3339' } } };

ruleTests(rule, {
  context,
  valid: [
    { name: 'UTC', code: 'FROM a:1\nLABEL created="2024-05-01T12:30:00Z"\n' },
    { name: 'offset, fraction, space separator', code: 'FROM a:1\nLABEL created="2021-03-23 13:04:29.300508335+01:00"\n' },
    { name: 'leap day and leap second', code: 'FROM a:1\nLABEL created=2024-02-29t23:59:60z\n' },
    { name: 'ARG without a default', code: 'FROM a:1\nARG CREATED\nLABEL created="${CREATED}"\n' },
    { name: 'ARG with a good default', code: 'FROM a:1\nARG CREATED=2024-01-01T00:00:00Z\nLABEL created=$CREATED\n' },
  ],
  invalid: [
    { name: 'prose: range is the value', code: 'FROM a:1\nLABEL created="today"\n', errors: [{ range: '2:15-2:22', message: "Label 'created' is not an RFC 3339 date-time: 'today': it is not a date-time such as 2024-05-01T12:30:00Z" }], output: null },
    { name: 'date only', code: 'FROM a:1\nLABEL created=2024-05-01\n', errors: [{ range: '2:15-2:25', message: /date but no time/ }], output: null },
    { name: 'no time zone', code: 'FROM a:1\nLABEL created=2024-05-01T12:00:00\n', errors: ['2:15-2:34'], output: null },
    { name: 'no leap day in 2023', code: 'FROM a:1\nLABEL created=2023-02-29T00:00:00Z\n', errors: [{ range: '2:15-2:35', message: /day is out of range/ }], output: null },
    { name: 'month and hour out of range', code: 'FROM a:1\nLABEL created=2024-13-01T00:00:00Z\nLABEL created=2024-01-01T24:00:00Z\n', errors: [{ range: '2:15-2:35', message: /month/ }, { range: '3:15-3:35', message: /time is out of range/ }], output: null },
    { name: 'offset out of range', code: 'FROM a:1\nLABEL created=2024-01-01T00:00:00+24:00\n', errors: [{ range: '2:15-2:40', message: /offset/ }], output: null },
  ],
});
