// The real language server over stdio: capabilities, diagnostics on open / change / save,
// versions, debouncing, settings. Assertions are about DL3020 (other rules change concurrently).
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { LspClient, sleep, type Published } from '../helpers/lspClient';
import { SOURCE, ruleDocsUrl, COMMAND_PIN_DIGEST, COMMAND_CREATE_DOCKERIGNORE_FOR, CODE_ACTION_FIX_ALL, DEFAULT_DEBOUNCE_MS } from '../../shared/constants';

const DOC = 'FROM alpine:3.20\nADD a /b\n';
const dl3020 = (p: Published) => p.diagnostics.filter((d) => d.code === 'DL3020');

describe('language server: initialize', () => {
  let c: LspClient;
  before(async () => { c = await LspClient.start(); });
  after(async () => { await c.stop(); });

  it('advertises incremental sync, save, code action kinds, the pin and create-.dockerignore commands', () => {
    const caps = c.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', CODE_ACTION_FIX_ALL, 'refactor.rewrite'], resolveProvider: true });
    assert.deepEqual(caps.executeCommandProvider, { commands: [COMMAND_PIN_DIGEST, COMMAND_CREATE_DOCKERIGNORE_FOR] });
    assert.equal(c.initializeResult.serverInfo?.name, 'layerwise-language-server');
    assert.equal(DEFAULT_DEBOUNCE_MS, 150);
  });
});

describe('language server: diagnostics', () => {
  let c: LspClient;
  before(async () => { c = await LspClient.start(); });
  after(async () => { await c.stop(); });

  it('publishes DL3020 on open with exact range, source, severity, href and data', async () => {
    const uri = 'file:///ws/open/Dockerfile';
    await c.open(uri, DOC, 1);
    const p = await c.diagnostics(uri, 1);
    const [d, ...rest] = dl3020(p);
    assert.equal(rest.length, 0);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.equal(d.source, SOURCE);
    assert.equal(d.severity, 1);
    assert.equal(d.message, 'Use COPY instead of ADD for local files and folders');
    assert.deepEqual(d.codeDescription, { href: ruleDocsUrl('DL3020') });
    assert.equal(ruleDocsUrl('DL3020'), 'https://github.com/layerwise/layerwise/blob/main/docs/rules/DL3020.md');
    // The data says which version and rule; the fixes are not sent with every publish.
    assert.deepEqual(d.data, { version: 1, name: 'add-instead-of-copy' });
  });

  it('an incremental change publishes diagnostics for the new version', async () => {
    const uri = 'file:///ws/change/Dockerfile';
    await c.open(uri, DOC, 1);
    await c.diagnostics(uri, 1);
    // Insert a line above: DL3020 moves to line 2.
    await c.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'WORKDIR /w\n' }]);
    const p2 = await c.diagnostics(uri, 2);
    assert.deepEqual(dl3020(p2).map((d) => d.range), [{ start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }]);
    // Replace ADD with COPY: DL3020 is gone.
    await c.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, text: 'COPY' }]);
    const p3 = await c.diagnostics(uri, 3);
    assert.equal(dl3020(p3).length, 0);
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = 'file:///ws/close/Dockerfile';
    await c.open(uri, DOC, 1);
    await c.diagnostics(uri, 1);
    const from = c.published.length;
    await c.close(uri);
    const p = await c.waitFor(() => c.published.slice(from).find((x) => x.uri === uri));
    assert.deepEqual(p.diagnostics, []);
  });

  it('a document with CRLF line endings and a BOM-free odd input still lints', async () => {
    const uri = 'file:///ws/crlf/Dockerfile';
    await c.open(uri, 'FROM alpine:3.20\r\n\r\n  add x /y\r\n', 1);
    const p = await c.diagnostics(uri, 1);
    assert.deepEqual(dl3020(p).map((d) => d.range), [{ start: { line: 2, character: 2 }, end: { line: 2, character: 5 } }]);
  });
});

describe('language server: debounce and stale results', () => {
  let c: LspClient;
  before(async () => { c = await LspClient.start({ debounceMs: DEFAULT_DEBOUNCE_MS }); });
  after(async () => { await c.stop(); });

  it('rapid changes publish only the final version', async () => {
    const uri = 'file:///ws/rapid/Dockerfile';
    await c.open(uri, DOC, 1);
    await c.diagnostics(uri, 1);
    const from = c.published.length;
    // Toggle ADD/COPY quickly; the last version has ADD on line 1.
    const texts = ['COPY a /b', 'ADD a /c', 'COPY a /d', 'ADD a /e', 'COPY a /f', 'ADD a /final'];
    let prev = 'ADD a /b';
    for (let i = 0; i < texts.length; i++) {
      await c.change(uri, i + 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: prev.length } }, text: texts[i] }]);
      prev = texts[i];
    }
    const last = texts.length + 1;
    const p = await c.diagnostics(uri, last, from);
    assert.equal(dl3020(p).length, 1);
    await sleep(DEFAULT_DEBOUNCE_MS * 3);
    const after = c.published.slice(from).filter((x) => x.uri === uri);
    assert.deepEqual(after.map((x) => x.version), [last], 'only the final version may be published');
  });

  it('waits for the debounce before linting a change', async () => {
    const uri = 'file:///ws/debounce/Dockerfile';
    await c.open(uri, DOC, 1);
    await c.diagnostics(uri, 1);
    const from = c.published.length;
    const t0 = Date.now();
    await c.change(uri, 2, [{ text: 'FROM alpine:3.20\nCOPY a /b\n' }]);
    const p = await c.diagnostics(uri, 2, from);
    assert.ok(p.at - t0 >= DEFAULT_DEBOUNCE_MS - 10, `published after ${p.at - t0} ms`);
    assert.equal(dl3020(p).length, 0);
  });
});

describe('language server: settings through workspace/configuration', () => {
  let c: LspClient;
  let settings: Record<string, unknown> = {};
  const perUri = new Map<string, Record<string, unknown>>();
  before(async () => {
    c = await LspClient.start({ configuration: (scopeUri, section) => (section === 'layerwise' ? perUri.get(scopeUri ?? '') ?? settings : null) });
  });
  after(async () => { await c.stop(); });

  it('asks for the layerwise section with the document as scope', async () => {
    const uri = 'file:///ws/cfg/scope/Dockerfile';
    await c.open(uri, DOC, 1);
    await c.diagnostics(uri, 1);
    assert.ok(c.configurationRequests.some((r) => r.scopeUri === uri && r.section === 'layerwise'));
  });

  it('layerwise.rules DL3020 off removes the diagnostic (per document scope)', async () => {
    const off = 'file:///ws/cfg/off/Dockerfile';
    const on = 'file:///ws/cfg/on/Dockerfile';
    perUri.set(off, { rules: { DL3020: 'off' } });
    perUri.set(on, { rules: { 'add-instead-of-copy': 'warning' } });
    await c.open(off, DOC, 1);
    await c.open(on, DOC, 1);
    assert.equal(dl3020(await c.diagnostics(off, 1)).length, 0);
    const d = dl3020(await c.diagnostics(on, 1));
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 2, 'warning set by the rule name');
  });

  it('didChangeConfiguration re-lints open documents; enable false publishes nothing', async () => {
    const uri = 'file:///ws/cfg/enable/Dockerfile';
    await c.open(uri, DOC, 1);
    assert.equal(dl3020(await c.diagnostics(uri, 1)).length, 1);
    let from = c.published.length;
    settings = { enable: false };
    await c.notifyServer('workspace/didChangeConfiguration', { settings: null });
    let p = await c.diagnostics(uri, 1, from);
    assert.deepEqual(p.diagnostics, []);
    // Code actions are off too.
    const actions = await c.codeActions(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, [], ['source']);
    assert.deepEqual(actions, []);
    from = c.published.length;
    settings = { rules: { DL3020: 'hint' } };
    await c.notifyServer('workspace/didChangeConfiguration', { settings: null });
    p = await c.diagnostics(uri, 1, from);
    assert.deepEqual(dl3020(p).map((d) => d.severity), [4]);
    settings = {};
  });

  it('run onSave lints on open and on save only', async () => {
    const uri = 'file:///ws/cfg/onsave/Dockerfile';
    perUri.set(uri, { run: 'onSave' });
    await c.open(uri, DOC, 1);
    assert.equal(dl3020(await c.diagnostics(uri, 1)).length, 1);
    const from = c.published.length;
    await c.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'COPY' }]);
    await sleep(300);
    assert.equal(c.published.slice(from).filter((p) => p.uri === uri).length, 0, 'no lint on change');
    await c.save(uri);
    const p = await c.diagnostics(uri, 2, from);
    assert.equal(dl3020(p).length, 0);
  });
});

describe('language server: settings without workspace/configuration', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({
      capabilities: { workspace: { configuration: false } },
      initializationOptions: { settings: { rules: { DL3020: 'off' } } },
    });
  });
  after(async () => { await c.stop(); });

  it('uses initializationOptions, then the pushed didChangeConfiguration settings', async () => {
    const uri = 'file:///ws/push/Dockerfile';
    await c.open(uri, DOC, 1);
    assert.equal(dl3020(await c.diagnostics(uri, 1)).length, 0);
    assert.equal(c.configurationRequests.length, 0);
    const from = c.published.length;
    await c.notifyServer('workspace/didChangeConfiguration', { settings: { layerwise: { rules: { DL3020: 'info' } } } });
    const p = await c.diagnostics(uri, 1, from);
    assert.deepEqual(dl3020(p).map((d) => d.severity), [3]);
  });
});
