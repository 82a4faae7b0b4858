// ShellCheck through the real language server over stdio: its diagnostics follow the engine's
// for the same version, at exact positions, with code actions; stale versions are never
// published; a missing executable is one log line; and in an untrusted workspace a ShellCheck
// path from workspace settings is never executed (a fake that would leave a marker file).
// Needs the installed ShellCheck (CI apt-installs it): these tests fail without it.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, applyWorkspaceEdit, sleep, type Published } from '../helpers/lspClient';
import { COMMAND_SHOW_DOCS, SOURCE } from '../../shared/constants';
import { resolveExecutable } from '../../server/src/host/shellcheck';

const MISSING = 'ShellCheck is required for these tests (apt-get install shellcheck; CI installs it)';
const sc = (p: Published | undefined) => (p?.diagnostics ?? []).filter((d) => /^SC\d{4}$/.test(String(d.code)));
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code}`).sort();
let seq = 0;
const newUri = (name: string) => `file:///ws/shellcheck/${name}/${++seq}/Dockerfile`;

/** The first publication for `uri`/`version` that has ShellCheck diagnostics. */
function withShellcheck(c: LspClient, uri: string, version: number, timeoutMs = 8000): Promise<Published> {
  return c.waitFor(() => c.publishedFor(uri).find((p) => p.version === version && sc(p).length > 0), timeoutMs, `ShellCheck diagnostics for ${uri} v${version}`);
}

describe('language server: ShellCheck diagnostics', () => {
  let c: LspClient;
  before(async () => {
    assert.ok(resolveExecutable('shellcheck'), MISSING);
    c = await LspClient.start();
  });
  after(async () => { await c.stop(); });

  const TEXT = 'FROM alpine:3.20\nADD a /b\nRUN apk add --no-cache curl \\\n    && echo $lower_var\n';

  it('publishes the engine\'s diagnostics at once, then ShellCheck\'s for the same version, at exact positions', async () => {
    const uri = newUri('arrive');
    await c.open(uri, TEXT, 1);
    const first = await c.diagnostics(uri, 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'DL3020'), 'engine diagnostics first');
    assert.deepEqual(sc(first), [], 'not waiting for ShellCheck');
    const p = await withShellcheck(c, uri, 1);
    assert.deepEqual(codes(sc(p)), ['4:13-4:23 SC2086', '4:13-4:23 SC2154']);
    assert.ok(p.diagnostics.some((d) => d.code === 'DL3020'), 'the engine\'s diagnostics are still there');
    const d = sc(p).find((x) => x.code === 'SC2154')!;
    assert.equal(d.source, SOURCE);
    assert.equal(d.severity, 2);
    assert.equal(d.message, 'lower_var is referenced but not assigned.');
    assert.deepEqual(d.codeDescription, { href: 'https://www.shellcheck.net/wiki/SC2154' });
  });

  it('code actions: ShellCheck\'s fix as a quick fix, disable for this instruction, the wiki page', async () => {
    const uri = newUri('actions');
    await c.open(uri, TEXT, 1);
    const p = await withShellcheck(c, uri, 1);
    const d = sc(p).find((x) => x.code === 'SC2086')!;
    const actions = (await c.codeActions(uri, d.range, [d], ['quickfix'])) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ["Apply ShellCheck's fix for SC2086", 'Disable SC2086 for this instruction', 'Show documentation for SC2086']);
    assert.equal(applyWorkspaceEdit(TEXT, actions[0].edit!, uri), TEXT.replace('$lower_var', '"$lower_var"'));
    assert.equal(actions[0].isPreferred, undefined, 'a suggestion, not preferred');
    assert.equal(applyWorkspaceEdit(TEXT, actions[1].edit!, uri), TEXT.replace('RUN apk', '# layerwise ignore=SC2086\nRUN apk'));
    assert.deepEqual(actions[2].command, { title: 'Show documentation for SC2086', command: COMMAND_SHOW_DOCS, arguments: ['https://www.shellcheck.net/wiki/SC2086'] });
    // The inserted pragma silences it.
    await c.change(uri, 2, [{ text: applyWorkspaceEdit(TEXT, actions[1].edit!, uri) }]);
    const p2 = await withShellcheck(c, uri, 2);
    assert.deepEqual(codes(sc(p2)), ['5:13-5:23 SC2154']);
  });

  it('an edit elsewhere publishes the unchanged RUN\'s ShellCheck findings at once (cached), moved with the text', async () => {
    const uri = newUri('cached');
    await c.open(uri, TEXT, 1);
    await withShellcheck(c, uri, 1);
    const from = c.published.length;
    await c.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'WORKDIR /app\n' }]);
    const p = await c.diagnostics(uri, 2, from);
    assert.deepEqual(codes(sc(p)), ['5:13-5:23 SC2086', '5:13-5:23 SC2154'], 'in the first publication of version 2');
  });

  it('rapid edits: no publication for a version older than one already published', async () => {
    const uri = newUri('stale');
    await c.open(uri, TEXT, 1);
    for (let v = 2; v <= 8; v++) {
      await c.change(uri, v, [{ text: TEXT.replace('lower_var', `var_${v}`) }]);
      await sleep(5);
    }
    const last = await withShellcheck(c, uri, 8);
    assert.deepEqual(codes(sc(last)), ['4:13-4:19 SC2086', '4:13-4:19 SC2154']);
    await sleep(500);
    const versions = c.publishedFor(uri).map((p) => p.version!);
    for (let k = 1; k < versions.length; k++) assert.ok(versions[k] >= versions[k - 1], `published in order: ${versions.join(', ')}`);
    assert.equal(versions.at(-1), 8);
    assert.deepEqual(codes(sc(c.publishedFor(uri).at(-1))), ['4:13-4:19 SC2086', '4:13-4:19 SC2154']);
  });
});

describe('language server: ShellCheck settings', () => {
  let c: LspClient;
  let settings: Record<string, unknown> = {};
  before(async () => {
    assert.ok(resolveExecutable('shellcheck'), MISSING);
    c = await LspClient.start({ initializationOptions: { trustedWorkspace: true }, configuration: (_u, section) => (section === 'layerwise' ? settings : null) });
  });
  after(async () => { await c.stop(); });

  it('layerwise.shellcheck.enable false: no ShellCheck diagnostics; layerwise.rules applies to SC codes', async () => {
    settings = { shellcheck: { enable: false } };
    const uri = newUri('off');
    await c.open(uri, 'FROM alpine:3.20\nRUN echo $lower_var\n', 1);
    await c.diagnostics(uri, 1);
    await sleep(800);
    assert.deepEqual(c.publishedFor(uri).flatMap(sc), []);
    settings = { rules: { SC2086: 'off', SC2154: 'error' } };
    await c.notifyServer('workspace/didChangeConfiguration', { settings: null });
    const p = await c.waitFor(() => c.publishedFor(uri).find((x) => sc(x).length > 0), 8000, 'ShellCheck after enabling');
    assert.deepEqual(sc(p).map((d) => [d.code, d.severity]), [['SC2154', 1]]);
    settings = {};
  });

  it('a missing executable: engine diagnostics as usual, one log line however often it lints', async () => {
    settings = { shellcheck: { path: '/nonexistent/shellcheck' } };
    await c.notifyServer('workspace/didChangeConfiguration', { settings: null });
    const uri = newUri('missing');
    await c.open(uri, 'FROM alpine:3.20\nADD a /b\nRUN echo $lower_var\n', 1);
    assert.ok((await c.diagnostics(uri, 1)).diagnostics.some((d) => d.code === 'DL3020'));
    for (let v = 2; v <= 4; v++) { await c.change(uri, v, [{ text: `FROM alpine:3.20\nADD a /b\nRUN echo $v${v}\n` }]); await c.diagnostics(uri, v); }
    await sleep(300);
    assert.deepEqual(c.publishedFor(uri).flatMap(sc), []);
    const lines = c.logs.filter((l) => l.message.includes('/nonexistent/shellcheck'));
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.match(lines[0].message, /not an executable file.*RUN bodies are not checked with ShellCheck/);
    settings = {};
  });
});

describe('language server: the ShellCheck path in untrusted and trusted workspaces', () => {
  let dir: string;
  let fake: string;
  let marker: string;
  before(() => {
    assert.ok(resolveExecutable('shellcheck'), MISSING);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lw-lsp-sc-'));
    marker = path.join(dir, 'executed');
    fake = path.join(dir, 'workspace-shellcheck.sh');
    // What a hostile repository could name in .vscode/settings.json: it leaves a marker.
    fs.writeFileSync(fake, `#!/bin/sh\necho "$@" >> "${marker}"\nif [ "$1" = "--version" ]; then echo "version: 0.9.0"; exit 0; fi\ncat >/dev/null\necho '{"comments":[{"file":"-","line":1,"endLine":1,"column":1,"endColumn":5,"level":"error","code":9999,"message":"from the workspace program"}]}'\n`, { mode: 0o755 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const TEXT = 'FROM alpine:3.20\nRUN echo $lower_var\n';
  const workspaceSettings = () => ({ shellcheck: { enable: true, path: fake } });

  it('untrusted: the workspace\'s path is not executed; the ShellCheck on PATH is', async () => {
    if (fs.existsSync(marker)) fs.rmSync(marker);
    const c = await LspClient.start({ initializationOptions: { trustedWorkspace: false }, configuration: (_u, s) => (s === 'layerwise' ? workspaceSettings() : null) });
    try {
      const uri = newUri('untrusted');
      await c.open(uri, TEXT, 1);
      const p = await withShellcheck(c, uri, 1);
      assert.deepEqual(codes(sc(p)), ['2:10-2:20 SC2086', '2:10-2:20 SC2154'], 'the real ShellCheck ran');
      await sleep(300);
      assert.equal(fs.existsSync(marker), false, 'the workspace program was not executed');
    } finally { await c.stop(); }
  });

  it('untrusted: a path from initializationOptions (the client takes it from user settings) is used', async () => {
    if (fs.existsSync(marker)) fs.rmSync(marker);
    const c = await LspClient.start({
      initializationOptions: { trustedWorkspace: false, settings: { shellcheck: { enable: true, path: fake } } },
      configuration: (_u, s) => (s === 'layerwise' ? { shellcheck: { path: '/nonexistent/from-workspace' } } : null),
    });
    try {
      const uri = newUri('user');
      await c.open(uri, TEXT, 1);
      const p = await withShellcheck(c, uri, 1);
      assert.deepEqual(codes(sc(p)), ['2:5-2:9 SC9999']);
      assert.ok(fs.existsSync(marker));
    } finally { await c.stop(); }
  });

  it('trusted: the workspace\'s path is executed', async () => {
    if (fs.existsSync(marker)) fs.rmSync(marker);
    const c = await LspClient.start({ initializationOptions: { trustedWorkspace: true }, configuration: (_u, s) => (s === 'layerwise' ? workspaceSettings() : null) });
    try {
      const uri = newUri('trusted');
      await c.open(uri, TEXT, 1);
      const p = await withShellcheck(c, uri, 1);
      assert.deepEqual(codes(sc(p)), ['2:5-2:9 SC9999']);
      assert.equal(sc(p)[0].message, 'from the workspace program');
      const calls = fs.readFileSync(marker, 'utf8').trim().split('\n');
      assert.equal(calls[0], '--version');
      assert.match(calls[1], /^--format=json1 --shell=sh --exclude=\S+ --norc -$/);
    } finally { await c.stop(); }
  });
});
