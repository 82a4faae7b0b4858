// The CLI with ShellCheck: on by default when the executable is on PATH (CI installs it; these
// tests fail without it), --no-shellcheck, --shellcheck-path, a missing executable, and the SC
// codes in --disable and .hadolint.yaml. The real CLI, spawned (run `npm run build` first).
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveExecutable } from '../../server/src/host/shellcheck';
import { allRules } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');

function run(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env = { ...process.env, ...opts.env };
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// DL3020 (ADD) stands for the engine's findings; $lower_var draws SC2086 and SC2154.
const DOCKERFILE = 'FROM alpine:3.20\nADD a /a\nRUN echo start \\\n    && echo $lower_var\n';
const ONLY = ['--no-config', '--disable', allRules.map((r) => r.meta.code).filter((c) => c !== 'DL3020').join(',')];

describe('cli: ShellCheck', () => {
  let dir: string;
  let file: string;
  before(() => {
    assert.ok(resolveExecutable('shellcheck'), 'ShellCheck is required for these tests (apt-get install shellcheck; CI installs it)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lw-cli-sc-'));
    fs.mkdirSync(path.join(dir, '.git'));
    file = path.join(dir, 'Dockerfile');
    fs.writeFileSync(file, DOCKERFILE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const codes = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => l.replace(`${file}:`, '').replace(/ [A-Z].*$/, ''));

  it('checks RUN bodies with ShellCheck by default, at the exact position in the continuation line', () => {
    const r = run(['--no-config', file]);
    assert.match(r.stdout, /:4:13: info SC2086 Double quote/);
    assert.match(r.stdout, /:4:13: warning SC2154 lower_var is referenced but not assigned/);
    assert.match(r.stdout, /:2:1: error DL3020 /);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
  });

  it('json output carries the SC code, level and 1-based position', () => {
    const r = run(['--no-config', '--format', 'json', file]);
    const sc = (JSON.parse(r.stdout) as { code: string; line: number; column: number; endColumn: number; level: string }[]).filter((f) => f.code.startsWith('SC'));
    assert.deepEqual(sc.map((f) => [f.code, f.line, f.column, f.endColumn, f.level]), [['SC2086', 4, 13, 23, 'info'], ['SC2154', 4, 13, 23, 'warning']]);
  });

  it('--no-shellcheck: the engine alone', () => {
    const r = run([...ONLY, '--no-shellcheck', file]);
    assert.deepEqual(codes(r.stdout), ['2:1: error']);
    assert.equal(r.code, 1);
  });

  it('--disable SC2086 and .hadolint.yaml ignored: [SC2154] silence those codes', () => {
    assert.deepEqual(codes(run([...ONLY, '--disable', 'SC2086', file]).stdout), ['2:1: error', '4:13: warning']);
    const cfg = path.join(dir, '.hadolint.yaml');
    fs.writeFileSync(cfg, 'ignored: [SC2154]\n');
    try {
      const r = run(['--disable', 'SC2086', file]);
      assert.doesNotMatch(r.stdout, /SC2154|SC2086/);
      assert.match(r.stdout, /DL3020/);
      assert.equal(r.stderr, '', 'SC codes are not unknown codes');
    } finally { fs.rmSync(cfg); }
  });

  it('--shellcheck-path runs that executable', () => {
    const fake = path.join(dir, 'fake-shellcheck');
    fs.writeFileSync(fake, '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "version: 0.9.0"; exit 0; fi\ncat >/dev/null\necho \'{"comments":[{"file":"-","line":1,"endLine":1,"column":1,"endColumn":5,"level":"error","code":9999,"message":"from the fake"}]}\'\n', { mode: 0o755 });
    const r = run([...ONLY, '--shellcheck-path', fake, file]);
    assert.match(r.stdout, /:3:5: error SC9999 from the fake/);
    // A relative path is the user's, relative to where they run the CLI.
    const rel = run([...ONLY, '--shellcheck-path', './fake-shellcheck', 'Dockerfile'], { cwd: dir });
    assert.match(rel.stdout, /Dockerfile:3:5: error SC9999 from the fake/);
  });

  it('a missing executable that was asked for: one line on stderr, exit 2, engine findings still reported', () => {
    const r = run([...ONLY, '--shellcheck-path', '/nonexistent/shellcheck', file]);
    assert.equal(r.code, 2);
    assert.deepEqual(codes(r.stdout), ['2:1: error']);
    assert.equal(r.stderr, "layerwise: ShellCheck '/nonexistent/shellcheck': not an executable file (give an absolute path or a command name on PATH); RUN bodies were not checked with ShellCheck\n");
    const asked = run([...ONLY, '--shellcheck', file], { env: { PATH: '/nonexistent' } });
    assert.equal(asked.code, 2);
    assert.match(asked.stderr, /ShellCheck 'shellcheck': not found on PATH/);
  });

  it('not on PATH and not asked for: nothing changes, nothing is said', () => {
    const r = run([...ONLY, file], { env: { PATH: '/nonexistent' } });
    assert.deepEqual(codes(r.stdout), ['2:1: error']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
  });

  it('usage errors', () => {
    const r = run(['--no-shellcheck', '--shellcheck-path', '/x', file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--shellcheck-path and --no-shellcheck cannot be used together/);
    assert.match(run(['--shellcheck=yes', file]).stderr, /option '--shellcheck' takes no value/);
  });
});
