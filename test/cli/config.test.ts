// .hadolint.yaml in the real CLI (run `npm run build` first): discovery, --config,
// --no-config, bad files, and what each key does to the output. Every run gets its own HOME
// and XDG_CONFIG_HOME, so user-wide files on the machine cannot leak in. Only DL3020
// (ADD → COPY, error) is relied on for findings.
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
const ADD = 'FROM alpine:3.20\nADD a /a\n';

let tmp: string;
let n = 0;
/** A fresh folder with its own .git (so discovery stops there), HOME and XDG folder. */
function sandbox(): { dir: string; home: string; xdg: string; write(rel: string, text: string): string } {
  const base = path.join(tmp, `s${n++}`);
  const dir = path.join(base, 'repo');
  const home = path.join(base, 'home');
  const xdg = path.join(base, 'xdg');
  for (const d of [path.join(dir, '.git'), home, xdg]) fs.mkdirSync(d, { recursive: true });
  return {
    dir, home, xdg,
    write(rel, text) {
      const p = path.isAbsolute(rel) ? rel : path.join(dir, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, text);
      return p;
    },
  };
}

interface Run { code: number | null; stdout: string; stderr: string }
function run(sb: { dir: string; home: string; xdg: string }, args: string[], opts: { input?: string; cwd?: string; noXdg?: boolean } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: sb.home, XDG_CONFIG_HOME: sb.xdg, USERPROFILE: sb.home };
  if (opts.noXdg) delete env.XDG_CONFIG_HOME;
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? sb.dir, input: opts.input ?? '', encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const levels = (r: Run) => (JSON.parse(r.stdout) as { code: string; level: string }[]).map((f) => `${f.code}:${f.level}`);

describe('cli: .hadolint.yaml', () => {
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-config-'));
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run npm run build');
  });

  it('is found up the tree from the Dockerfile; ignored codes disappear; --no-config brings them back', () => {
    const sb = sandbox();
    sb.write('.hadolint.yaml', 'ignored:\n  - DL3020\n');
    const f = sb.write('a/b/Dockerfile', ADD);
    const r = run(sb, [...ONLY_DL3020, f]);
    assert.deepEqual([r.stdout, r.stderr, r.code], ['', '', 0]);
    const r2 = run(sb, [...ONLY_DL3020, '--no-config', f]);
    assert.equal(r2.code, 1);
    assert.match(r2.stdout, /:2:1: error DL3020 /);
  });

  it('the nearest file wins; .yml is found too; override changes the level in --format json', () => {
    const sb = sandbox();
    sb.write('.hadolint.yaml', 'ignored: [DL3020]\n');
    sb.write('a/.hadolint.yml', 'override:\n  style:\n    - DL3020\n');
    const near = sb.write('a/b/Dockerfile', ADD);
    const far = sb.write('c/Dockerfile', ADD);
    const r = run(sb, [...ONLY_DL3020, '-f', 'json', near, far]);
    assert.deepEqual(levels(r), ['DL3020:style']);
    assert.equal(JSON.parse(r.stdout)[0].file, near);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0); // style is below the default threshold, info
  });

  it('discovery stops at the folder holding .git', () => {
    const sb = sandbox();
    sb.write(path.join(path.dirname(sb.dir), '.hadolint.yaml'), 'ignored: [DL3020]\n'); // above the repository
    const f = sb.write('Dockerfile', ADD);
    const r = run(sb, [...ONLY_DL3020, '-f', 'json', f]);
    assert.deepEqual(levels(r), ['DL3020:error']);
  });

  it('user-wide files apply when the project has none: XDG first, then ~/.config, ~/.hadolint, ~/.hadolint.yaml', () => {
    const sb = sandbox();
    const f = sb.write('Dockerfile', ADD);
    sb.write(path.join(sb.home, '.hadolint.yaml'), 'override:\n  info: [DL3020]\n');
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', f])), ['DL3020:info']);
    sb.write(path.join(sb.home, '.hadolint', 'hadolint.yaml'), 'override:\n  warning: [DL3020]\n');
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', f])), ['DL3020:warning']);
    sb.write(path.join(sb.home, '.config', 'hadolint.yaml'), 'override:\n  style: [DL3020]\n');
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', f], { noXdg: true })), ['DL3020:style']);
    sb.write(path.join(sb.xdg, 'hadolint.yaml'), 'ignored: [DL3020]\n');
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', f])), []);
    sb.write('.hadolint.yaml', 'override:\n  warning: [DL3020]\n'); // the project's file wins over all of them
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', f])), ['DL3020:warning']);
  });

  it('--config replaces discovery; --config with --no-config is a usage error', () => {
    const sb = sandbox();
    sb.write('.hadolint.yaml', 'ignored: [DL3020]\n');
    const other = sb.write(path.join(sb.home, 'elsewhere.yaml'), 'override:\n  warning: [DL3020]\n');
    const f = sb.write('Dockerfile', ADD);
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', '--config', other, f])), ['DL3020:warning']);
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', `--config=${other}`, f])), ['DL3020:warning']);
    const r = run(sb, ['--config', other, '--no-config', f]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'layerwise: --config and --no-config cannot be used together\n');
  });

  it('a missing --config file is one line and exit 2; the file is still linted', () => {
    const sb = sandbox();
    const f = sb.write('Dockerfile', ADD);
    const missing = path.join(sb.dir, 'nope.yaml');
    const r = run(sb, [...ONLY_DL3020, '--config', missing, f]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `layerwise: ${missing}: cannot read configuration: no such file or directory\n`);
    assert.match(r.stdout, /error DL3020/);
  });

  it('a bad config: one line on stderr, exit 2 at the end, the good keys still apply, other files still linted', () => {
    const sb = sandbox();
    const cfg = sb.write('bad/.hadolint.yaml', 'ignored: DL3020\noverride:\n  info: [DL3020]\n');
    const bad = sb.write('bad/Dockerfile', ADD);
    const good = sb.write('good/Dockerfile', ADD);
    const r = run(sb, [...ONLY_DL3020, '-f', 'json', bad, good]);
    assert.equal(r.stderr, `layerwise: ${cfg}: ignored: expected a list of rule codes\n`);
    assert.equal(r.code, 2);
    assert.deepEqual(levels(r), ['DL3020:info', 'DL3020:error']);
  });

  it('a bad config shared by several Dockerfiles is reported once', () => {
    const sb = sandbox();
    const cfg = sb.write('.hadolint.yaml', 'colour: never\n');
    const r = run(sb, [...ONLY_DL3020, sb.write('a/Dockerfile', ADD), sb.write('b/Dockerfile', ADD)]);
    assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('layerwise: ')).length, 1, 'one error line (and the summary)');
    assert.match(r.stderr, new RegExp(`^layerwise: ${cfg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: colour: unknown key`));
    assert.equal(r.code, 2);
  });

  it('a hadolint code Layerwise lacks is a warning line, not a failure', () => {
    const sb = sandbox();
    sb.write('.hadolint.yaml', 'ignored: [DL9999, DL3020]\n');
    const r = run(sb, [...ONLY_DL3020, sb.write('Dockerfile', ADD)]);
    assert.match(r.stderr, /^layerwise: warning: .*\.hadolint\.yaml: ignored: DL9999 is a hadolint code that Layerwise does not implement; ignored\n$/);
    assert.deepEqual([r.stdout, r.code], ['', 0]);
  });

  it('failure-threshold from the file sets the exit status; -t on the command line wins', () => {
    const sb = sandbox();
    sb.write('.hadolint.yaml', 'failure-threshold: error\noverride:\n  warning: [DL3020]\n');
    const f = sb.write('Dockerfile', ADD);
    assert.equal(run(sb, [...ONLY_DL3020, f]).code, 0);
    assert.equal(run(sb, [...ONLY_DL3020, '-t', 'warning', f]).code, 1);
    sb.write('.hadolint.yaml', 'no-fail: true\n');
    assert.equal(run(sb, [...ONLY_DL3020, f]).code, 0);
    assert.equal(run(sb, [...ONLY_DL3020, '--no-config', f]).code, 1);
  });

  it('--enable brings back a rule the file ignores; --disable wins over an override', () => {
    const sb = sandbox();
    sb.write('.hadolint.yaml', 'ignored: [DL3020]\n');
    const f = sb.write('Dockerfile', ADD);
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', '--enable', 'add-instead-of-copy', f])), ['DL3020:error']);
    sb.write('.hadolint.yaml', 'override:\n  error: [DL3020]\n');
    assert.deepEqual(levels(run(sb, ['--disable', 'all', '-f', 'json', f])), []);
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '--disable', 'DL3020', '-f', 'json', f])), []);
  });

  it('disable-ignore-pragma: true makes a finding silenced by a pragma reappear', () => {
    const sb = sandbox();
    const f = sb.write('Dockerfile', 'FROM alpine:3.20\n# hadolint ignore=DL3020\nADD a /a\n');
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', f])), []);
    sb.write('.hadolint.yaml', 'disable-ignore-pragma: true\n');
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', f])), ['DL3020:error']);
    sb.write('.hadolint.yaml', 'disable-ignore-pragma: false\n');
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', f])), []);
  });

  it('stdin uses the configuration found from the current folder', () => {
    const sb = sandbox();
    sb.write('.hadolint.yaml', 'override:\n  info: [DL3020]\n');
    fs.mkdirSync(path.join(sb.dir, 'sub'));
    assert.deepEqual(levels(run(sb, [...ONLY_DL3020, '-f', 'json', '-'], { input: ADD, cwd: path.join(sb.dir, 'sub') })), ['DL3020:info']);
  });

  it('--fix uses the configuration: an ignored rule is not fixed', () => {
    const sb = sandbox();
    sb.write('.hadolint.yaml', 'ignored: [DL3020]\n');
    const f = sb.write('Dockerfile', ADD);
    const r = run(sb, [...ONLY_DL3020, '--fix', f]);
    assert.equal(r.code, 0);
    assert.equal(fs.readFileSync(f, 'utf8'), ADD);
  });
});

describe('cli: .layerwise.yaml', () => {
  before(() => {
    tmp ??= fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-config-'));
  });
  const HC = 'FROM alpine:3.20\nCOPY a /a\nUSER nobody\n'; // clean but for the opt-in DL3057 (no HEALTHCHECK)

  it('rules: turns an opt-in rule on at its default level, by code or by name', () => {
    const sb = sandbox();
    const f = sb.write('Dockerfile', HC);
    const noHint = ['--disable', 'LW1002'];
    assert.deepEqual(levels(run(sb, [...noHint, '-f', 'json', f])), [], 'DL3057 is off by default');
    sb.write('.layerwise.yaml', 'rules:\n  DL3057: on\n');
    assert.deepEqual(levels(run(sb, [...noHint, '-f', 'json', f])), ['DL3057:info']);
    sb.write('.layerwise.yaml', 'rules:\n  healthcheck-missing: warning\n');
    const r = run(sb, [...noHint, '-f', 'json', f]);
    assert.deepEqual([levels(r), r.stderr, r.code], [['DL3057:warning'], '', 1]);
  });

  it('wins over .hadolint.yaml in the same folder, and its rules: wins over its own ignored', () => {
    const sb = sandbox();
    sb.write('.hadolint.yaml', 'override:\n  error: [DL3020]\n');
    sb.write('.layerwise.yaml', 'ignored: [DL3020]\nrules:\n  add-instead-of-copy: style\n');
    const f = sb.write('Dockerfile', ADD);
    const r = run(sb, [...ONLY_DL3020, '-f', 'json', f]);
    assert.deepEqual([levels(r), r.stderr, r.code], [['DL3020:style'], '', 0]);
  });

  it('a nearer .hadolint.yaml still wins over a .layerwise.yaml further up', () => {
    const sb = sandbox();
    sb.write('.layerwise.yaml', 'rules:\n  DL3020: off\n');
    sb.write('a/.hadolint.yaml', 'override:\n  warning: [DL3020]\n');
    const r = run(sb, [...ONLY_DL3020, '-f', 'json', sb.write('a/Dockerfile', ADD)]);
    assert.deepEqual(levels(r), ['DL3020:warning']);
  });

  it('the user-wide layerwise.yaml is used when the repository has no file', () => {
    const sb = sandbox();
    sb.write(path.join(sb.xdg, 'layerwise.yaml'), 'rules:\n  DL3020: off\n');
    const r = run(sb, [...ONLY_DL3020, sb.write('Dockerfile', ADD)]);
    assert.deepEqual([r.stdout, r.stderr, r.code], ['', '', 0]);
  });

  it('mistakes are one line each naming the file and key; rules: in hadolint\'s file is refused', () => {
    const sb = sandbox();
    const cfg = sb.write('.layerwise.yaml', 'rules:\n  NOPE1: on\n  DL3020: loud\n');
    const f = sb.write('Dockerfile', ADD);
    const r = run(sb, [...ONLY_DL3020, f]);
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      `layerwise: ${cfg}: rules.NOPE1: unknown rule code 'NOPE1' (see layerwise --list-rules)`,
      `layerwise: ${cfg}: rules.DL3020: expected on, off, error, warning, info or hint, found 'loud'`,
    ]);
    assert.match(r.stdout, /:2:1: error DL3020 /, 'the file is still linted');
    fs.rmSync(cfg);
    const h = sb.write('.hadolint.yaml', 'rules:\n  DL3020: off\n');
    const r2 = run(sb, [...ONLY_DL3020, f]);
    assert.equal(r2.code, 2);
    assert.equal(r2.stderr.trim(), `layerwise: ${h}: rules: a .layerwise.yaml key; hadolint's file has ignored and override (or rename the file to .layerwise.yaml)`);
  });
});
