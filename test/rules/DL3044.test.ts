import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3044-env-self-reference';

ruleTests(rule, {
  valid: [
    { name: 'separate ENV lines', code: 'FROM alpine:3.20\nENV A=/app\nENV B=$A/bin\n' },
    { name: 'own previous value', code: 'FROM alpine:3.20\nENV PATH=/x:$PATH A=1\n' },
    { name: 'set by an earlier ENV', code: 'FROM alpine:3.20\nENV A=1\nENV A=2 B=$A\n' },
    { name: 'declared by an ARG', code: 'FROM alpine:3.20\nARG A\nENV A=${A:-1} B=${A}\n' },
    { name: 'set in the base stage', code: 'FROM alpine:3.20 AS base\nENV A=1\nFROM base\nENV A=2 B=$A\n' },
    { name: 'escaped and single-quoted', code: "FROM alpine:3.20\nENV A=1 B=\\$A C='$A'\n" },
    { name: 'longer name', code: 'FROM alpine:3.20\nENV A=1 B=$AB\n' },
    { name: 'legacy single pair', code: 'FROM alpine:3.20\nENV A $A/x\n' },
  ],
  invalid: [
    {
      name: 'classic PATH',
      code: 'FROM alpine:3.20\nENV APP=/app PATH=$APP/bin:$PATH\n',
      errors: [{ range: '2:19-2:23', message: 'APP is set in this same ENV: here it still has its value from before the instruction (unset)' }],
      output: 'FROM alpine:3.20\nENV APP=/app\nENV PATH=$APP/bin:$PATH\n',
    },
    {
      name: 'braces, double quotes, lower case, continuation, CRLF',
      code: 'FROM alpine:3.20\r\n  env A=1 \\\r\n      B="${A}-x" C=2\r\n',
      errors: ['3:10-3:14'],
      output: 'FROM alpine:3.20\r\n  env A=1\r\n  env B="${A}-x" C=2\r\n',
    },
    { name: 'later pair: no fix', code: 'FROM alpine:3.20\nENV B=$A A=1\n', errors: ['2:7-2:9'], output: null },
    { name: 'comment line between pairs: no fix', code: 'FROM alpine:3.20\nENV A=1 \\\n# note\n  B=$A\n', errors: ['4:5-4:7'], output: null },
    {
      name: 'two references in one pair: one fix; second stage',
      code: 'FROM alpine:3.20 AS a\nFROM a\nENV A=1 B=2 C=$A$B\n',
      errors: ['3:15-3:17', '3:17-3:19'],
      output: 'FROM alpine:3.20 AS a\nFROM a\nENV A=1 B=2\nENV C=$A$B\n',
    },
  ],
});
