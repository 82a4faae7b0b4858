// CI overrides through the environment (LAYERWISE_* and hadolint's HADOLINT_* names) and
// --print-config. Precedence: command-line options > environment > config file > defaults.
// The real CLI runs in a sandbox with its own .git, HOME and XDG folder, and an environment
// stripped of any LAYERWISE_/HADOLINT_ variables the machine may have.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../server/src/engine';
import { readEnv, ENV_SUFFIXES } from '../../server/src/config/env';
import { parseFormat } from '../../server/src/formats';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');
const ONLY = (...codes: string[]) => ['--disable', allRules.map((r) => r.meta.code).filter((c) => !codes.includes(c)).join(',')];
const ADD = 'FROM alpine:3.20\nADD a /a\n';

let dir: string;
let home: string;
function run(args: string[], env: Record<string, string> = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: path.join(home, 'xdg') };
  for (const k of Object.keys(e)) if (/^(LAYERWISE|HADOLINT)_/.test(k) || k === 'NO_COLOR' || k === 'FORCE_COLOR') delete e[k];
  Object.assign(e, env);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: e });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function write(rel: string, text: string) {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return rel;
}
const levels = (stdout: string) => (JSON.parse(stdout) as { code: string; level: string }[]).map((f) => `${f.code}:${f.level}`);

describe('environment overrides', () => {
  before(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-env-'));
    dir = path.join(base, 'repo');
    home = path.join(base, 'home');
    fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
    fs.mkdirSync(path.join(home, 'xdg'), { recursive: true });
    // The config file: DL3020 at info, fail only on errors.
    write('.hadolint.yaml', 'override:\n  info: [DL3020]\nfailure-threshold: error\n');
    write('Dockerfile', ADD);
    write('pragma/Dockerfile', 'FROM alpine:3.20\n# hadolint ignore=DL3020\nADD a /a\n');
  });

  describe('readEnv', () => {
    it('LAYERWISE_ wins over HADOLINT_; empty values are unset; lists and booleans parse', () => {
      const { settings: s, errors } = readEnv({
        HADOLINT_NOFAIL: '1', LAYERWISE_NOFAIL: 'false', HADOLINT_FORMAT: 'TTY', LAYERWISE_FORMAT: '',
        HADOLINT_IGNORE: 'DL3059, untagged-image', HADOLINT_OVERRIDE_STYLE: 'DL3020', HADOLINT_TRUSTED_REGISTRIES: 'a.io,b.io',
        HADOLINT_REQUIRE_LABELS: 'org.opencontainers.image.source:url,maintainer:email', HADOLINT_STRICT_LABELS: 'yes',
        HADOLINT_DISABLE_IGNORE_PRAGMA: 'on', LAYERWISE_RULES: 'LW1002=off,StageNameCasing:error',
      }, parseFormat);
      assert.deepEqual(errors, []);
      assert.deepEqual(s.noFail, { value: false, name: 'LAYERWISE_NOFAIL' });
      assert.deepEqual(s.format, { value: 'text', name: 'HADOLINT_FORMAT' });
      assert.deepEqual(s.trustedRegistries, { value: ['a.io', 'b.io'], name: 'HADOLINT_TRUSTED_REGISTRIES' });
      assert.deepEqual(s.labelSchema?.value, { 'org.opencontainers.image.source': 'url', maintainer: 'email' });
      assert.equal(s.strictLabels?.value, true);
      assert.equal(s.ignorePragmas?.value, false);
      const rules = Object.fromEntries(Object.entries(s.rules).map(([k, v]) => [k, `${v.value}@${v.name}`]));
      const untagged = allRules.find((r) => r.meta.name === 'untagged-image')!.meta.code;
      const casing = allRules.find((r) => r.meta.aliases.includes('StageNameCasing'))!.meta.code;
      assert.deepEqual(rules, {
        DL3059: 'off@HADOLINT_IGNORE', [untagged]: 'off@HADOLINT_IGNORE', DL3020: 'hint@HADOLINT_OVERRIDE_STYLE',
        LW1002: 'off@LAYERWISE_RULES', [casing]: 'error@LAYERWISE_RULES',
      });
    });

    it('each bad value is one error naming the variable; unimplemented hadolint codes only warn', () => {
      const r = readEnv({
        HADOLINT_NOFAIL: 'maybe', LAYERWISE_FAILURE_THRESHOLD: 'fatal', HADOLINT_FORMAT: 'xml', HADOLINT_IGNORE: 'DL9999,NOPE',
        HADOLINT_REQUIRE_LABELS: 'x:color', LAYERWISE_RULES: 'DL3020=loud',
      }, parseFormat);
      assert.deepEqual(r.errors.map((e) => e.split(':')[0]).sort(), ['HADOLINT_FORMAT', 'HADOLINT_IGNORE', 'HADOLINT_NOFAIL', 'HADOLINT_REQUIRE_LABELS', 'LAYERWISE_FAILURE_THRESHOLD', 'LAYERWISE_RULES']);
      assert.ok(r.errors.some((e) => e.includes("'maybe'")));
      assert.deepEqual(r.warnings, ['HADOLINT_IGNORE: DL9999 is a hadolint code that Layerwise does not implement; ignored']);
    });

    it('ShellCheck codes (SCnnnn) are accepted where rule codes are', () => {
      const r = readEnv({ HADOLINT_IGNORE: 'sc2086', HADOLINT_OVERRIDE_ERROR: 'SC2046', LAYERWISE_RULES: 'SC2035=off' });
      assert.deepEqual(r.errors, []);
      assert.deepEqual(Object.fromEntries(Object.entries(r.settings.rules).map(([k, v]) => [k, v.value])), { SC2086: 'off', SC2046: 'error', SC2035: 'off' });
    });

    it('HADOLINT_RULES is not read (only Layerwise has rules:)', () => {
      assert.deepEqual(readEnv({ HADOLINT_RULES: 'DL3020=off' }).settings.rules, {});
      assert.ok(!(ENV_SUFFIXES as readonly string[]).includes('RULES'));
    });
  });

  describe('the CLI', () => {
    it('rule levels: config file < environment < command line', () => {
      assert.deepEqual(levels(run([...ONLY('DL3020'), '-f', 'json', 'Dockerfile']).stdout), ['DL3020:info']);
      assert.deepEqual(levels(run([...ONLY('DL3020'), '-f', 'json', 'Dockerfile'], { HADOLINT_OVERRIDE_WARNING: 'DL3020' }).stdout), ['DL3020:warning']);
      assert.deepEqual(levels(run([...ONLY('DL3020'), '-f', 'json', 'Dockerfile'], { HADOLINT_IGNORE: 'DL3020' }).stdout), []);
      assert.deepEqual(levels(run([...ONLY('DL3020'), '--enable', 'DL3020', '-f', 'json', 'Dockerfile'], { HADOLINT_IGNORE: 'DL3020' }).stdout), ['DL3020:error'],
        '--enable brings back a rule the environment ignores, at its default level');
    });

    it('failure threshold: config file (error) < HADOLINT_FAILURE_THRESHOLD < -t; NOFAIL; LAYERWISE_ wins', () => {
      const warn = { HADOLINT_OVERRIDE_WARNING: 'DL3020' };
      assert.equal(run([...ONLY('DL3020'), 'Dockerfile'], warn).code, 0, 'a warning under the file\'s error threshold');
      assert.equal(run([...ONLY('DL3020'), 'Dockerfile'], { ...warn, HADOLINT_FAILURE_THRESHOLD: 'warning' }).code, 1);
      assert.equal(run([...ONLY('DL3020'), '-t', 'none', 'Dockerfile'], { ...warn, HADOLINT_FAILURE_THRESHOLD: 'warning' }).code, 0);
      assert.equal(run([...ONLY('DL3020'), '--no-config', 'Dockerfile'], { HADOLINT_NOFAIL: '1' }).code, 0);
      assert.equal(run([...ONLY('DL3020'), '--no-config', 'Dockerfile'], { HADOLINT_NOFAIL: '1', LAYERWISE_NOFAIL: '0' }).code, 1);
    });

    it('format: HADOLINT_FORMAT / LAYERWISE_FORMAT, and --format wins', () => {
      const j = run([...ONLY('DL3020'), 'Dockerfile'], { HADOLINT_FORMAT: 'json' });
      assert.deepEqual(levels(j.stdout), ['DL3020:info']);
      const s = run([...ONLY('DL3020'), 'Dockerfile'], { HADOLINT_FORMAT: 'json', LAYERWISE_FORMAT: 'sarif' });
      assert.equal(JSON.parse(s.stdout).version, '2.1.0');
      const t = run([...ONLY('DL3020'), '--format', 'text', 'Dockerfile'], { HADOLINT_FORMAT: 'json' });
      assert.equal(t.stdout, 'Dockerfile:2:1: info DL3020 Use COPY instead of ADD for local files and folders\n');
    });

    it('DISABLE_IGNORE_PRAGMA, TRUSTED_REGISTRIES reach the engine', () => {
      assert.equal(run([...ONLY('DL3020'), '--no-config', 'pragma/Dockerfile']).stdout, '');
      assert.match(run([...ONLY('DL3020'), '--no-config', 'pragma/Dockerfile'], { HADOLINT_DISABLE_IGNORE_PRAGMA: 'true' }).stdout, /DL3020/);
      assert.equal(run([...ONLY('DL3026'), 'Dockerfile']).stdout, '');
      assert.match(run([...ONLY('DL3026'), 'Dockerfile'], { HADOLINT_TRUSTED_REGISTRIES: 'registry.example.com' }).stdout, /^Dockerfile:1:\d+: \w+ DL3026 /);
    });

    it("hadolint's options win over the environment: --error/--style, --trusted-registry, --no-fail, --verbose", () => {
      const env = { HADOLINT_OVERRIDE_WARNING: 'DL3020', HADOLINT_TRUSTED_REGISTRIES: 'registry.example.com', HADOLINT_FAILURE_THRESHOLD: 'style' };
      assert.deepEqual(levels(run([...ONLY('DL3020'), '--style', 'DL3020', '-f', 'json', 'Dockerfile'], env).stdout), ['DL3020:style']);
      assert.deepEqual(levels(run([...ONLY('DL3020'), '--error', 'add-instead-of-copy', '-f', 'json', 'Dockerfile'], env).stdout), ['DL3020:error']);
      assert.equal(run([...ONLY('DL3026'), '--trusted-registry', 'docker.io', 'Dockerfile'], env).stdout, '');
      assert.equal(run([...ONLY('DL3020'), 'Dockerfile'], env).code, 1);
      assert.equal(run([...ONLY('DL3020'), '--no-fail', 'Dockerfile'], env).code, 0);
      assert.equal(run([...ONLY('DL3020'), '--no-fail', '-t', 'warning', 'Dockerfile'], env).code, 1, '-t wins over --no-fail');
      assert.equal(run([...ONLY('DL3020'), '--ignore', 'DL3020', 'Dockerfile']).stdout, '');
      const v = run([...ONLY('DL3020'), '-V', 'Dockerfile', 'pragma/Dockerfile']);
      assert.ok(v.stderr.includes(`layerwise: settings for Dockerfile: config file ${path.join(dir, '.hadolint.yaml')}\n`), v.stderr);
      assert.equal(v.stderr.split('\n').filter((l) => l.startsWith('layerwise: settings for')).length, 1, 'once per config file');
      const bad = run(['--require-label', 'maintainer', 'Dockerfile']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /^layerwise: --require-label needs label:type/);
      const pc = JSON.parse(run(['--print-config', '-f', 'json', '--style', 'DL3020', '--trusted-registry', 'a.io', 'Dockerfile'], env).stdout)[0];
      assert.deepEqual(pc.settings.trustedRegistries, { value: ['a.io'], source: { kind: 'cli', name: '--trusted-registry' } });
      assert.deepEqual(pc.rules.find((x: { code: string }) => x.code === 'DL3020').source, { kind: 'cli', name: '--style' });
    });

    it('an invalid value: one line per variable on stderr, nothing linted, exit 2', () => {
      const r = run(['Dockerfile'], { HADOLINT_FAILURE_THRESHOLD: 'fatal' });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, "layerwise: HADOLINT_FAILURE_THRESHOLD: unknown failure threshold 'fatal' (expected error, warning, info, style, none)\n");
    });
  });

  describe('--print-config', () => {
    it('text: each setting with its value and where it came from', () => {
      const r = run(['--print-config', '--enable', 'LW1002', '-t', 'warning', 'Dockerfile'], { HADOLINT_IGNORE: 'DL3059', LAYERWISE_FORMAT: 'github' });
      assert.equal(r.code, 0, r.stderr);
      const cfg = path.join(dir, '.hadolint.yaml');
      const lines = r.stdout.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
      assert.equal(lines[0], 'Effective settings for Dockerfile:');
      assert.ok(lines.includes(`config file ${cfg}`), r.stdout);
      assert.ok(lines.includes('format github environment LAYERWISE_FORMAT'), r.stdout);
      assert.ok(lines.includes('failure-threshold warning command line --failure-threshold'), r.stdout);
      assert.ok(lines.includes('strict-labels false default'), r.stdout);
      assert.ok(lines.includes(`DL3020 info config file ${cfg} (default: error)`), r.stdout);
      assert.ok(lines.includes('DL3059 off environment HADOLINT_IGNORE (default: info)'), r.stdout);
      assert.ok(lines.some((l) => l.startsWith('LW1002 ') && l.includes('command line --enable')), r.stdout);
      assert.ok(lines.includes("build context . (the Dockerfile's folder) default"), r.stdout);
      assert.ok(lines.includes('shellcheck when shellcheck is found on PATH default'), r.stdout);
    });

    it('shows the build context and ShellCheck the options choose', () => {
      const r = run(['--print-config', '-f', 'json', '--context', '..', '--no-shellcheck', 'Dockerfile']);
      assert.equal(r.code, 0, r.stderr);
      const [e] = JSON.parse(r.stdout);
      assert.deepEqual(e.settings.buildContext, { value: '..', source: { kind: 'cli', name: '--context' } });
      assert.deepEqual(e.settings.shellcheck, { value: 'off', source: { kind: 'cli', name: '--no-shellcheck' } });
      const t = run(['--print-config', '--shellcheck-path', '/opt/sc/shellcheck', 'Dockerfile']);
      assert.match(t.stdout, /shellcheck\s+on: \/opt\/sc\/shellcheck\s+command line --shellcheck-path/);
    });

    it('json: the same, machine-readable; a folder means a Dockerfile in it; no file means ./Dockerfile', () => {
      const r = run(['--print-config', '-f', 'json', '.'], { HADOLINT_FAILURE_THRESHOLD: 'style' });
      assert.equal(r.code, 0, r.stderr);
      const [e] = JSON.parse(r.stdout);
      assert.equal(e.file, 'Dockerfile');
      assert.equal(e.configFile, path.join(dir, '.hadolint.yaml'));
      assert.deepEqual(e.settings.failureThreshold, { value: 'style', source: { kind: 'env', name: 'HADOLINT_FAILURE_THRESHOLD' } });
      assert.deepEqual(e.settings.format, { value: 'json', source: { kind: 'cli', name: '--format' } });
      assert.deepEqual(e.settings.disableIgnorePragma, { value: false, source: { kind: 'default' } });
      assert.deepEqual(e.rules.find((x: { code: string }) => x.code === 'DL3020'), { code: 'DL3020', name: 'add-instead-of-copy', value: 'info', default: 'error', source: { kind: 'config', name: path.join(dir, '.hadolint.yaml') } });
      const none = JSON.parse(run(['--print-config', '--no-config', '-f', 'json']).stdout);
      assert.equal(none.length, 1);
      assert.equal(none[0].configFile, null);
      assert.deepEqual(none[0].rules, []);
      assert.deepEqual(none[0].settings.failureThreshold, { value: 'info', source: { kind: 'default' } });
    });
  });
});
