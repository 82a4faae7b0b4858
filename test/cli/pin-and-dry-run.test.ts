// `--fix-dry-run` and `--pin-digests` through the real CLI bundle, with a real registry
// (Debian's docker-registry on 127.0.0.1) for the pins. Findings come from DL3020 only.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../server/src/engine';
import { startRegistry, pushMultiPlatform, freePort, type Registry } from '../registry/harness';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');
const ONLY_DL3020 = ['--disable', allRules.map((r) => r.meta.code).filter((c) => c !== 'DL3020').join(',')];

interface Run { code: number | null; stdout: string; stderr: string; ms: number }
function run(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
    p.stdin.end(input);
  });
}

let tmp: string;
function write(rel: string, text: string): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

describe('cli --fix-dry-run', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-dry-')); });

  it('prints a unified diff, leaves the file alone and reports the findings on stderr', async () => {
    const text = 'FROM alpine:3.20\r\nADD a /a\r\n';
    const f = write('crlf/Dockerfile', text);
    const r = await run([...ONLY_DL3020, '--fix-dry-run', f]);
    assert.equal(r.stdout, `--- a/${f}\n+++ b/${f}\n@@ -1,2 +1,2 @@\n FROM alpine:3.20\r\n-ADD a /a\r\n+COPY a /a\r\n`);
    assert.equal(fs.readFileSync(f, 'utf8'), text, 'the file must not change');
    assert.match(r.stderr, /would fix 1 finding in /);
    assert.match(r.stderr, /:2:1: error DL3020 /);
    assert.equal(r.code, 1);
  });

  it('prints nothing on stdout for a file without safe fixes', async () => {
    const f = write('clean/Dockerfile', 'FROM alpine:3.20\nCOPY a /a\n');
    const r = await run([...ONLY_DL3020, '--fix-dry-run', f]);
    assert.equal(r.stdout, '');
    assert.equal(r.code, 0);
  });
});

describe('cli --pin-digests against a real registry', () => {
  let reg: Registry;
  let digest: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-pin-'));
    reg = await startRegistry();
    digest = (await pushMultiPlatform(reg, 'team/base', '1.2')).index.digest;
  });
  after(async () => { await reg?.stop(); });

  it('writes image:tag@digest in place, reports it, and exits promptly', async () => {
    const f = write('a/Dockerfile', `FROM ${reg.host}/team/base:1.2 AS build\nCOPY a /a\n`);
    const r = await run([...ONLY_DL3020, '--pin-digests', f]);
    assert.equal(fs.readFileSync(f, 'utf8'), `FROM ${reg.host}/team/base:1.2@${digest} AS build\nCOPY a /a\n`);
    assert.equal(r.stderr, `pinned 1 image in ${f}\n`);
    assert.equal(r.code, 0);
    // Idle keep-alive connections would hold the process ~4 s after its work is done. Compare
    // with a run that does no network on the same machine, so machine load does not count;
    // the better of two tries, so one scheduling hiccup does not either.
    const extra = async () => {
      const base = await run([...ONLY_DL3020, f]);
      fs.writeFileSync(f, `FROM ${reg.host}/team/base:1.2 AS build\nCOPY a /a\n`);
      const pin = await run([...ONLY_DL3020, '--pin-digests', f]);
      return pin.ms - base.ms;
    };
    let over = r.ms;
    if (over >= 3000) over = Math.min(await extra(), await extra());
    assert.ok(over < 3000, `the CLI took ${over} ms longer than a run without network: idle registry connections must not keep it alive`);
  });

  it('with --fix-dry-run shows the pin and the safe fixes as a diff, writing nothing', async () => {
    const text = `FROM ${reg.host}/team/base:1.2\nADD a /a\n`;
    const f = write('b/Dockerfile', text);
    const r = await run([...ONLY_DL3020, '--pin-digests', '--fix-dry-run', f]);
    assert.equal(r.stdout, `--- a/${f}\n+++ b/${f}\n@@ -1,2 +1,2 @@\n-FROM ${reg.host}/team/base:1.2\n-ADD a /a\n+FROM ${reg.host}/team/base:1.2@${digest}\n+COPY a /a\n`);
    assert.equal(fs.readFileSync(f, 'utf8'), text);
  });

  it('an unknown tag and an unreachable registry are one clear line each, exit 2, the rest still pinned', async () => {
    const dead = await freePort();
    const f = write('c/Dockerfile', `FROM ${reg.host}/team/base:9.9\nFROM 127.0.0.1:${dead}/x/y:1\nFROM ${reg.host}/team/base:1.2\n`);
    const r = await run([...ONLY_DL3020, '--pin-digests', f]);
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.ok(lines.some((l) => l.startsWith(`layerwise: ${f}:1: cannot pin ${reg.host}/team/base:9.9`) && /not found/i.test(l)), r.stderr);
    assert.ok(lines.some((l) => l.startsWith(`layerwise: ${f}:2: cannot pin 127.0.0.1:${dead}/x/y:1`)), r.stderr);
    assert.ok(lines.includes(`pinned 1 image in ${f}`), r.stderr);
    assert.equal(fs.readFileSync(f, 'utf8').split('\n')[2], `FROM ${reg.host}/team/base:1.2@${digest}`);
  });

  it('rejects a bad --registry-timeout with a usage error', async () => {
    const r = await run(['--pin-digests', '--registry-timeout', 'soon', 'x']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "layerwise: --registry-timeout needs a positive number of milliseconds, not 'soon'\n");
  });
});
