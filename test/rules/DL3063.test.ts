import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3063-reserved-stage-name';

ruleTests(rule, {
  valid: [
    { name: 'ordinary name', code: 'FROM alpine:3.20 AS builder\n' },
    { name: 'FROM scratch is the empty image, not a name', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'names that contain the words', code: 'FROM alpine:3.20 AS scratchpad\nFROM alpine:3.20 AS build-context\n' },
  ],
  invalid: [
    {
      name: 'scratch',
      code: 'FROM alpine:3.20 AS scratch\n',
      errors: [{ range: '1:21-1:28', message: "'scratch' is reserved and should not be used as a stage name" }],
      output: null,
    },
    { name: 'context, any case, lower case keywords', code: 'from alpine:3.20 as Context\n', errors: [{ range: '1:21-1:28', message: /'context' is reserved/ }], output: null },
    { name: 'in a later stage', code: 'FROM alpine:3.20 AS a\nFROM --platform=$BUILDPLATFORM golang:1.22 AS scratch\n', errors: ['2:47-2:54'], output: null },
  ],
});
