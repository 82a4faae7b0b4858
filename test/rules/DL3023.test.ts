import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3023-copy-from-own-stage';

ruleTests(rule, {
  valid: [
    { name: 'earlier stage', code: 'FROM golang:1.22 AS build\nFROM alpine:3.20 AS run\nCOPY --from=build /out /out\n' },
    { name: 'unnamed stage copying from an image', code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /a /b\n' },
    { name: 'earlier index', code: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /a /b\n' },
    { name: 'unknown name is DL3022', code: 'FROM alpine:3.20 AS a\nCOPY --from=b /a /b\n' },
  ],
  invalid: [
    {
      name: 'own name',
      code: 'FROM node:20 AS foo\nCOPY --from=foo bar .\n',
      errors: [{ range: '2:13-2:16', message: "--from='foo' refers to the stage it is in (stage 0 'foo'); a stage cannot copy from itself" }],
      output: null,
    },
    { name: 'own name, other case, lower case keywords', code: 'from alpine:3.20 as base\nfrom alpine:3.20 as App\ncopy --from=app /a /b\n', errors: ['3:13-3:16'], output: null },
    { name: 'own index', code: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=1 /a /b\n', errors: ['3:13-3:14'], output: null },
    { name: 'through an ARG', code: 'FROM alpine:3.20 AS self\nARG S=self\nCOPY --from=${S} /a /b\n', errors: ['3:13-3:17'], output: null },
    { name: 'mount from itself', code: 'FROM alpine:3.20 AS x\nRUN --mount=from=x,target=/m ls /m\n', errors: ['2:18-2:19'], output: null },
  ],
});
