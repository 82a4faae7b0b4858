import { ruleTests } from '../helpers/ruleTester';
import rule, { sensitiveName } from '../../server/src/rules/DL3064-secret-in-arg-env';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';

describe('DL3064 sensitiveName', () => {
  it('flags credential-like names', () => {
    for (const n of ['GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'api_key', 'DB_PASSWORD', 'dbPassword', 'DBPASSWORD', 'NPMTOKEN', 'AUTH', 'SSH_PRIVATE_KEY', 'OKTA_OAUTH2_CLIENTSECRET', 'GPG_PASSPHRASE', 'APIKEY', 'my-secret']) assert.ok(sensitiveName(n), n);
  });
  it('leaves other names alone', () => {
    for (const n of ['NODE_ENV', 'TOKENIZERS_PARALLELISM', 'GOPRIVATE', 'USERNAME', 'NEXT_PUBLIC_API_KEY', 'GPG_KEY', 'KEYBOARD', 'MONKEY', 'AUTHOR', 'TRAVIS_OS_NAME', 'PATH']) assert.ok(!sensitiveName(n), n);
  });
});

ruleTests(rule, {
  valid: [
    { name: 'ordinary names', code: 'FROM alpine:3.20\nARG VERSION=1\nENV NODE_ENV=production PATH=/x:$PATH\n' },
    { name: 'public key id', code: 'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
    { name: 'secret in a RUN mount', code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=token cat /run/secrets/token\n' },
  ],
  invalid: [
    { name: 'ARG token', code: 'FROM alpine:3.20\nARG GITHUB_TOKEN\n', errors: [{ range: '2:5-2:17', message: 'ARG GITHUB_TOKEN looks like a secret: ARG and ENV values stay readable in the image; use a secret mount (RUN --mount=type=secret)' }], output: null },
    { name: 'global ARG with default, lower case', code: 'arg DB_PASSWORD=changeme\nFROM alpine:3.20\n', errors: ['1:5-1:16'] },
    { name: 'several ENV pairs and the legacy form', code: 'FROM alpine:3.20\nENV A=1 apiKey=x \\\n    SECRET_KEY_BASE=y\nENV AUTH_TOKEN abc\n', errors: ['2:9-2:15', '3:5-3:20', '4:5-4:15'] },
    { name: 'ONBUILD and a second stage', code: 'FROM alpine:3.20 AS a\nONBUILD ARG NPM_TOKEN\nFROM a\nENV PGPASSWORD=x\n', errors: ['2:13-2:22', '4:5-4:15'] },
  ],
});
