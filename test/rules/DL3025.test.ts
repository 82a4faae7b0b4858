import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTests, findingsOf } from '../helpers/ruleTester';
import { initEngine } from '../../server/src/host/shellWasm';
import rule from '../../server/src/rules/DL3025-shell-form-cmd';

const MSG = 'Use exec form (a JSON array) for CMD so the program runs as PID 1 and receives stop signals';

ruleTests(rule, {
  valid: [
    { name: 'exec form CMD', code: 'FROM alpine:3.20\nCMD ["node", "app.js"]\n' },
    { name: 'exec form ENTRYPOINT with spaces in JSON', code: 'FROM alpine:3.20\nENTRYPOINT [ "/entry.sh" , "--flag" ]\n' },
    { name: 'RUN is not flagged', code: 'FROM alpine:3.20\nRUN echo hi | tee /x\n' },
    { name: 'SHELL set earlier in the stage', code: 'FROM alpine:3.20\nRUN apk add bash\nSHELL ["/bin/bash", "-c"]\nCMD echo "hello world"\n' },
    { name: 'SHELL set in the stage it builds on', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nENTRYPOINT run.sh | tee /log\n' },
    { name: 'lower-case exec form', code: 'from alpine:3.20\ncmd ["sleep", "1"]\n' },
  ],
  invalid: [
    {
      name: 'static command becomes its argv',
      code: 'FROM alpine:3.20\nCMD node app.js\n',
      errors: [{ range: '2:5-2:16', message: MSG }],
      output: 'FROM alpine:3.20\nCMD ["node", "app.js"]\n',
    },
    {
      name: 'ENTRYPOINT, trailing spaces kept out of the argv',
      code: 'FROM alpine:3.20\nENTRYPOINT /usr/bin/server --port 80  \n',
      errors: [{ range: '2:12-2:37', message: /for ENTRYPOINT so/ }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["/usr/bin/server", "--port", "80"]\n',
    },
    {
      name: 'JSON escaping: quotes, backslashes, unicode, a tab character',
      code: 'FROM alpine:3.20\nCMD printf "say \\"hi\\"\\n" \'C:\\dir\' héllo→✓ \'tab\there\'\n',
      errors: ['2:5-2:54'],
      output: 'FROM alpine:3.20\nCMD ["printf", "say \\"hi\\"\\\\n", "C:\\\\dir", "héllo→✓", "tab\\there"]\n',
    },
    {
      name: 'pipe needs a shell',
      code: 'FROM alpine:3.20\nCMD node app.js | tee /var/log/app.log\n',
      errors: ['2:5-2:39'],
      output: 'FROM alpine:3.20\nCMD ["/bin/sh", "-c", "node app.js | tee /var/log/app.log"]\n',
    },
    {
      name: '&& list and builtin cd keep the shell',
      code: 'FROM alpine:3.20\nCMD cd /app && exec node server.js\n',
      errors: ['2:5-2:35'],
      output: 'FROM alpine:3.20\nCMD ["/bin/sh", "-c", "cd /app && exec node server.js"]\n',
    },
    {
      name: 'a lone builtin keeps the shell',
      code: 'FROM alpine:3.20\nCMD cd /tmp\n',
      errors: ['2:5-2:12'],
      output: 'FROM alpine:3.20\nCMD ["/bin/sh", "-c", "cd /tmp"]\n',
    },
    {
      name: 'variables, globs and redirections keep the shell, quotes escaped',
      code: 'FROM alpine:3.20\nCMD node "$APP" *.js > /tmp/out 2>&1\n',
      errors: ['2:5-2:37'],
      output: 'FROM alpine:3.20\nCMD ["/bin/sh", "-c", "node \\"$APP\\" *.js > /tmp/out 2>&1"]\n',
    },
    {
      name: 'exec prefix: the program replaces the shell anyway',
      code: 'FROM alpine:3.20\nCMD exec node app.js\n',
      errors: ['2:5-2:21'],
      output: 'FROM alpine:3.20\nCMD ["node", "app.js"]\n',
    },
    {
      name: 'lower-case keyword kept',
      code: 'from alpine:3.20\ncmd node app.js\n',
      errors: ['2:5-2:16'],
      output: 'from alpine:3.20\ncmd ["node", "app.js"]\n',
    },
    {
      name: 'continuation lines joined',
      code: 'FROM alpine:3.20\nCMD node \\\n    app.js\n',
      errors: ['2:5-3:11'],
      output: 'FROM alpine:3.20\nCMD ["node", "app.js"]\n',
    },
    {
      name: 'SHELL after the CMD does not apply to it',
      code: 'FROM alpine:3.20\nCMD echo hi\nSHELL ["/bin/ash", "-c"]\n',
      errors: ['2:5-2:12'],
      output: 'FROM alpine:3.20\nCMD ["echo", "hi"]\nSHELL ["/bin/ash", "-c"]\n',
    },
    {
      name: 'SHELL of an unrelated stage does not apply',
      code: 'FROM debian:12 AS tools\nSHELL ["/bin/bash", "-c"]\nFROM alpine:3.20\nCMD echo $HOME\n',
      errors: ['4:5-4:15'],
      output: 'FROM debian:12 AS tools\nSHELL ["/bin/bash", "-c"]\nFROM alpine:3.20\nCMD ["/bin/sh", "-c", "echo $HOME"]\n',
    },
    {
      name: 'escape=` (Windows): shell unknown, no fix',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD powershell -Command Start-Service w3svc\n',
      errors: ['3:5-3:44'],
      output: null,
    },
    {
      name: 'Windows base image with the default escape: no fix',
      code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ping -t localhost\n',
      errors: ['2:5-2:22'],
      output: null,
    },
    {
      name: 'ENTRYPOINT and CMD both in shell form, each converted',
      code: 'FROM alpine:3.20\nENTRYPOINT /entry.sh\nCMD serve --port 80\n',
      errors: ['2:12-2:21', { range: '3:5-3:20', message: MSG }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["/entry.sh"]\nCMD ["serve", "--port", "80"]\n',
    },
    {
      name: 'one finding per stage',
      code: 'FROM alpine:3.20 AS a\nCMD a\nFROM alpine:3.20\nCMD b\n',
      errors: ['2:5-2:6', '4:5-4:6'],
      output: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n',
    },
    {
      name: 'single-quoted "exec form" is not JSON: runs through a shell, no fix',
      code: "FROM alpine:3.20\nENTRYPOINT ['node', 'app.js']\n",
      errors: [{ range: '2:12-2:30', message: 'This ENTRYPOINT is not a valid JSON array, so it runs through a shell: write exec form with double quotes, e.g. ["node", "app.js"]' }],
      output: null,
    },
    {
      name: 'unterminated JSON array',
      code: 'FROM alpine:3.20\nCMD ["node", "app.js"\n',
      errors: [{ range: '2:5-2:22', message: /not a valid JSON array/ }],
      output: null,
    },
    {
      name: 'syntax error in the body: flagged, no fix',
      code: 'FROM alpine:3.20\nCMD echo "unterminated\n',
      errors: ['2:5-2:23'],
      output: null,
    },
  ],
});

describe('DL3025 fix safety', () => {
  before(() => initEngine());
  const safety = (code: string) => findingsOf(rule, code).map((f) => f.fixes[0]?.safety ?? 'none');

  it('a static CMD on an image without ENTRYPOINT is safe', () => {
    assert.deepEqual(safety('FROM alpine:3.20\nCMD node app.js\n'), ['safe']);
    assert.deepEqual(safety('FROM scratch\nCMD /app --serve\n'), ['safe']);
  });
  it('the sh -c form is a suggestion (the shell stays PID 1)', () => {
    assert.deepEqual(safety('FROM alpine:3.20\nCMD a | b\n'), ['suggestion']);
  });
  it('CMD next to an ENTRYPOINT of the stage or its base stage is a suggestion', () => {
    assert.deepEqual(safety('FROM alpine:3.20\nENTRYPOINT ["/entry.sh"]\nCMD node app.js\n'), ['suggestion']);
    assert.deepEqual(safety('FROM alpine:3.20 AS base\nENTRYPOINT ["/entry.sh"]\nFROM base\nCMD node app.js\n'), ['suggestion']);
  });
  it('ENTRYPOINT with a CMD in the stage is a suggestion; alone it is safe', () => {
    assert.deepEqual(safety('FROM alpine:3.20\nENTRYPOINT node app.js\nCMD ["--port", "80"]\n'), ['suggestion']);
    assert.deepEqual(safety('FROM alpine:3.20\nENTRYPOINT node app.js\n'), ['safe']);
  });
  it('CMD on a base image that may have its own ENTRYPOINT is a suggestion', () => {
    assert.deepEqual(safety('FROM node:20-alpine\nCMD node app.js\n'), ['suggestion']);
    assert.deepEqual(safety('FROM postgres:16\nCMD postgres -c fsync=off\n'), ['suggestion']);
  });
});
