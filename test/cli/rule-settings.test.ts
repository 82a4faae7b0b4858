// The settings .hadolint.yaml gives rules (trustedRegistries, label-schema, strict-labels)
// drive DL3026 and DL3048-DL3058 end to end in the real CLI (run `npm run build` first).
// Every run gets its own HOME and XDG_CONFIG_HOME, so user-wide files cannot leak in.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');

let tmp: string;
let n = 0;
function sandbox(files: Record<string, string>): { dir: string; home: string } {
  const base = path.join(tmp, `s${n++}`);
  const dir = path.join(base, 'repo');
  const home = path.join(base, 'home');
  for (const d of [path.join(dir, '.git'), home]) fs.mkdirSync(d, { recursive: true });
  for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, rel), text);
  return { dir, home };
}

interface Run { code: number | null; stdout: string; stderr: string }
function run(sb: { dir: string; home: string }, args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: sb.home, XDG_CONFIG_HOME: path.join(sb.home, 'xdg'), USERPROFILE: sb.home };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: sb.dir, input: '', encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** `line:CODE:level` of the findings of the given codes, from --format json output. */
function found(r: Run, codes: RegExp): string[] {
  return (JSON.parse(r.stdout) as { code: string; level: string; line: number }[])
    .filter((f) => codes.test(f.code)).map((f) => `${f.line}:${f.code}:${f.level}`);
}

const SETTINGS_RULES = /^DL30(26|4[89]|5[0-8])$/;

describe('cli: rule settings from .hadolint.yaml', () => {
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-settings-'));
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run npm run build');
  });

  it('trustedRegistries drives DL3026 on FROM and COPY --from; without the file it is silent', () => {
    const sb = sandbox({
      '.hadolint.yaml': 'trustedRegistries:\n  - registry.example.com\n',
      Dockerfile: 'FROM registry.example.com/base/python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /bin/uv\nFROM python:3.12-slim\n',
    });
    const r = run(sb, ['--format', 'json', 'Dockerfile']);
    assert.deepEqual(found(r, SETTINGS_RULES), ['2:DL3026:error', '3:DL3026:error']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /not in trustedRegistries \(registry\.example\.com\)/);
    assert.deepEqual(found(run(sb, ['--format', 'json', '--no-config', 'Dockerfile']), SETTINGS_RULES), []);
  });

  it('label-schema and strict-labels drive the label rules; --fix applies the SPDX spelling fix', () => {
    const sb = sandbox({
      '.hadolint.yaml': [
        'label-schema:',
        '  org.opencontainers.image.source: url',
        '  org.opencontainers.image.revision: hash',
        '  org.opencontainers.image.licenses: spdx',
        '  org.opencontainers.image.created: rfc3339',
        'strict-labels: true',
        '',
      ].join('\n'),
      Dockerfile: [
        'FROM alpine:3.20',
        'LABEL org.opencontainers.image.source="github.com/example/app" \\',
        '      org.opencontainers.image.licenses="apache-2.0" \\',
        '      org.opencontainers.image.created="" \\',
        '      build-host="ci-17"',
        'USER 65532',
        '',
      ].join('\n'),
    });
    const r = run(sb, ['--format', 'json', 'Dockerfile']);
    assert.deepEqual(found(r, SETTINGS_RULES), [
      '1:DL3049:info', // revision missing
      '2:DL3052:warning',
      '3:DL3054:warning',
      '4:DL3051:warning',
      '5:DL3050:info',
    ]);
    // Without the file none of them fires (DL3048 has nothing to say about these keys either).
    assert.deepEqual(found(run(sb, ['--format', 'json', '--no-config', 'Dockerfile']), SETTINGS_RULES), []);

    const fixed = run(sb, ['--fix', '--format', 'json', 'Dockerfile']);
    assert.match(fixed.stderr, /fixed 1 finding in Dockerfile/);
    assert.match(fs.readFileSync(path.join(sb.dir, 'Dockerfile'), 'utf8'), /licenses="Apache-2\.0"/);
    assert.deepEqual(found(fixed, /^DL3054$/), []);
  });

  it('an unknown label type is a configuration error (exit 2) and the other settings still apply', () => {
    const sb = sandbox({
      '.hadolint.yaml': 'label-schema:\n  version: semver\n  owner: person\n',
      Dockerfile: 'FROM alpine:3.20\nLABEL version=v1\n',
    });
    const r = run(sb, ['--format', 'json', 'Dockerfile']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /label-schema\.owner: unknown label type 'person'/);
    assert.deepEqual(found(r, SETTINGS_RULES), ['2:DL3056:warning']);
  });
});
