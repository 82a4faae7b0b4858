import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3066-non-numeric-user';

ruleTests(rule, {
  valid: [
    { name: 'numeric', code: 'FROM alpine:3.20\nUSER 10001:10001\n' },
    { name: 'numeric through an ARG', code: 'FROM alpine:3.20\nARG UID=1000\nUSER ${UID}\n' },
    { name: 'unknown value', code: 'FROM alpine:3.20\nARG UID\nUSER $UID\n' },
    { name: 'earlier USER and other stages do not count', code: 'FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER app\nRUN true\nUSER 1000\n' },
    { name: 'no USER', code: 'FROM alpine:3.20\nRUN true\n' },
  ],
  invalid: [
    { name: 'name with group', code: 'FROM node:20\nUSER node:node\n', errors: [{ range: '2:6-2:10', message: 'The image runs as the user name node: a numeric UID lets the host and Kubernetes (runAsNonRoot) verify it' }], output: null },
    { name: 'through an ENV, lower case', code: 'FROM alpine:3.20\nENV APP_USER=app\nuser $APP_USER\n', errors: [{ range: '3:6-3:15', message: /app \(\$APP_USER\)/ }] },
    { name: 'inherited from the base stage', code: 'FROM alpine:3.20 AS base\nUSER nobody\nFROM base\nCMD ["sh"]\n', errors: ['2:6-2:12'] },
  ],
});
