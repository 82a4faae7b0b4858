// package.json's `contributes` (what VS Code shows and validates) against shared/constants.ts
// (what the client and the server use): every setting the server receives is contributed with
// the same default, and every contributed setting is read by the client.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as constants from '../../shared/constants';
import {
  COMMAND_RESTART_SERVER, COMMAND_SHOW_DOCS, DEFAULT_SETTINGS, DOCKERFILE_NAMES, DOCKERFILE_NAME_PATTERNS,
  LANGUAGE_ID, RESTRICTED_SETTINGS, RULE_SETTING_VALUES, SERVER_LAUNCHER, SETTINGS_SECTION,
} from '../../shared/constants';
import { forUntrustedWorkspace, readSettings, type Getter } from '../../client/src/settings';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const props: Record<string, { type: string; default: unknown; enum?: string[]; additionalProperties?: { enum?: string[] } }> =
  pkg.contributes.configuration.properties;

/** `layerwise.<path>` → default, descending into the nested setting groups (`registry`). */
function flatten(obj: Record<string, unknown>, prefix: string, out: Map<string, unknown> = new Map()): Map<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    const key = `${prefix}.${k}`;
    // A non-empty plain object is a group of settings; `rules: {}` is one setting of type object.
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) flatten(v as Record<string, unknown>, key, out);
    else out.set(key, v);
  }
  return out;
}
const serverSettings = flatten(DEFAULT_SETTINGS as unknown as Record<string, unknown>, SETTINGS_SECTION);

/** A getter over a map of `layerwise.*` values that records which keys were asked for. */
function getter(values: Record<string, unknown>, asked: string[] = []): Getter {
  return <T>(key: string, fallback: T): T => {
    const full = `${SETTINGS_SECTION}.${key}`;
    asked.push(full);
    return (full in values ? values[full] : fallback) as T;
  };
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('package.json contributes', () => {
  it('contributes exactly the settings the server receives, with the same defaults and types', () => {
    assert.deepEqual(Object.keys(props).sort(), [...serverSettings.keys()].sort());
    const jsonType = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
    for (const [key, def] of serverSettings) {
      assert.deepEqual(props[key].default, def, `${key}: default`);
      assert.equal(props[key].type, jsonType(def), `${key}: type`);
    }
  });

  it('the client reads every contributed setting, and the contributed defaults give DEFAULT_SETTINGS', () => {
    const asked: string[] = [];
    const defaults = Object.fromEntries(Object.entries(props).map(([k, p]) => [k, p.default]));
    assert.deepEqual(readSettings(getter(defaults, asked)), DEFAULT_SETTINGS);
    assert.deepEqual([...new Set(asked)].sort(), Object.keys(props).sort());
  });

  it('enums match what the client passes on and the engine accepts', () => {
    for (const run of props['layerwise.run'].enum ?? []) {
      assert.equal(readSettings(getter({ 'layerwise.run': run })).run, run);
    }
    assert.deepEqual(props['layerwise.run'].enum, ['onType', 'onSave']);
    const ruleValues = props['layerwise.rules'].additionalProperties?.enum;
    assert.deepEqual(ruleValues, [...RULE_SETTING_VALUES]);
    const rules = Object.fromEntries((ruleValues ?? []).map((v, i) => [`R${i}`, v]));
    assert.deepEqual(readSettings(getter({ 'layerwise.rules': { ...rules, bad: 'loud', n: 3 } })).rules, rules, 'valid values pass, others are dropped');
  });

  it('values of the wrong type fall back to the defaults', () => {
    const s = readSettings(getter({
      'layerwise.enable': 'yes', 'layerwise.run': 'sometimes', 'layerwise.rules': ['DL3007'],
      'layerwise.registry.insecure': 'host:5000', 'layerwise.registry.timeoutMs': -1,
    }));
    assert.deepEqual(s, DEFAULT_SETTINGS);
    assert.deepEqual(readSettings(getter({ 'layerwise.shellcheck.enable': 'no', 'layerwise.shellcheck.path': '  ' })).shellcheck, DEFAULT_SETTINGS.shellcheck);
    const t = readSettings(getter({ 'layerwise.registry.insecure': [' reg.local:5000 ', 7, ''], 'layerwise.registry.timeoutMs': 2500 }));
    assert.deepEqual(t.registry, { insecure: ['reg.local:5000'], timeoutMs: 2500 });
  });

  it('every `layerwise.*` id in the sources is a contributed setting or command, or a COMMAND_* of shared/constants.ts', () => {
    // Commands the server executes (workspace/executeCommand) are registered by the language
    // client at run time, not contributed; they are named in shared/constants.ts.
    const sharedCommands = Object.entries(constants).filter(([k, v]) => k.startsWith('COMMAND_') && typeof v === 'string').map(([, v]) => v as string);
    const known = new Set([...Object.keys(props), ...pkg.contributes.commands.map((c: { command: string }) => c.command), ...sharedCommands]);
    const files = ['server/src', 'client/src', 'shared'].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    let seen = 0;
    for (const f of files) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/['"`](layerwise\.[A-Za-z][\w.]*)['"`]/g)) {
        if (/^layerwise\.ya?ml$/.test(m[1])) continue; // the config file's name, not an id
        seen++;
        assert.ok(known.has(m[1]), `${path.relative(ROOT, f)} uses ${m[1]}, which package.json does not contribute`);
      }
    }
    assert.ok(seen >= 3, 'the scan found the ids in shared/constants.ts');
  });

  it('restricted settings in untrusted workspaces: the registry settings and the ShellCheck path', () => {
    const cap = pkg.capabilities.untrustedWorkspaces;
    assert.equal(cap.supported, 'limited');
    assert.ok(typeof cap.description === 'string' && cap.description.length > 0);
    assert.match(cap.description, /ShellCheck/);
    assert.deepEqual(cap.restrictedConfigurations, [...RESTRICTED_SETTINGS]);
    for (const k of RESTRICTED_SETTINGS) assert.ok(k in props, `${k} is contributed`);
    assert.deepEqual(
      Object.keys(props).filter((k) => k.startsWith('layerwise.registry.') || k === 'layerwise.shellcheck.path').sort(),
      [...RESTRICTED_SETTINGS].sort(),
    );
  });

  it('README\'s Settings table lists every contributed setting with its default', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = /\n### Settings\n([\s\S]*?)\n###? /.exec(readme);
    assert.ok(section, 'README has a ### Settings section');
    const rows = new Map([...section[1].matchAll(/^\| `(layerwise\.[\w.]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual([...rows.keys()].sort(), Object.keys(props).sort());
    for (const [k, p] of Object.entries(props)) {
      const def = typeof p.default === 'string' ? p.default : JSON.stringify(p.default);
      assert.equal(rows.get(k), def, `${k}: README default`);
    }
  });

  it('untrusted workspace: the client sends the ShellCheck path from user settings only', () => {
    const fromWorkspace = readSettings(getter({ 'layerwise.shellcheck.path': '/ws/evil.sh', 'layerwise.shellcheck.enable': false }));
    assert.deepEqual(fromWorkspace.shellcheck, { enable: false, path: '/ws/evil.sh' });
    const user = forUntrustedWorkspace(fromWorkspace, (k) => (k === 'shellcheck.path' ? '/opt/shellcheck' : undefined));
    assert.deepEqual(user.shellcheck, { enable: false, path: '/opt/shellcheck' });
    assert.equal(forUntrustedWorkspace(fromWorkspace, () => undefined).shellcheck.path, DEFAULT_SETTINGS.shellcheck.path);
    assert.equal(fromWorkspace.shellcheck.path, '/ws/evil.sh', 'the input is not changed');
    const ext = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(ext, /trusted \? settings : forUntrustedWorkspace\(settings, \(key\) => config\.inspect\(key\)\?\.globalValue\)/);
  });

  it('commands, language, activation events and snippets use the shared names', () => {
    const commands = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(commands, [COMMAND_RESTART_SERVER, COMMAND_SHOW_DOCS].sort());
    const ext = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    for (const c of ['COMMAND_RESTART_SERVER', 'COMMAND_SHOW_DOCS']) assert.match(ext, new RegExp(`registerCommand\\(${c},`), `extension.ts registers ${c}`);
    const [lang] = pkg.contributes.languages;
    assert.equal(lang.id, LANGUAGE_ID);
    assert.deepEqual(lang.filenames, [...DOCKERFILE_NAMES]);
    assert.deepEqual(lang.filenamePatterns, [...DOCKERFILE_NAME_PATTERNS]);
    assert.deepEqual(pkg.activationEvents, [
      `onLanguage:${LANGUAGE_ID}`,
      ...[...DOCKERFILE_NAMES, ...DOCKERFILE_NAME_PATTERNS].map((n) => `workspaceContains:**/${n}`),
    ]);
    for (const s of pkg.contributes.snippets) {
      assert.equal(s.language, LANGUAGE_ID);
      assert.ok(fs.existsSync(path.join(ROOT, s.path)), `${s.path} exists`);
    }
  });

  it('the VSIX keeps the files the manifest points at (.vscodeignore re-includes them)', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.equal(pkg.main, './dist/extension.js');
    const ext = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(ext, /asAbsolutePath\(SERVER_LAUNCHER\)/);
    assert.equal(pkg.bin['layerwise-language-server'], SERVER_LAUNCHER, 'the extension forks the language-server bin script');
    const bundle = fs.readFileSync(path.join(ROOT, 'scripts', 'bundle.mjs'), 'utf8');
    const needed = ['dist/extension.js', 'dist/server.js', SERVER_LAUNCHER, 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-bash.wasm', 'LICENSE', 'README.md',
      ...pkg.contributes.snippets.map((s: { path: string }) => path.posix.normalize(s.path))];
    for (const f of needed) assert.ok(ignore.includes(`!${f}`), `.vscodeignore re-includes ${f}`);
    for (const f of needed.filter((n) => n.startsWith('dist/'))) assert.ok(bundle.includes(`'${f}'`), `scripts/bundle.mjs writes ${f}`);
    assert.ok(ignore.includes('**'), 'everything else is excluded');
  });
});
