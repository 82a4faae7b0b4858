import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1210-unused-stage';

ruleTests(rule, {
  valid: [
    { name: 'single stage', code: 'FROM alpine:3.20\nRUN true\n' },
    { name: 'COPY --from name, any case', code: 'FROM golang:1.22 AS Build\nRUN true\nFROM alpine:3.20\nCOPY --from=build /a /a\n' },
    { name: 'COPY --from index', code: 'FROM golang:1.22\nRUN true\nFROM alpine:3.20\nCOPY --from=0 /a /a\n' },
    { name: 'FROM stage', code: 'FROM alpine:3.20 AS base\nFROM base\n' },
    { name: 'RUN --mount=from', code: 'FROM alpine:3.20 AS files\nFROM alpine:3.20\nRUN --mount=type=bind,from=files,target=/f ls /f\n' },
    { name: 'reference through a global ARG', code: 'ARG SRC=build\nFROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=$SRC /a /a\n' },
    { name: 'unknown reference: nothing judged', code: 'ARG SRC\nFROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=$SRC /a /a\n' },
    { name: 'used by an intermediate stage', code: 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nCOPY --from=a /x /x\nFROM b\n' },
  ],
  invalid: [
    {
      name: 'named, removed up to its last instruction',
      code: 'FROM golang:1.22 AS old\nRUN go version\n\n# runtime\nFROM alpine:3.20\nRUN true\n',
      errors: [{ range: '1:21-1:24', message: 'Stage "old" is not used by any later stage: it does not contribute to the image' }],
      output: '\n# runtime\nFROM alpine:3.20\nRUN true\n',
    },
    { name: 'unnamed', code: 'FROM golang:1.22\nRUN true\nFROM alpine:3.20\n', errors: [{ range: '1:6-1:17', message: /^Stage 0 \(golang:1.22\)/ }], output: 'FROM alpine:3.20\n' },
    { name: 'self reference does not count', code: 'FROM alpine:3.20 AS a\nCOPY --from=a /x /y\nFROM alpine:3.20\n', errors: ['1:21-1:22'] },
  ],
});
