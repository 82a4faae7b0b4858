// The build context in the real CLI (run `npm run build` first): the Dockerfile's folder by
// default, --context for another, stdin without one, and --fix leaving .dockerignore alone.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');
const KEEP = new Set(['LW1030', 'LW1031', 'LW1112', 'DL3020']);
const ONLY = ['--no-config', '--disable', allRules.map((r) => r.meta.code).filter((c) => !KEEP.has(c)).join(',')];

let tmp: string;
function tree(files: Record<string, string | null>): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'p-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    if (text === null) fs.mkdirSync(p, { recursive: true });
    else { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, text); }
  }
  return dir;
}
function run(cwd: string, args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, ...ONLY, '--format', 'json', ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, HOME: tmp, XDG_CONFIG_HOME: tmp } });
  const findings = r.stdout.trim().startsWith('[') ? JSON.parse(r.stdout) as { code: string; line: number; column: number; message: string; fixable: boolean; fixSafety: string | null }[] : [];
  return { code: r.status, findings, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: build context', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-cli-ctx-')); });
  after(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

  it('the Dockerfile folder is the context by default', () => {
    const dir = tree({ Dockerfile: 'FROM node:20\nCOPY . .\n', '.git': null, node_modules: null });
    const r = run(dir, ['Dockerfile']);
    assert.deepEqual(r.findings.map((f) => `${f.code}@${f.line}:${f.column}`), ['LW1030@2:6']);
    assert.match(r.findings[0].message, /^The whole build context \(\.\) is copied .*including \.git and node_modules/);
    assert.equal(r.findings[0].fixSafety, 'suggestion', 'the create fix is listed as a suggestion');
    assert.equal(r.code, 1);
  });

  it('--context points at another folder', () => {
    const dir = tree({ 'docker/Dockerfile': 'FROM node:20\nCOPY . .\nCOPY tmp/x /x\n', '.dockerignore': 'tmp\nnode_modules\n', '.env': 'K=v\n', tmp: null, node_modules: null });
    const without = run(dir, ['docker/Dockerfile']);
    assert.deepEqual(without.findings.map((f) => f.code), ['LW1030'], 'docker/ has no .dockerignore');
    const r = run(dir, ['--context', '.', 'docker/Dockerfile']);
    assert.deepEqual(r.findings.map((f) => `${f.code}@${f.line}:${f.column}`), ['LW1031@2:6', 'LW1112@3:6']);
    assert.match(r.findings[0].message, /^\.dockerignore does not exclude \.env,/);
    assert.match(r.findings[1].message, /tmp\/x is excluded by \.dockerignore \(line 1: tmp\)/);
    const eq = run(dir, ['--context=.', 'docker/Dockerfile']);
    assert.deepEqual(eq.findings.map((f) => f.code), ['LW1031', 'LW1112']);
  });

  it('a bad --context is a usage error', () => {
    const dir = tree({ Dockerfile: 'FROM a\n', file: '' });
    const a = run(dir, ['--context', 'missing', 'Dockerfile']);
    assert.equal(a.code, 2);
    assert.match(a.stderr, /--context missing: no such file or directory/);
    const b = run(dir, ['--context', 'file', 'Dockerfile']);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /--context file: not a directory/);
  });

  it('stdin has no build context', () => {
    const dir = tree({ '.git': null });
    const r = run(dir, ['-'], 'FROM node:20\nCOPY . .\n');
    assert.deepEqual(r.findings, []);
    assert.equal(r.code, 0);
  });

  it('--fix applies safe fixes to the Dockerfile and never creates a .dockerignore', () => {
    const dir = tree({ Dockerfile: 'FROM node:20\nADD a.txt /a\nCOPY . .\n', 'a.txt': '' });
    const r = run(dir, ['--fix', 'Dockerfile']);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM node:20\nCOPY a.txt /a\nCOPY . .\n');
    assert.equal(fs.existsSync(path.join(dir, '.dockerignore')), false);
    assert.deepEqual(r.findings.map((f) => f.code), ['LW1030']);
  });

  it('an unreadable .dockerignore is a warning on stderr and the rules stay silent', () => {
    const dir = tree({ Dockerfile: 'FROM node:20\nCOPY . .\n', '.dockerignore': null });
    const r = run(dir, ['Dockerfile']);
    assert.deepEqual(r.findings, []);
    assert.match(r.stderr, /warning: cannot read .*\.dockerignore \(is a directory\)/);
    assert.equal(r.code, 0);
  });
});
