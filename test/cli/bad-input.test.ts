// The real CLI on inputs that are not Dockerfiles or cannot be read: one clear line per
// problem on stderr, exit 2, and every other file still linted (issue: reliability).
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');
const ONLY_DL3020 = ['--disable', allRules.map((r) => r.meta.code).filter((c) => c !== 'DL3020').join(',')];
const BAD = 'FROM alpine:3.20\nADD a /a\n';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...ONLY_DL3020, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, errorLines: r.stderr.split('\n').filter((l) => l.startsWith('layerwise: ')) };
}

let tmp: string;
before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-bad-')); });
const good = () => { const p = path.join(tmp, `good-${Math.random().toString(36).slice(2)}.dockerfile`); fs.writeFileSync(p, BAD); return p; };
const linted = (stdout: string, file: string) => stdout.includes(`${file}:2:1: error DL3020`);

describe('cli on bad input', () => {
  it('a binary file: one line, exit 2, the good file still linted', () => {
    const bin = path.join(tmp, 'Dockerfile.bin');
    fs.writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0, 10, 65, 68, 68]));
    const g = good();
    const r = run([bin, g]);
    assert.equal(r.code, 2);
    assert.deepEqual(r.errorLines, [`layerwise: ${bin}: binary file (contains NUL bytes), not a Dockerfile`]);
    assert.ok(linted(r.stdout, g), r.stdout);
  });

  it('a symlink loop given directly and one found in a directory', () => {
    const dir = path.join(tmp, 'loops');
    fs.mkdirSync(dir);
    fs.symlinkSync('Dockerfile.b', path.join(dir, 'Dockerfile.a'));
    fs.symlinkSync('Dockerfile.a', path.join(dir, 'Dockerfile.b'));
    fs.symlinkSync('.', path.join(dir, 'self')); // a directory link to itself is not followed
    fs.writeFileSync(path.join(dir, 'Dockerfile'), BAD);
    const r = run([path.join(dir, 'Dockerfile.a'), dir]);
    assert.equal(r.code, 2);
    assert.equal(r.errorLines.length, 3, r.stderr); // the direct argument, then a and b inside the walk
    for (const l of r.errorLines) assert.match(l, /^layerwise: .*Dockerfile\.[ab]: too many levels of symbolic links \(a link loop\?\)$/);
    assert.ok(linted(r.stdout, path.join(dir, 'Dockerfile')), r.stdout);
  });

  it('a missing file and a path through a file', () => {
    const g = good();
    const r = run([path.join(tmp, 'nope', 'Dockerfile'), path.join(g, 'Dockerfile'), g]);
    assert.equal(r.code, 2);
    assert.deepEqual(r.errorLines, [
      `layerwise: ${path.join(tmp, 'nope', 'Dockerfile')}: no such file or directory`,
      `layerwise: ${path.join(g, 'Dockerfile')}: not a directory (a path component is a file)`,
    ]);
    assert.ok(linted(r.stdout, g));
  });

  it('a file of tens of MB is refused in one line without reading it all; others are linted', () => {
    const big = path.join(tmp, 'Dockerfile.huge');
    const fd = fs.openSync(big, 'w');
    const chunk = Buffer.from('RUN echo '.padEnd(1023, 'x') + '\n');
    for (let i = 0; i < 20 * 1024; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const g = good();
    const r = run([big, g]);
    assert.equal(r.code, 2);
    assert.deepEqual(r.errorLines, [`layerwise: ${big}: too large for a Dockerfile (20.0 MiB; the limit is 16 MiB)`]);
    assert.ok(linted(r.stdout, g));
  });

  it('a directory with thousands of files: every Dockerfile found and linted, in order', () => {
    const dir = path.join(tmp, 'many');
    for (let d = 0; d < 40; d++) {
      const sub = path.join(dir, `pkg${String(d).padStart(2, '0')}`);
      fs.mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 60; f++) fs.writeFileSync(path.join(sub, `file${f}.txt`), 'x');
      fs.writeFileSync(path.join(sub, 'Dockerfile'), BAD);
    }
    const r = run(['--format', 'json', dir]);
    assert.equal(r.code, 1, r.stderr);
    const files = JSON.parse(r.stdout).map((x: { file: string }) => path.relative(dir, x.file));
    assert.equal(files.length, 40);
    assert.deepEqual(files, [...files].sort());
  });
});
