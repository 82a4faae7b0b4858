import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTests, findingsOf } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1030-no-dockerignore';
import { initEngine } from '../../server/src/host/shellWasm';
import { IgnoreFile } from '../../server/src/engine/dockerignore';
import type { RuleContext } from '../../server/src/engine';

const ctx = (topLevel: string[], dockerignore: string | null = null, dockerignorePath: string | null = '/w/app/.dockerignore'): RuleContext =>
  ({ buildContext: { path: '/w/app', dockerignore, topLevel, ...(dockerignorePath === null ? {} : { dockerignorePath }) } });
const NODE = ctx(['.git', 'node_modules', 'package.json', 'server.js', '.env']);

ruleTests(rule, {
  context: NODE,
  valid: [
    { name: 'a .dockerignore exists', code: 'FROM node:20\nCOPY . .\n', context: ctx(['.git'], 'node_modules\n') },
    { name: 'an empty .dockerignore exists', code: 'FROM node:20\nCOPY . .\n', context: ctx(['.git'], '') },
    { name: 'only named files copied', code: 'FROM node:20\nCOPY package.json server.js ./\n' },
    { name: 'whole stage copied, not the context', code: 'FROM node:20 AS b\nFROM node:20\nCOPY --from=b . .\n' },
    { name: 'no build context known (stdin, untitled)', code: 'FROM node:20\nCOPY . .\n', context: {} },
    { name: 'a subfolder', code: 'FROM node:20\nCOPY ./src/ ./src/\n' },
  ],
  invalid: [
    {
      name: 'COPY . . names what exists',
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\n',
      errors: [{ range: '3:6-3:7', message: 'The whole build context (/w/app) is copied and it has no .dockerignore: everything in it goes into the image, including .git, node_modules and .env; add a .dockerignore' }],
    },
    { name: 'COPY ./ with flags', code: 'FROM node:20\nCOPY --chown=node:node ./ /app/\n', errors: ['2:24-2:26'] },
    { name: 'ADD . x', code: 'FROM node:20\nADD . /src\n', errors: ['2:5-2:6'] },
    { name: 'exec form', code: 'FROM node:20\nCOPY [".", "/app"]\n', errors: ['2:7-2:10'] },
    { name: 'one finding for several copies', code: 'FROM node:20 AS a\nCOPY . .\nFROM node:20\nCOPY . .\n', errors: ['2:6-2:7'] },
    {
      name: 'nothing sensitive at the top',
      code: 'FROM python:3.12\nCOPY . /app\n',
      context: ctx(['app.py', 'requirements.txt']),
      errors: [{ range: '2:6-2:7', message: /the Dockerfile included; add a \.dockerignore$/ }],
    },
    { name: 'no fix without a path to create', code: 'FROM node:20\nCOPY . .\n', context: ctx(['.git'], null, null), errors: ['2:6-2:7'], output: null },
  ],
});

describe('LW1030 fix', () => {
  before(() => initEngine());
  it('is a suggestion that creates the .dockerignore and leaves the Dockerfile alone', () => {
    const [f] = findingsOf(rule, 'FROM node:20\nCOPY package.json ./\nRUN npm ci\nCOPY . .\n', {}, NODE);
    assert.equal(f.fixes.length, 1);
    const x = f.fixes[0];
    assert.equal(x.safety, 'suggestion');
    assert.equal(x.title, 'Create .dockerignore');
    assert.deepEqual(x.edits, []);
    assert.equal(x.files?.length, 1);
    const ch = x.files![0];
    assert.equal(ch.path, '/w/app/.dockerignore');
    assert.equal(ch.create, true);
    const text = ch.edits[0].newText;
    const m = new IgnoreFile(text);
    for (const n of ['.git', 'node_modules', '.env']) assert.equal(m.excludes(n), true, n);
    assert.equal(m.excludes('package.json'), false);
    assert.equal(m.excludes('server.js'), false);
  });
});
