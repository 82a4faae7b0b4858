import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTests, findingsOf } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1031-dockerignore-missing-entries';
import { initEngine } from '../../server/src/host/shellWasm';
import { IgnoreFile } from '../../server/src/engine/dockerignore';
import { applyEdits, type RuleContext } from '../../server/src/engine';

const ctx = (dockerignore: string | null, topLevel: string[], dockerignorePath = '/w/app/.dockerignore'): RuleContext =>
  ({ buildContext: { path: '/w/app', dockerignore, dockerignorePath, topLevel } });
const TOP = ['.git', 'node_modules', '.env', '.env.example', 'package.json', 'src'];

ruleTests(rule, {
  context: ctx('*.log\n', ['.git', 'app.py', 'requirements.txt']),
  valid: [
    { name: 'everything excluded', code: 'FROM node:20\nCOPY . .\n', context: ctx('.git\nnode_modules/\n.env*\n!.env.example\n', TOP) },
    { name: 'excluded by ** and a leading slash', code: 'FROM node:20\nCOPY . .\n', context: ctx('/.git/\n**/node_modules\n.env\n', TOP) },
    { name: 'entries that do not exist', code: 'FROM node:20\nCOPY . .\n', context: ctx('*.log\n', ['src', 'package.json', '.env.example']) },
    { name: 'no whole-context copy', code: 'FROM node:20\nCOPY package.json ./\nCOPY src/ ./src/\n', context: ctx('', TOP) },
    { name: 'no .dockerignore (LW1030 says so)', code: 'FROM node:20\nCOPY . .\n', context: ctx(null, TOP) },
    { name: 'no build context', code: 'FROM node:20\nCOPY . .\n', context: {} },
    { name: 'a pattern not evaluated: no guess', code: 'FROM node:20\nCOPY . .\n', context: ctx('.git\n*a*b*c*d*e\n', ['.git', '.env']) },
  ],
  invalid: [
    {
      name: 'exception brings .env back',
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\n',
      context: ctx('.git\nnode_modules\n.env*\n!.env\n', TOP),
      errors: [{ range: '3:6-3:7', message: '.dockerignore does not exclude .env, which exists in the build context: this COPY puts it into the image' }],
    },
    {
      name: 'several, Dockerfile-specific ignore file',
      code: 'FROM node:20\nCOPY ./ /app/\n',
      context: ctx('*.md\n', TOP, '/w/app/web.Dockerfile.dockerignore'),
      errors: [{ range: '2:6-2:8', message: 'web.Dockerfile.dockerignore does not exclude .git, node_modules, .env, which exist in the build context: this COPY puts them into the image' }],
    },
    { name: 'node_modules pattern for another level', code: 'FROM node:20\nCOPY . .\n', context: ctx('*/node_modules\n.git\n', ['node_modules', '.git']), errors: ['2:6-2:7'] },
  ],
});

describe('LW1031 fix', () => {
  before(() => initEngine());
  it('appends the missing entries to the ignore file in effect, keeping its line breaks', () => {
    const c = ctx('# mine\r\n*.md', ['.git', '.env.local', '.env.prod', '.env.example', 'src']);
    const [f] = findingsOf(rule, 'FROM node:20\nCOPY . .\n', {}, c);
    const x = f.fixes[0];
    assert.equal(x.safety, 'suggestion');
    assert.deepEqual(x.edits, []);
    assert.equal(x.title, 'Add .git, .env.local, .env.prod to .dockerignore');
    const ch = x.files![0];
    assert.deepEqual([ch.path, ch.create], ['/w/app/.dockerignore', false]);
    const after = applyEdits('# mine\r\n*.md', ch.edits);
    assert.equal(after, '# mine\r\n*.md\r\n.git\r\n.env.*\r\n!.env.example\r\n');
    const m = new IgnoreFile(after);
    assert.deepEqual(['.git', '.env.local', '.env.prod', '.env.example'].map((n) => m.excludes(n)), [true, true, true, false]);
    assert.equal(findingsOf(rule, 'FROM node:20\nCOPY . .\n', {}, ctx(after, ['.git', '.env.local', '.env.prod', '.env.example', 'src'])).length, 0, 'silent after the fix');
  });
});
