import { ruleTests } from '../helpers/ruleTester';
import rule, { HEALTHCHECK_TODO as TODO } from '../../server/src/rules/DL3057-healthcheck-missing';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';

const HC = 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["<health-check-command>"]';
describe('DL3057 defaults', () => {
  it('is off by default, info when enabled', () => {
    assert.equal(rule.meta.enabledByDefault, false);
    assert.equal(rule.meta.severity, 'info');
  });
});

ruleTests(rule, {
  valid: [
    { name: 'HEALTHCHECK present', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'HEALTHCHECK NONE is a decision', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    { name: 'in the base stage', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD true\nFROM base\nCOPY a /b\n' },
    { name: 'earlier stages need none', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM nginx:1.27\nhealthcheck cmd true\n' },
  ],
  invalid: [
    {
      name: 'before CMD',
      code: 'FROM nginx:1.27\nCOPY a /b\nCMD ["nginx"]\n',
      errors: [{ range: '1:1-1:5', message: 'The image has no HEALTHCHECK: add one so the container can report whether the service works' }],
      output: `FROM nginx:1.27\nCOPY a /b\n${TODO}\n${HC}\nCMD ["nginx"]\n`,
    },
    {
      name: 'before ENTRYPOINT that precedes CMD, lower case, CRLF',
      code: 'FROM golang:1.22 AS build\r\nRUN true\r\nfrom alpine:3.20\r\n  entrypoint ["app"]\r\n  cmd ["--serve"]\r\n',
      errors: ['3:1-3:5'],
      output: `FROM golang:1.22 AS build\r\nRUN true\r\nfrom alpine:3.20\r\n  ${TODO}\r\n  healthcheck --interval=30s --timeout=3s --retries=3 cmd ["<health-check-command>"]\r\n  entrypoint ["app"]\r\n  cmd ["--serve"]\r\n`,
    },
    { name: 'at the end of the stage', code: 'FROM nginx:1.27\nCOPY a /b', errors: ['1:1-1:5'], output: `FROM nginx:1.27\nCOPY a /b\n${TODO}\n${HC}` },
  ],
});
