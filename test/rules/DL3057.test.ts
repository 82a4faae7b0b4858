import { ruleTests } from '../helpers/ruleTester';
import rule, { HEALTHCHECK_TODO as TODO } from '../../server/src/rules/DL3057-healthcheck-missing';
import { describe, it, before } from 'node:test';
import { lint } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import * as assert from 'node:assert/strict';

const HC = 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["<health-check-command>"]';
describe('DL3057 defaults', () => {
  before(() => initEngine());
  const codes = (text: string, options = {}) => lint(text, options, [rule]).findings.map((f) => `${f.range.start.line + 1}:${f.code}:${f.severity}`);
  it('is on by default for images that EXPOSE a port only, at info', () => {
    assert.equal(rule.meta.enabledByDefault, true);
    assert.equal(rule.meta.severity, 'info');
    assert.deepEqual(codes('FROM alpine:3.20\nCOPY a /a\n'), [], 'no EXPOSE: silent by default');
    assert.deepEqual(codes('FROM alpine:3.20 AS base\nEXPOSE 8080\nFROM base\nCMD ["/a"]\n'), ['3:DL3057:info'], 'EXPOSE in the chain');
    assert.deepEqual(codes('FROM alpine:3.20 AS a\nEXPOSE 8080\nFROM alpine:3.20\nCMD ["/a"]\n'), [], 'EXPOSE in another stage');
    const f = lint('FROM nginx:1.27\nEXPOSE 8080/tcp 8443\n', {}, [rule]).findings[0];
    assert.equal(f.message, 'The image exposes 8080/tcp 8443 but has no HEALTHCHECK: add one so the container can report whether the service works');
  });
  it('turned on by name, reports every image (hadolint\'s scope)', () => {
    for (const options of [{ enable: ['DL3057'] }, { enable: ['all'] }, { rules: { 'healthcheck-missing': 'warning' } }, { rules: { 'DS-0026': 'on' } }]) {
      assert.equal(codes('FROM alpine:3.20\nCOPY a /a\n', options).length, 1, JSON.stringify(options));
    }
    assert.deepEqual(codes('FROM alpine:3.20\nEXPOSE 80\n', { rules: { DL3057: 'off' } }), []);
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
