// Build-context facts gathered from real temp folders (server/src/host/buildContext.ts).
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BuildContextCache, contextDirFromSetting, ignoreFileCandidates } from '../../server/src/host/buildContext';
import { makeTree } from '../helpers/tree';

let tmp: string;
const folder = (files: Record<string, string | null>): string => makeTree(tmp, 'c', files);
const bump = (p: string, ms: number) => { const t = new Date(Date.now() + ms); fs.utimesSync(p, t, t); };

describe('build context facts', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-ctx-')); });
  after(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

  it('the Dockerfile folder by default: names, no ignore file, where one would go', () => {
    const dir = folder({ Dockerfile: 'FROM a\n', '.git': null, 'node_modules': null, '.env': 'X=1\n', 'src/a.js': '' });
    const f = new BuildContextCache().factsFor(path.join(dir, 'Dockerfile'));
    assert.ok(f);
    assert.equal(f.path, dir);
    assert.equal(f.dockerignore, null);
    assert.equal(f.dockerignorePath, path.join(dir, '.dockerignore'));
    assert.deepEqual(f.topLevel, ['.env', '.git', 'Dockerfile', 'node_modules', 'src']);
  });

  it('reads .dockerignore; <Dockerfile>.dockerignore beside the Dockerfile wins', () => {
    const dir = folder({ 'web.Dockerfile': 'FROM a\n', '.dockerignore': 'general\n', 'web.Dockerfile.dockerignore': 'specific\n' });
    const c = new BuildContextCache();
    const f = c.factsFor(path.join(dir, 'web.Dockerfile'));
    assert.equal(f?.dockerignore, 'specific\n');
    assert.equal(f?.dockerignorePath, path.join(dir, 'web.Dockerfile.dockerignore'));
    const g = c.factsFor(path.join(dir, 'other.Dockerfile'));
    assert.equal(g?.dockerignore, 'general\n');
  });

  it('an explicit context folder: its .dockerignore and names, the Dockerfile elsewhere', () => {
    const ctx = folder({ '.dockerignore': '.git\n', '.git': null, 'app.py': '' });
    const df = folder({ 'Dockerfile': 'FROM a\n' });
    const f = new BuildContextCache({ display: () => 'ctx' }).factsFor(path.join(df, 'Dockerfile'), ctx);
    assert.deepEqual(f && { p: f.path, d: f.dockerignore, top: f.topLevel }, { p: 'ctx', d: '.git\n', top: ['.dockerignore', '.git', 'app.py'] });
  });

  it('cached by modification times: the same object until a file or the folder changes', () => {
    const dir = folder({ Dockerfile: 'FROM a\n', '.dockerignore': 'a\n' });
    const c = new BuildContextCache();
    const df = path.join(dir, 'Dockerfile');
    const f1 = c.factsFor(df);
    assert.equal(c.factsFor(df), f1, 'a hit returns the same facts');
    fs.writeFileSync(path.join(dir, '.dockerignore'), 'a\nb\n');
    bump(path.join(dir, '.dockerignore'), 5000);
    const f2 = c.factsFor(df);
    assert.notEqual(f2, f1);
    assert.equal(f2?.dockerignore, 'a\nb\n');
    fs.writeFileSync(path.join(dir, '.env'), '');
    bump(dir, 10000);
    assert.ok(c.factsFor(df)?.topLevel.includes('.env'), 'a new top-level entry is seen');
    fs.rmSync(path.join(dir, '.dockerignore'));
    assert.equal(c.factsFor(df)?.dockerignore, null, 'a deleted ignore file is seen');
  });

  it('the Dockerfiles of one folder share one facts object and one listing, until the folder changes', () => {
    const dir = folder({ 'a.Dockerfile': 'FROM a\n', 'b.Dockerfile': 'FROM b\n', 'own.Dockerfile': 'FROM c\n', 'own.Dockerfile.dockerignore': 'x\n' });
    const c = new BuildContextCache();
    // The module object itself (the cache reads fs through it): count the listings.
    const nodeFs = require('node:fs') as { readdirSync: typeof fs.readdirSync };
    const readdir = nodeFs.readdirSync;
    let listed = 0;
    nodeFs.readdirSync = ((...a: Parameters<typeof fs.readdirSync>) => { listed++; return readdir(...a); }) as typeof fs.readdirSync;
    try {
      const a = c.factsFor(path.join(dir, 'a.Dockerfile'));
      const b = c.factsFor(path.join(dir, 'b.Dockerfile'));
      const own = c.factsFor(path.join(dir, 'own.Dockerfile'));
      assert.ok(a && b && own);
      assert.equal(a, b, 'same context, same ignore file: one object');
      assert.notEqual(own, a, 'its own ignore file: other facts');
      assert.equal(own.dockerignore, 'x\n');
      assert.equal(listed, 1, 'the folder is listed once');
      fs.writeFileSync(path.join(dir, 'new.txt'), '');
      bump(dir, 5_000);
      const a2 = c.factsFor(path.join(dir, 'a.Dockerfile'));
      assert.notEqual(a2, a);
      assert.ok(a2!.topLevel.includes('new.txt'));
      assert.equal(listed, 2);
    } finally { nodeFs.readdirSync = readdir; }
  });

  it('bounded: the least recently used entries go', () => {
    const c = new BuildContextCache({ maxEntries: 3 });
    for (let i = 0; i < 6; i++) c.factsFor(path.join(folder({ Dockerfile: '' }), 'Dockerfile'));
    assert.equal(c.size, 3);
  });

  it('never throws: missing or unreadable folders and ignore files give null and one clear log line', () => {
    const logs: string[] = [];
    const c = new BuildContextCache({ log: (m) => logs.push(m) });
    assert.equal(c.factsFor(path.join(tmp, 'nope', 'Dockerfile')), null, 'a Dockerfile folder that does not exist: quietly nothing');
    assert.equal(logs.length, 0);
    assert.equal(c.factsFor(path.join(tmp, 'nope', 'Dockerfile'), path.join(tmp, 'missing-ctx')), null);
    assert.match(logs.pop()!, /cannot read the build context .*missing-ctx.*no such file or directory/);
    const file = folder({ x: '' });
    assert.equal(c.factsFor(path.join(file, 'Dockerfile'), path.join(file, 'x')), null);
    assert.match(logs.pop()!, /is not a directory/);
    const d = folder({ Dockerfile: '', '.dockerignore': null });
    assert.equal(c.factsFor(path.join(d, 'Dockerfile')), null, 'a .dockerignore that is a folder');
    assert.match(logs.pop()!, /cannot read .*\.dockerignore \(is a directory\)/);
    const big = folder({ Dockerfile: '', '.dockerignore': 'x'.repeat(1024 * 1024 + 1) });
    assert.equal(c.factsFor(path.join(big, 'Dockerfile')), null);
    assert.match(logs.pop()!, /larger than 1024 KiB/);
    assert.equal(c.factsFor(path.join(d, 'Dockerfile')), null);
    assert.equal(logs.length, 0, 'each problem is logged once while nothing changes');
    if (process.getuid?.() !== 0) {
      const locked = folder({ Dockerfile: '', '.dockerignore': 'a\n' });
      fs.chmodSync(path.join(locked, '.dockerignore'), 0o000);
      assert.equal(c.factsFor(path.join(locked, 'Dockerfile')), null);
      assert.match(logs.pop()!, /permission denied/);
    }
  });

  it('ignore file candidates and the setting', () => {
    assert.deepEqual(ignoreFileCandidates('/w/app/Dockerfile', '/w'), ['/w/app/Dockerfile.dockerignore', '/w/.dockerignore']);
    assert.equal(contextDirFromSetting('', '/w/app/Dockerfile', '/w'), '/w/app');
    assert.equal(contextDirFromSetting(' . ', '/w/app/Dockerfile', '/w'), '/w');
    assert.equal(contextDirFromSetting('services/api', '/w/app/Dockerfile', '/w'), '/w/services/api');
    assert.equal(contextDirFromSetting('..', '/w/app/Dockerfile', null), '/w');
    assert.equal(contextDirFromSetting('/abs/ctx/', '/w/app/Dockerfile', '/w'), '/abs/ctx/');
    assert.equal(contextDirFromSetting('${workspaceFolder}/svc', '/w/app/Dockerfile', '/w'), '/w/svc');
    assert.equal(contextDirFromSetting('${fileDirname}/..', '/w/app/Dockerfile', '/w'), '/w');
  });
});
