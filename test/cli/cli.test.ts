// The real CLI, spawned as users run it: `node bin/layerwise.js ...` over the esbuild bundle
// (run `npm run build` first). Only DL3020 (ADD → COPY) is relied on for findings; tests that
// need exact output disable every other rule so that rules landing later cannot change them.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../server/src/engine';
import { levelOf } from '../../server/src/formats';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');
const MSG = 'Use COPY instead of ADD for local files and folders';

interface Run { code: number | null; stdout: string; stderr: string }
function run(args: string[], opts: { input?: string; cwd?: string; bin?: string } = {}): Run {
  const env = { ...process.env };
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [opts.bin ?? BIN, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `--disable` every rule but DL3020, so output depends on DL3020 alone. */
const ONLY_DL3020 = ['--disable', allRules.map((r) => r.meta.code).filter((c) => c !== 'DL3020').join(',')];

let tmp: string;
function write(rel: string, text: string): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}
const ADD = 'FROM alpine:3.20\nADD a /a\n';
const CLEAN = 'FROM alpine:3.20\nCOPY a /a\n';

describe('cli', () => {
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-cli-'));
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run npm run build');
  });

  describe('exit codes', () => {
    it('0 and no output for a clean file', () => {
      const f = write('clean/Dockerfile', CLEAN);
      const r = run([...ONLY_DL3020, f]);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, '');
      assert.equal(r.code, 0);
    });

    it('1 for a file with an error finding, one text line per finding', () => {
      const f = write('add/Dockerfile', ADD + 'ADD b /b\n');
      const r = run([...ONLY_DL3020, f]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, `${f}:2:1: error DL3020 ${MSG}\n${f}:3:1: error DL3020 ${MSG}\n`);
      assert.equal(r.stderr, '');
    });

    it('text format without --disable reports DL3020 in the documented line shape', () => {
      const f = write('add-default/Dockerfile', ADD);
      const r = run([f]);
      assert.equal(r.code, 1);
      assert.ok(r.stdout.split('\n').includes(`${f}:2:1: error DL3020 ${MSG}`), r.stdout);
      for (const line of r.stdout.trimEnd().split('\n')) {
        assert.match(line, /^.+:\d+:\d+: (error|warning|info|style) [A-Z]{2}\d{4} \S.*$/);
      }
      assert.ok(!r.stdout.includes('\x1b['), 'no colour when stdout is not a terminal');
    });

    it('2 with a one-line message for an unknown option, and nothing linted', () => {
      const r = run(['--frobnicate', write('u/Dockerfile', ADD)]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, "layerwise: unknown option '--frobnicate' (see --help)\n");
    });

    it('2 for an option missing its value and for an unknown format', () => {
      const a = run(['--format']);
      assert.equal(a.code, 2);
      assert.equal(a.stderr, "layerwise: option '--format' needs a value\n");
      const b = run(['--format', 'xml', 'x']);
      assert.equal(b.code, 2);
      assert.match(b.stderr, /^layerwise: unknown format 'xml'.*\n$/);
    });

    it('2 when no input is given', () => {
      const r = run([]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^layerwise: no input files[^\n]*\n$/);
    });

    it('2 for a missing file given with a good file, which is still reported', () => {
      const good = write('good/Dockerfile', ADD);
      const missing = path.join(tmp, 'does-not-exist', 'Dockerfile');
      const r = run([...ONLY_DL3020, missing, good]);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `layerwise: ${missing}: no such file or directory\n`);
      assert.equal(r.stdout, `${good}:2:1: error DL3020 ${MSG}\n`);
    });

    it('2 (not 1) for a missing file even when the good file is clean', () => {
      const good = write('good-clean/Dockerfile', CLEAN);
      const r = run([...ONLY_DL3020, good, path.join(tmp, 'nope')]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.split('\n').length, 2, 'exactly one line');
    });
  });

  describe('--format json', () => {
    it('prints one array with hadolint field names and exact values for DL3020', () => {
      const f = write('json/Dockerfile', ADD);
      const r = run(['--format', 'json', f]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout.trim().split('\n').length, 1, 'one line, one array');
      const out = JSON.parse(r.stdout);
      assert.ok(Array.isArray(out));
      const hits = out.filter((x: { code: string }) => x.code === 'DL3020');
      assert.deepEqual(hits, [{
        file: f, line: 2, column: 1, endLine: 2, endColumn: 4, level: 'error', code: 'DL3020',
        name: 'add-instead-of-copy', aliases: ['DS-0005', 'DS005', 'CKV_DOCKER_4'], message: MSG,
        fixable: true, fixSafety: 'safe',
      }]);
      for (const x of out) {
        assert.deepEqual(Object.keys(x).sort(), ['aliases', 'code', 'column', 'endColumn', 'endLine', 'file', 'fixSafety', 'fixable', 'level', 'line', 'message', 'name']);
      }
    });

    it('prints an empty array for a clean file', () => {
      const r = run([...ONLY_DL3020, '-f', 'json', write('json-clean/Dockerfile', CLEAN)]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '[]\n');
    });

    it('prints one array across several files', () => {
      const a = write('json-multi/a/Dockerfile', ADD);
      const b = write('json-multi/b/Dockerfile', 'FROM alpine:3.20\nRUN true\nADD x /x\n');
      const r = run([...ONLY_DL3020, '--format=json', a, b]);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out.map((x: { file: string; line: number }) => [x.file, x.line]), [[a, 2], [b, 3]]);
    });
  });

  describe('stdin', () => {
    it('reads - and reports it as file -', () => {
      const r = run([...ONLY_DL3020, '-'], { input: ADD });
      assert.equal(r.code, 1);
      assert.equal(r.stdout, `-:2:1: error DL3020 ${MSG}\n`);
      const j = run([...ONLY_DL3020, '-f', 'json', '-'], { input: ADD });
      assert.equal(JSON.parse(j.stdout)[0].file, '-');
    });

    it('--fix with - prints the fixed text on stdout and the report on stderr', () => {
      const r = run([...ONLY_DL3020, '--fix', '-'], { input: 'FROM alpine:3.20\r\nadd a /a\r\n' });
      assert.equal(r.code, 0);
      assert.equal(r.stdout, 'FROM alpine:3.20\r\ncopy a /a\r\n');
      assert.equal(r.stderr, 'fixed 1 finding in -\n');
    });
  });

  describe('directories', () => {
    it('finds Dockerfile-like names recursively in sorted order, skipping node_modules, .git and other files', () => {
      const dir = path.join(tmp, 'tree');
      for (const rel of ['Dockerfile', 'api.dockerfile', 'Dockerfile.dev', 'Containerfile', 'sub/Containerfile.prod', 'sub/deeper/web.Dockerfile',
        'README.md', 'Dockerfile.dockerignore', 'notes.txt', 'node_modules/Dockerfile', 'node_modules/pkg/Dockerfile', '.git/Dockerfile', 'sub/node_modules/x.dockerfile']) {
        write(path.join('tree', rel), ADD);
      }
      const r = run([...ONLY_DL3020, '-f', 'json', dir]);
      assert.equal(r.code, 1);
      const files = JSON.parse(r.stdout).map((x: { file: string }) => path.relative(dir, x.file).split(path.sep).join('/'));
      assert.deepEqual(files, ['Containerfile', 'Dockerfile', 'Dockerfile.dev', 'api.dockerfile', 'sub/Containerfile.prod', 'sub/deeper/web.Dockerfile']);
    });

    it('reports paths relative to how the directory was given', () => {
      write('rel/Dockerfile', ADD);
      const r = run([...ONLY_DL3020, 'rel'], { cwd: tmp });
      assert.equal(r.stdout, `${path.join('rel', 'Dockerfile')}:2:1: error DL3020 ${MSG}\n`);
    });

    it('lints a file once when it is given twice (directly and through its directory)', () => {
      const f = write('twice/Dockerfile', ADD);
      const r = run([...ONLY_DL3020, f, path.dirname(f)]);
      assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
    });

    it('lints an explicitly named file whatever its name', () => {
      const f = write('named/build.txt', ADD);
      const r = run([...ONLY_DL3020, f]);
      assert.equal(r.stdout, `${f}:2:1: error DL3020 ${MSG}\n`);
    });
  });

  describe('--enable / --disable', () => {
    const f = () => write('rules/Dockerfile', ADD);
    const dl3020 = (r: Run) => JSON.parse(r.stdout).filter((x: { code: string }) => x.code === 'DL3020').length;

    it('--disable by code and by name removes the finding', () => {
      const file = f();
      assert.equal(dl3020(run(['-f', 'json', file])), 1);
      assert.equal(dl3020(run(['-f', 'json', '--disable', 'DL3020', file])), 0);
      assert.equal(dl3020(run(['-f', 'json', '--disable', 'add-instead-of-copy', file])), 0);
      assert.equal(dl3020(run(['-f', 'json', '--disable', 'ckv_docker_4', file])), 0, 'aliases, case-insensitive');
    });

    it('--disable all silences everything and exits 0', () => {
      const r = run(['--disable', 'all', f()]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
    });

    it('--disable wins over --enable; --enable accepts codes, names and all, comma-separated and repeated', () => {
      const file = f();
      assert.equal(dl3020(run(['-f', 'json', '--enable', 'DL3020', '--disable', 'add-instead-of-copy', file])), 0);
      assert.equal(dl3020(run(['-f', 'json', '--enable', 'add-instead-of-copy,DL3020', '--enable', 'all', file])), 1);
    });

    it('unknown ids are a usage error naming each of them', () => {
      const r = run(['--enable', 'DL3020,NOPE1', '--disable', 'nope-two', '--disable', 'add-instead-of-copy', f()]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'layerwise: unknown rule ids in --enable/--disable: NOPE1, nope-two (see --list-rules)\n');
    });
  });

  describe('--failure-threshold', () => {
    const f = () => write('threshold/Dockerfile', ADD);
    it('a DL3020 error with threshold none exits 0 and is still printed', () => {
      const r = run([...ONLY_DL3020, '--failure-threshold', 'none', f()]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /error DL3020/);
    });
    it('error, warning, info and style thresholds all fail on an error', () => {
      for (const t of ['error', 'warning', 'info', 'style']) {
        assert.equal(run([...ONLY_DL3020, '-t', t, f()]).code, 1, t);
        assert.equal(run([...ONLY_DL3020, `--failure-threshold=${t}`, f()]).code, 1, t);
      }
    });
    it('an unknown threshold is a usage error', () => {
      const r = run(['-t', 'fatal', f()]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^layerwise: unknown failure threshold 'fatal'/);
    });
    it('the default (info) is documented in --help', () => {
      assert.match(run(['--help']).stdout, /default: info/);
    });
  });

  describe('--list-rules', () => {
    it('--format json lists every rule with code, name, aliases, level, enabledByDefault, fixable, category', () => {
      const r = run(['--list-rules', '--format', 'json']);
      assert.equal(r.code, 0);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out, allRules.map(({ meta: m }) => ({
        code: m.code, name: m.name, aliases: m.aliases, level: levelOf(m.severity),
        enabledByDefault: m.enabledByDefault, fixable: m.fixable, category: m.category,
      })));
      assert.ok(out.every((x: { level: string }) => ['error', 'warning', 'info', 'style'].includes(x.level)));
    });

    it('text is a table with a header and one row per rule', () => {
      const r = run(['--list-rules']);
      assert.equal(r.code, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines[0], /^CODE\s+NAME\s+LEVEL\s+DEFAULT\s+FIXABLE\s+CATEGORY\s+ALIASES$/);
      assert.equal(lines.length, allRules.length + 1);
      allRules.forEach((rule, i) => assert.ok(lines[i + 1].startsWith(`${rule.meta.code} `) && lines[i + 1].includes(` ${rule.meta.name} `), lines[i + 1]));
      assert.match(r.stdout, /^DL3020\s+add-instead-of-copy\s+error\s+on\s+always\s+maintainability\s+DS-0005, DS005, CKV_DOCKER_4$/m);
    });
  });

  describe('--fix', () => {
    it('rewrites a temp copy in place exactly (ADD → COPY), reports on stderr, and a second run is clean', () => {
      const f = write('fix/Dockerfile', 'FROM alpine:3.20\nADD a /a\nRUN true\nadd --chown=1:1 src/ /app\nADD https://example.com/x.tgz /tmp/\n');
      const r = run([...ONLY_DL3020, '--fix', f]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `fixed 2 findings in ${f}\n`);
      assert.equal(fs.readFileSync(f, 'utf8'), 'FROM alpine:3.20\nCOPY a /a\nRUN true\ncopy --chown=1:1 src/ /app\nADD https://example.com/x.tgz /tmp/\n');
      const again = run([...ONLY_DL3020, '--fix', f]);
      assert.equal(again.code, 0);
      assert.equal(again.stdout, '');
      assert.equal(again.stderr, '');
      assert.equal(run([...ONLY_DL3020, f]).code, 0);
    });

    it('keeps CRLF line endings and leaves files without fixes untouched', () => {
      const crlf = write('fix-crlf/Dockerfile', 'FROM alpine:3.20\r\nADD a /a\r\n');
      const clean = write('fix-clean/Dockerfile', CLEAN);
      const before = fs.statSync(clean).mtimeMs;
      const r = run([...ONLY_DL3020, '--fix', crlf, clean]);
      assert.equal(r.code, 0);
      assert.equal(fs.readFileSync(crlf, 'utf8'), 'FROM alpine:3.20\r\nCOPY a /a\r\n');
      assert.equal(fs.readFileSync(clean, 'utf8'), CLEAN);
      assert.equal(fs.statSync(clean).mtimeMs, before);
      assert.equal(r.stderr, `fixed 1 finding in ${crlf}\n`);
    });
  });

  describe('--version and --help', () => {
    it('--version prints the version from package.json', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      for (const flag of ['--version', '-v']) {
        const r = run([flag]);
        assert.equal(r.code, 0);
        assert.equal(r.stdout, `layerwise ${pkg.version}\n`);
      }
    });

    it('--help prints usage and every option, exit 0', () => {
      const r = run(['--help']);
      assert.equal(r.code, 0);
      assert.ok(r.stdout.startsWith('Usage: layerwise [options] <file|dir|->...\n'));
      for (const opt of ['--format', '--enable', '--disable', '--fix', '--failure-threshold', '--list-rules', '--version', '--help']) assert.ok(r.stdout.includes(opt), opt);
      assert.equal(run(['-h']).stdout, r.stdout);
    });

    it('README\'s CLI section shows exactly the --help text', () => {
      const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
      const block = /\n## CLI\n[\s\S]*?```text\n([\s\S]*?)```/.exec(readme);
      assert.ok(block, 'README has a ```text block under ## CLI');
      assert.equal(block[1], run(['--help']).stdout);
      for (const opt of ['--shellcheck ', '--no-shellcheck', '--shellcheck-path']) assert.ok(block[1].includes(opt), opt);
    });
  });

  describe('bin/layerwise.js', () => {
    it('is executable and has a node shebang', () => {
      assert.ok(fs.readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n'));
      if (process.platform !== 'win32') assert.ok(fs.statSync(BIN).mode & 0o111);
    });

    it('without a bundle prints one line telling to run npm run build and exits 2', () => {
      const copy = path.join(tmp, 'nobundle', 'bin', 'layerwise.js');
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(BIN, copy);
      const r = run(['--version'], { bin: copy });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^layerwise: [^\n]*npm run build[^\n]*\n$/);
    });
  });
});
