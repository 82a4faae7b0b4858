import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTests, findingsOf } from '../helpers/ruleTester';
import { initEngine } from '../../server/src/host/shellWasm';
import rule from '../../server/src/rules/LW1001-missing-user';

const CREATE_DEB = 'groupadd --system app && useradd --system --gid app --no-create-home app';
const CREATE_ALP = 'addgroup -S app && adduser -S -G app app';

ruleTests(rule, {
  valid: [
    { name: 'USER set', code: 'FROM node:20\nUSER node\nCMD ["node"]\n' },
    { name: 'USER root is DL3002\'s business', code: 'FROM node:20\nUSER root\n' },
    { name: 'USER set in the stage the final stage builds on', code: 'FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nCMD ["sh"]\n' },
    { name: 'distroless :nonroot', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n' },
    { name: 'Chainguard image', code: 'FROM cgr.dev/chainguard/node:latest\nCOPY . /app\n' },
    { name: 'Windows Nano Server', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/\n' },
    { name: 'only the final stage counts', code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'no FROM at all', code: 'ARG X=1\n' },
  ],
  invalid: [
    {
      name: 'node image: USER node after the last build step',
      code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      errors: [{ range: '1:6-1:20', message: 'The final stage never sets USER, so the container runs as root: add USER node' }],
      output: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'Debian: create the user with useradd',
      code: 'FROM debian:12-slim\nRUN apt-get update\nCMD ["bash"]\n',
      errors: ['1:6-1:20'],
      output: `FROM debian:12-slim\nRUN apt-get update\nRUN ${CREATE_DEB}\nUSER app\nCMD ["bash"]\n`,
    },
    {
      name: 'Debian-based official image (python): useradd',
      code: 'FROM python:3.12\nCOPY . /srv\n',
      errors: ['1:6-1:17'],
      output: `FROM python:3.12\nCOPY . /srv\nRUN ${CREATE_DEB}\nUSER app\n`,
    },
    {
      name: 'Alpine: create the user with adduser',
      code: 'FROM python:3.12-alpine\nRUN pip install flask\nCMD ["flask", "run"]\n',
      errors: ['1:6-1:24'],
      output: `FROM python:3.12-alpine\nRUN pip install flask\nRUN ${CREATE_ALP}\nUSER app\nCMD ["flask", "run"]\n`,
    },
    {
      name: 'distroless without :nonroot ships a nonroot user',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: ['1:6-1:39'],
      output: 'FROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nUSER nonroot\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'Chainguard -dev variant runs as root',
      code: 'FROM cgr.dev/chainguard/python:latest-dev\nRUN pip install x\n',
      errors: ['1:6-1:42'],
      output: 'FROM cgr.dev/chainguard/python:latest-dev\nRUN pip install x\nUSER nonroot\n',
    },
    {
      name: '.NET 8 image ships app',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out/ /app/\nENTRYPOINT ["dotnet", "/app/web.dll"]\n',
      errors: ['1:6-1:41'],
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out/ /app/\nUSER app\nENTRYPOINT ["dotnet", "/app/web.dll"]\n',
    },
    {
      name: 'scratch: numeric user, no user database needed',
      code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ range: '1:6-1:13', message: 'The final stage never sets USER, so the container runs as uid 0 (root): add a numeric USER' }],
      output: 'FROM scratch\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'unknown image: numeric user',
      code: 'FROM registry.example.com/team/base:1.2\nCMD ["run"]\n',
      errors: ['1:6-1:40'],
      output: 'FROM registry.example.com/team/base:1.2\nUSER 65532:65532\nCMD ["run"]\n',
    },
    {
      name: 'no build step: after FROM',
      code: 'FROM node:20\nENV NODE_ENV=production\nCMD ["node"]\n',
      errors: ['1:6-1:13'],
      output: 'FROM node:20\nUSER node\nENV NODE_ENV=production\nCMD ["node"]\n',
    },
    {
      name: 'a user created but never switched to',
      code: 'FROM debian:12\nRUN useradd --uid 10001 -m appuser\nCOPY . /app\nCMD ["/app/run"]\n',
      errors: ['1:6-1:15'],
      output: 'FROM debian:12\nRUN useradd --uid 10001 -m appuser\nCOPY . /app\nUSER appuser\nCMD ["/app/run"]\n',
    },
    {
      name: 'final stage built on another stage: the range is its FROM word, the image is the chain\'s',
      code: 'FROM node:20 AS base\nRUN npm ci\nFROM base\nCOPY . .\nCMD ["node", "."]\n',
      errors: ['3:6-3:10'],
      output: 'FROM node:20 AS base\nRUN npm ci\nFROM base\nCOPY . .\nUSER node\nCMD ["node", "."]\n',
    },
    {
      name: 'image from an ARG',
      code: 'ARG BASE=node:20-slim\nFROM ${BASE}\nRUN npm ci\n',
      errors: ['2:6-2:13'],
      output: 'ARG BASE=node:20-slim\nFROM ${BASE}\nRUN npm ci\nUSER node\n',
    },
    {
      name: 'CRLF, tab indentation and lower-case keywords kept',
      code: 'from alpine:3.20\r\n\trun apk add curl\r\n\tcmd ["sh"]\r\n',
      errors: ['1:6-1:17'],
      output: `from alpine:3.20\r\n\trun apk add curl\r\n\trun ${CREATE_ALP}\r\n\tuser app\r\n\tcmd ["sh"]\r\n`,
    },
    {
      name: 'heredoc RUN as the last build step',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\nEOF\nCMD ["bash"]\n',
      errors: ['1:6-1:15'],
      output: `FROM debian:12\nRUN <<EOF\napt-get update\nEOF\nRUN ${CREATE_DEB}\nUSER app\nCMD ["bash"]\n`,
    },
    {
      name: 'Windows Server Core: ContainerUser',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:/app/\n',
      errors: ['1:6-1:51'],
      output: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:/app/\nUSER ContainerUser\n',
    },
    {
      name: 'no trailing newline',
      code: 'FROM node:20\nCOPY . .',
      errors: ['1:6-1:13'],
      output: 'FROM node:20\nCOPY . .\nUSER node',
    },
  ],
});

describe('LW1001 fix', () => {
  before(() => initEngine());
  it('is a suggestion with a title naming the user', () => {
    const f = findingsOf(rule, 'FROM alpine:3.20\nRUN apk add curl\n');
    assert.equal(f[0].fixes[0].safety, 'suggestion');
    assert.equal(f[0].fixes[0].title, 'Create user app and switch to it');
    assert.equal(findingsOf(rule, 'FROM node:20\n')[0].fixes[0].title, 'Switch to user node');
  });
});
