// Linting a whole repository: .gitignore'd paths skipped (root, nested and folders between,
// .git/info/exclude, negations), a sorted and repeatable order, and the summary line that the
// text format writes on stderr. The real CLI (run `npm run build` first).
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../server/src/engine';
import { GitIgnore } from '../../server/src/host/gitignore';
import { findDockerfiles, summaryLine } from '../../server/src/cli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');
const ONLY_DL3020 = ['--disable', allRules.map((r) => r.meta.code).filter((c) => c !== 'DL3020').join(',')];
const ADD = 'FROM alpine:3.20\nADD a /a\n';

let repo: string;
function write(base: string, rel: string, text = ADD) {
  const p = path.join(base, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
}
function run(args: string[], cwd = repo) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(LAYERWISE|HADOLINT)_/.test(k)) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...ONLY_DL3020, '--no-config', ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const filesOf = (stdout: string) => (JSON.parse(stdout) as { file: string }[]).map((f) => f.file.split(path.sep).join('/'));
const rel = (base: string, files: string[]) => files.map((f) => path.relative(base, f).split(path.sep).join('/'));

describe('repository linting', () => {
  before(() => {
    repo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-repo-')), 'repo');
    fs.mkdirSync(path.join(repo, '.git', 'info'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.git', 'info', 'exclude'), 'scratch/\n');
    write(repo, '.gitignore', '# build output\nbuild/\n*.gen.dockerfile\n!keep.gen.dockerfile\n');
    write(repo, 'svc/.gitignore', 'Dockerfile.local\n!web.gen.dockerfile\n');
    for (const f of ['Dockerfile', 'build/Dockerfile', 'a.gen.dockerfile', 'keep.gen.dockerfile', 'svc/Dockerfile', 'svc/Dockerfile.local',
      'svc/web.gen.dockerfile', 'svc/api.gen.dockerfile', 'other/Dockerfile.local', 'scratch/Dockerfile', 'svc/deep/build/Dockerfile', 'Containerfile']) {
      write(repo, f);
    }
  });

  it('skips what .gitignore files (root and nested) and .git/info/exclude exclude, in sorted order', () => {
    const r = run(['-f', 'json', '.']);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(filesOf(r.stdout), [
      'Containerfile', 'Dockerfile', 'keep.gen.dockerfile', 'other/Dockerfile.local', 'svc/Dockerfile', 'svc/web.gen.dockerfile',
    ]);
    assert.equal(run(['-f', 'json', '.']).stdout, r.stdout, 'the same output on a second run');
  });

  it('the root .gitignore applies when a subfolder is given; a named ignored folder is still linted', () => {
    assert.deepEqual(filesOf(run(['-f', 'json', 'svc']).stdout), ['svc/Dockerfile', 'svc/web.gen.dockerfile']);
    assert.deepEqual(filesOf(run(['-f', 'json', '.'], path.join(repo, 'svc')).stdout), ['Dockerfile', 'web.gen.dockerfile']);
    assert.deepEqual(filesOf(run(['-f', 'json', 'build']).stdout), ['build/Dockerfile']);
  });

  it('--no-gitignore lints them all; named files are never filtered', () => {
    assert.equal(filesOf(run(['-f', 'json', '--no-gitignore', '.']).stdout).length, 12);
    assert.deepEqual(filesOf(run(['-f', 'json', 'a.gen.dockerfile']).stdout), ['a.gen.dockerfile']);
  });

  it('outside a git repository .gitignore files are not read (as git does)', () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-norepo-'));
    write(plain, '.gitignore', 'Dockerfile\n');
    write(plain, 'Dockerfile');
    assert.deepEqual(rel(plain, findDockerfiles(plain)), ['Dockerfile']);
  });

  it('GitIgnore: a deeper file re-includes what a higher one excludes; folders need a trailing slash rule', () => {
    const g = GitIgnore.forWalk(repo);
    assert.equal(g.ignores(path.join(repo, 'a.gen.dockerfile'), false), true);
    assert.equal(g.ignores(path.join(repo, 'keep.gen.dockerfile'), false), false);
    const svc = g.enter(path.join(repo, 'svc'));
    assert.equal(svc.ignores(path.join(repo, 'svc', 'web.gen.dockerfile'), false), false);
    assert.equal(svc.ignores(path.join(repo, 'svc', 'api.gen.dockerfile'), false), true);
    assert.equal(g.ignores(path.join(repo, 'build'), true), true);
    assert.equal(g.ignores(path.join(repo, 'build'), false), false, '"build/" matches only a folder');
  });

  it('CI formats name files relative to the repository root, also when run in a subfolder', () => {
    const sub = path.join(repo, 'svc');
    const gl = JSON.parse(run(['-f', 'gitlab', '.'], sub).stdout).map((i: { location: { path: string } }) => i.location.path);
    assert.deepEqual(gl, ['svc/Dockerfile', 'svc/web.gen.dockerfile']);
    const gh = run(['-f', 'github', 'Dockerfile'], sub).stdout;
    assert.match(gh, /^::error file=svc\/Dockerfile,line=2,/);
    const sarif = JSON.parse(run(['-f', 'sarif', '../Dockerfile'], sub).stdout);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'Dockerfile');
    assert.equal(JSON.parse(run(['-f', 'json', 'Dockerfile'], sub).stdout)[0].file, 'Dockerfile', 'json and text keep the path as given');
  });

  describe('summary line', () => {
    it('text over a folder: findings on stdout unchanged, one summary line on stderr', () => {
      const r = run(['.']);
      assert.equal(r.code, 1);
      assert.equal(r.stdout.split('\n').filter(Boolean).length, 6);
      assert.equal(r.stderr, '6 files linted: 6 errors, 0 warnings, 0 info, 0 style; 6 fixable (6 by --fix)\n');
    });

    it('none for a single named file, nor for the other formats', () => {
      assert.equal(run(['Dockerfile']).stderr, '');
      assert.equal(run(['-f', 'json', '.']).stderr, '');
      assert.equal(run(['-f', 'github', '.']).stderr, '');
    });

    it('counts levels, fixable and safe-fixable findings', () => {
      const f = (severity: 'error' | 'warning' | 'info' | 'hint', safety?: 'safe' | 'suggestion') => ({
        code: 'X', name: 'x', aliases: [], severity, message: 'm',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        fixes: safety ? [{ title: 't', safety, edits: [] }] : [],
      });
      assert.equal(summaryLine([{ file: 'a', text: '', findings: [f('error', 'safe'), f('warning', 'suggestion'), f('hint'), f('hint')] }, { file: 'b', text: '', findings: [] }]),
        '2 files linted: 1 error, 1 warning, 0 info, 2 style; 2 fixable (1 by --fix)\n');
      assert.equal(summaryLine([{ file: 'a', text: '', findings: [] }]), '1 file linted: no findings\n');
    });
  });
});
