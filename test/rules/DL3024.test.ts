import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3024-duplicate-stage-name';

ruleTests(rule, {
  valid: [
    { name: 'unique names', code: 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nFROM a\n' },
    { name: 'unnamed stages', code: 'FROM alpine:3.20\nFROM alpine:3.20\n' },
    { name: 'image named like a stage', code: 'FROM build:1 AS build\n' },
  ],
  invalid: [
    {
      name: 'same name twice',
      code: 'FROM golang:1.22 AS build\nRUN true\nFROM node:20 AS build\n',
      errors: [{ range: '3:17-3:22', message: "Stage name 'build' is already used by the stage on line 1; stage names must be unique" }],
      output: null,
    },
    { name: 'different case, lower case keywords', code: 'from alpine:3.20 as Build\nfrom alpine:3.20 as BUILD\n', errors: ['2:21-2:26'], output: null },
    { name: 'three uses report the second and third', code: 'FROM a:1 AS x\nFROM b:1 AS y\nFROM c:1 AS x\nFROM d:1 AS x\n', errors: ['3:13-3:14', '4:13-4:14'], output: null },
    { name: 'with platform flag', code: 'FROM --platform=$BUILDPLATFORM a:1 AS x\nFROM b:1 AS x\n', errors: ['2:13-2:14'], output: null },
  ],
});
