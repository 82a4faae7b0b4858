import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1211-copy-from-index';

ruleTests(rule, {
  valid: [
    { name: 'by name', code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\n' },
    { name: 'external image', code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n' },
    { name: 'index to the current or a later stage is another rule', code: 'FROM alpine:3.20\nCOPY --from=0 /a /b\nCOPY --from=3 /a /b\n' },
    { name: 'variable', code: 'ARG S=0\nFROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=$S /a /b\n' },
  ],
  invalid: [
    {
      name: 'named stage: use its name',
      code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=0 /a /a\n',
      errors: [{ range: '3:6-3:14', message: '--from=0 refers to stage 0 by position: name the stage (FROM ... AS name) and copy --from=<name>' }],
      output: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\n',
    },
    {
      name: 'unnamed stage: named, every reference rewritten by the first fix',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /a /a\nCOPY --chown=1:1 --from=0 /b /b\n',
      errors: ['3:6-3:14', '4:18-4:26'],
      output: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS stage-0\nFROM alpine:3.20\nCOPY --from=stage-0 /a /a\nCOPY --chown=1:1 --from=stage-0 /b /b\n',
    },
    { name: 'lower-case FROM', code: 'from golang:1.22\nfrom alpine:3.20 as final\ncopy --from=0 /a /a\n', errors: ['3:6-3:14'], output: 'from golang:1.22 as stage-0\nfrom alpine:3.20 as final\ncopy --from=stage-0 /a /a\n' },
    { name: 'name taken: no fix', code: 'FROM golang:1.22\nFROM alpine:3.20 AS stage-0\nFROM alpine:3.20\nCOPY --from=0 /a /a\n', errors: ['4:6-4:14'], output: null },
  ],
});
