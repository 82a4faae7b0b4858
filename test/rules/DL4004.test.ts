import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL4004-multiple-entrypoint';

ruleTests(rule, {
  valid: [
    { name: 'one ENTRYPOINT and a CMD', code: 'FROM alpine:3.20\nENTRYPOINT ["tini", "--"]\nCMD ["sh"]\n' },
    { name: 'one per stage', code: 'FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM a\nENTRYPOINT ["b"]\n' },
  ],
  invalid: [
    {
      name: 'two ENTRYPOINTs',
      code: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nCMD ["c"]\n',
      errors: [{ range: '2:1-2:11', message: 'This ENTRYPOINT has no effect: the ENTRYPOINT on line 3 overrides it' }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["b"]\nCMD ["c"]\n',
    },
    {
      name: 'second stage, lower case, indented',
      code: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\n  entrypoint run.sh\n  ENTRYPOINT ["x"]\n',
      errors: ['3:3-3:13'],
      output: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\n  ENTRYPOINT ["x"]\n',
    },
  ],
});
