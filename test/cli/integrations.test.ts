// What CI and editors pick up from the repository: the problem matcher package.json
// contributes (applied here, as VS Code would, to real CLI output), the pre-commit hook
// definition (its `files` regex against Dockerfile names), and the README's copy of the
// CLI help, environment variables and formats.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { HELP, isDockerfileName } from '../../server/src/cli';
import { ENV_SUFFIXES, LAYERWISE_ONLY } from '../../server/src/config/env';
import { FORMATS } from '../../server/src/formats';
import { allRules } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** A Python `re` pattern as a JS RegExp: a leading (?i) becomes the i flag (Node 20 lacks inline flags). */
function pyRegex(src: string): RegExp {
  const m = /^\(\?i\)/.exec(src);
  return m ? new RegExp(src.slice(4), 'i') : new RegExp(src);
}
/** VS Code strips ANSI escapes from task output before matching; so do we. */
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('integrations', () => {
  describe('problem matcher', () => {
    let tmp: string;
    before(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-pm-'));
      fs.mkdirSync(path.join(tmp, 'svc: a, b'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'Dockerfile'), 'FROM ubuntu\nRUN apt-get update && apt-get install curl\nADD app.tar.gz /app/\nADD a /a\nMAINTAINER me\n');
      fs.writeFileSync(path.join(tmp, 'svc: a, b', 'web.dockerfile'), 'FROM alpine:3.20\nADD a /a\nRUN cd /app && make\n');
    });

    it('package.json contributes the `layerwise` matcher with all six groups', () => {
      const [m] = pkg.contributes.problemMatchers;
      assert.equal(m.name, 'layerwise');
      assert.equal(m.owner, 'layerwise');
      assert.deepEqual(m.fileLocation, ['autoDetect', '${workspaceFolder}']);
      assert.deepEqual(Object.keys(m.pattern).sort(), ['code', 'column', 'file', 'line', 'message', 'regexp', 'severity']);
    });

    it('its regexp reads every line of real text output back to the JSON findings', () => {
      const { pattern } = pkg.contributes.problemMatchers[0];
      const re = new RegExp(pattern.regexp);
      const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '1' };
      delete env.NO_COLOR;
      for (const k of Object.keys(env)) if (/^(LAYERWISE|HADOLINT)_/.test(k)) delete env[k];
      const text = spawnSync(process.execPath, [BIN, '--no-config', '.'], { cwd: tmp, encoding: 'utf8', env });
      const json = spawnSync(process.execPath, [BIN, '--no-config', '-f', 'json', '.'], { cwd: tmp, encoding: 'utf8', env });
      assert.ok(text.stdout.includes('\x1b['), 'coloured, as in a VS Code task terminal');
      const expected = JSON.parse(json.stdout) as { file: string; line: number; column: number; level: string; code: string; message: string }[];
      assert.ok(expected.length >= 6, json.stdout);
      assert.ok(expected.some((f) => f.file.includes('svc: a, b')), 'a file name with ": " and ", " in it');
      const lines = stripAnsi(text.stdout).trimEnd().split('\n');
      assert.equal(lines.length, expected.length);
      lines.forEach((line, i) => {
        const g = re.exec(line);
        assert.ok(g, `no match: ${line}`);
        const e = expected[i];
        assert.deepEqual(
          [g[pattern.file], Number(g[pattern.line]), Number(g[pattern.column]), g[pattern.severity], g[pattern.code], g[pattern.message]],
          [e.file, e.line, e.column, e.level, e.code, e.message],
        );
      });
      assert.ok(!re.test('2 files linted: 3 errors, 0 warnings, 0 info, 0 style; 1 fixable (1 by --fix)'), 'the summary line is not a problem');
    });
  });

  describe('.pre-commit-hooks.yaml', () => {
    const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    const hook = hooks[0];

    it('defines the layerwise hook: entry layerwise (package.json bin), language node', () => {
      assert.equal(hooks.length, 1);
      assert.equal(hook.id, 'layerwise');
      assert.equal(hook.entry, 'layerwise');
      assert.equal(hook.language, 'node');
      assert.ok(pkg.bin[hook.entry], 'the entry is a bin of the package');
    });

    it('its files/exclude regexes pick exactly the names the CLI lints in folders', () => {
      const files = pyRegex(hook.files);
      const exclude = pyRegex(hook.exclude);
      const picks = (p: string) => files.test(p) && !exclude.test(p);
      const yes = ['Dockerfile', 'Containerfile', 'dockerfile', 'DOCKERFILE', 'Dockerfile.dev', 'Containerfile.prod', 'api.dockerfile', 'web.Dockerfile',
        'svc/Dockerfile', 'a/b/c/Dockerfile.ci', 'deploy/api.dockerfile', 'x/Containerfile'];
      const no = ['Dockerfile.dockerignore', 'api.dockerfile.dockerignore', 'README.md', 'dockerfile.txt/notes', 'MyDockerfile', 'Dockerfiles/readme.md',
        'docs/Dockerfile.md/x', 'src/dockerfile_utils.py', 'Dockerfile/x.txt', '.dockerignore', 'build.sh'];
      for (const p of yes) assert.ok(picks(p), `${p} should be linted`);
      for (const p of no) assert.ok(!picks(p), `${p} should not be linted`);
      for (const p of [...yes, ...no]) assert.equal(picks(p), isDockerfileName(path.posix.basename(p)), `${p}: same as the CLI's discovery`);
    });
  });

  describe('npm pack (how pre-commit installs a node hook)', () => {
    it('packs the built CLI despite .gitignore, and the unpacked package runs without node_modules', () => {
      assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run npm run build');
      const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-pack-'));
      const npm = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
      assert.equal(npm.status, 0, npm.stderr);
      const [info] = JSON.parse(npm.stdout);
      const packed = new Set((info.files as { path: string }[]).map((f) => f.path));
      for (const f of ['bin/layerwise.js', 'dist/cli.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-bash.wasm', 'dist/THIRD_PARTY_NOTICES.txt', 'LICENSE', 'package.json']) assert.ok(packed.has(f), `${f} is packed`);
      assert.ok(![...packed].some((f) => f.startsWith('node_modules/') || f.startsWith('test/') || f.startsWith('out/')), 'no tests, build output or dependencies');
      const tar = spawnSync('tar', ['xzf', info.filename, '-C', dest], { cwd: dest, encoding: 'utf8' });
      assert.equal(tar.status, 0, `tar is needed for this test: ${tar.stderr ?? tar.error}`);
      fs.writeFileSync(path.join(dest, 'Dockerfile'), 'FROM alpine:3.20\nADD a /a\n');
      const r = spawnSync(process.execPath, [path.join(dest, 'package', 'bin', 'layerwise.js'), '--no-config', '--disable', allRules.map((x) => x.meta.code).filter((c) => c !== 'DL3020').join(','), 'Dockerfile'], { cwd: dest, encoding: 'utf8' });
      assert.equal(r.stdout, 'Dockerfile:2:1: error DL3020 Use COPY instead of ADD for local files and folders\n', r.stderr);
      assert.equal(r.status, 1);
    });
  });

  describe('README', () => {
    it('copies the CLI help text exactly', () => {
      const m = /`npx layerwise --help` prints:\n\n```text\n([\s\S]*?)```/.exec(README);
      assert.ok(m, 'README has the help block');
      assert.equal(m[1], HELP);
    });

    it('the CI section lists every format, every environment variable, and the integrations', () => {
      const ci = README.slice(README.indexOf('\n## CI'), README.indexOf('\n## ', README.indexOf('\n## CI') + 1));
      assert.ok(ci.length > 100, 'README has a "## CI" section');
      for (const f of FORMATS) assert.ok(ci.includes(`| \`${f}\``), `format ${f} in the formats table`);
      for (const s of ENV_SUFFIXES) assert.ok(ci.includes(`\`LAYERWISE_${s}\``) && ci.includes(`\`HADOLINT_${s}\``), `${s} in the environment table`);
      for (const s of LAYERWISE_ONLY) assert.ok(ci.includes(`\`LAYERWISE_${s}\``), `LAYERWISE_${s} in the environment table`);
      for (const s of ['github/codeql-action/upload-sarif', 'codequality:', '.pre-commit-config.yaml', 'id: layerwise', '$layerwise']) assert.ok(ci.includes(s), s);
    });
  });
});
