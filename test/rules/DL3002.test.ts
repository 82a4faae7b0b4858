import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTests, findingsOf } from '../helpers/ruleTester';
import { initEngine } from '../../server/src/host/shellWasm';
import rule from '../../server/src/rules/DL3002-last-user-root';

const MSG = 'The final stage runs as root: switch to a non-root user after the steps that need root';
const CREATE_DEB = 'groupadd --system app && useradd --system --gid app --no-create-home app';

ruleTests(rule, {
  valid: [
    { name: 'no USER at all (LW1001 reports that)', code: 'FROM node:20\nCMD ["node"]\n' },
    { name: 'last USER is not root', code: 'FROM node:20\nUSER root\nRUN apt-get update\nUSER node\nCMD ["node"]\n' },
    { name: 'root only in an earlier stage', code: 'FROM node:20 AS build\nUSER root\nRUN npm ci\nFROM node:20-alpine\nUSER node\n' },
    { name: 'root in an earlier stage, final stage has no USER', code: 'FROM debian:12 AS build\nUSER root\nFROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'group root only', code: 'FROM alpine:3.20\nUSER 1000:0\n' },
    { name: 'unknown variable', code: 'FROM alpine:3.20\nARG RUN_AS\nUSER $RUN_AS\n' },
    { name: 'user named like root but not root', code: 'FROM alpine:3.20\nUSER rootless\n' },
    { name: 'final stage overrides the root USER of its base stage', code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nUSER 1000\n' },
  ],
  invalid: [
    {
      name: 'node image: the word is replaced with node',
      code: 'FROM node:20\nUSER root\nCMD ["node", "app.js"]\n',
      errors: [{ range: '2:6-2:10', message: MSG }],
      output: 'FROM node:20\nUSER node\nCMD ["node", "app.js"]\n',
    },
    {
      name: 'uid 0 with a group',
      code: 'FROM node:20\nUSER 0:0\n',
      errors: ['2:6-2:9'],
      output: 'FROM node:20\nUSER node\n',
    },
    {
      name: 'root:root',
      code: 'FROM gcr.io/distroless/nodejs20-debian12\nUSER root:root\nCMD ["app.js"]\n',
      errors: ['2:6-2:15'],
      output: 'FROM gcr.io/distroless/nodejs20-debian12\nUSER nonroot\nCMD ["app.js"]\n',
    },
    {
      name: 'ARG value resolved',
      code: 'FROM node:20\nARG RUN_AS=root\nUSER $RUN_AS\n',
      errors: [{ range: '3:6-3:13', message: 'The final stage runs as root ($RUN_AS is root): switch to a non-root user after the steps that need root' }],
      output: 'FROM node:20\nARG RUN_AS=root\nUSER node\n',
    },
    {
      name: 'ENV value resolved',
      code: 'FROM node:20\nENV UID=0\nUSER ${UID}\n',
      errors: [{ range: '3:6-3:12', message: /\$\{UID\} is 0/ }],
      output: 'FROM node:20\nENV UID=0\nUSER node\n',
    },
    {
      name: 'build steps after the root USER: the switch goes after the last one',
      code: 'FROM node:20\nUSER root\nRUN apt-get update\nCOPY . /app\nEXPOSE 3000\nCMD ["node", "/app"]\n',
      errors: ['2:6-2:10'],
      output: 'FROM node:20\nUSER root\nRUN apt-get update\nCOPY . /app\nUSER node\nEXPOSE 3000\nCMD ["node", "/app"]\n',
    },
    {
      name: 'reuses the non-root user switched to earlier',
      code: 'FROM debian:12\nRUN useradd -r web\nUSER web\nRUN make\nUSER root\nRUN apt-get install -y curl\nCMD ["serve"]\n',
      errors: ['5:6-5:10'],
      output: 'FROM debian:12\nRUN useradd -r web\nUSER web\nRUN make\nUSER root\nRUN apt-get install -y curl\nUSER web\nCMD ["serve"]\n',
    },
    {
      name: 'reuses a user created earlier, in place',
      code: 'FROM debian:12\nRUN useradd --uid 10001 -m appuser\nUSER root\nCMD ["serve"]\n',
      errors: ['3:6-3:10'],
      output: 'FROM debian:12\nRUN useradd --uid 10001 -m appuser\nUSER appuser\nCMD ["serve"]\n',
    },
    {
      name: 'Debian family without a user: create it before the USER, in place',
      code: 'FROM python:3.12-slim\nUSER root\nCMD ["python", "app.py"]\n',
      errors: ['2:6-2:10'],
      output: `FROM python:3.12-slim\nRUN ${CREATE_DEB}\nUSER app\nCMD ["python", "app.py"]\n`,
    },
    {
      name: 'an earlier USER of unknown value: create after the root USER, not before it',
      code: 'FROM python:3.12-slim\nARG U\nUSER $U\nUSER root\nCMD ["python"]\n',
      errors: ['4:6-4:10'],
      output: `FROM python:3.12-slim\nARG U\nUSER $U\nUSER root\nRUN ${CREATE_DEB}\nUSER app\nCMD ["python"]\n`,
    },
    {
      name: 'root USER in the stage the final stage builds on',
      code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCOPY app /app\nCMD ["/app"]\n',
      errors: ['2:6-2:10'],
      output: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCOPY app /app\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["/app"]\n',
    },
    {
      name: 'unknown image: numeric user',
      code: 'FROM registry.example.com/team/base:1.2\nUSER root\nRUN install-things\n',
      errors: ['2:6-2:10'],
      output: 'FROM registry.example.com/team/base:1.2\nUSER root\nRUN install-things\nUSER 65532:65532\n',
    },
    {
      name: 'CRLF, indentation and lower-case keywords kept',
      code: 'from node:20\r\n  user root\r\n  run npm ci\r\n  cmd ["node", "app"]\r\n',
      errors: ['2:8-2:12'],
      output: 'from node:20\r\n  user root\r\n  run npm ci\r\n  user node\r\n  cmd ["node", "app"]\r\n',
    },
    {
      name: 'only the final stage is reported',
      code: 'FROM debian:12 AS build\nUSER root\nFROM node:20\nUSER root\n',
      errors: ['4:6-4:10'],
      output: 'FROM debian:12 AS build\nUSER root\nFROM node:20\nUSER node\n',
    },
  ],
});

describe('DL3002 fix safety', () => {
  before(() => initEngine());
  it('switching users is a suggestion (the program may need root)', () => {
    const f = findingsOf(rule, 'FROM node:20\nUSER root\n');
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes[0].safety, 'suggestion');
    assert.equal(f[0].fixes[0].title, 'Switch to user node');
  });
});
