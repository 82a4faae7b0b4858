// The language server survives bad input: malformed JSON-RPC, requests about unknown
// documents, odd parameters, odd Dockerfiles, and a rule that throws.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import * as server from 'vscode-languageserver/node';
import { LspClient, type Published } from '../helpers/lspClient';
import { startServer } from '../../server/src/server';
import { allRules, type Rule } from '../../server/src/engine';

const DOC = 'FROM alpine:3.20\nADD a /b\n';
const dl3020 = (p: Published) => p.diagnostics.filter((d) => d.code === 'DL3020');
const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('language server: bad input', () => {
  let c: LspClient;
  before(async () => { c = await LspClient.start(); });
  after(async () => { await c.stop(); });

  async function stillAnswers() {
    const uri = `file:///ws/alive/${Math.random().toString(36).slice(2)}/Dockerfile`;
    await c.open(uri, DOC, 1);
    const p = await c.diagnostics(uri, 1);
    assert.equal(dl3020(p).length, 1, 'the server still lints');
    const actions = await c.codeActions(uri, p.diagnostics[0].range, dl3020(p));
    assert.ok(actions.length > 0, 'the server still answers requests');
  }

  it('malformed JSON-RPC input does not stop the server', async () => {
    const body = '{"jsonrpc":"2.0","id":';
    c.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    c.writeRaw('Content-Length: 7\r\n\r\n[1,2,3]');
    c.writeRaw('Content-Length: 15\r\n\r\n{"jsonrpc":"1"}');
    c.writeRaw('X-Nonsense: yes\r\n\r\n');
    await stillAnswers();
  });

  it('unknown methods get an error answer, and the server goes on', async () => {
    await assert.rejects(c.request('layerwise/noSuchMethod', {}), /Unhandled method|not found/i);
    await stillAnswers();
  });

  it('requests about documents that are not open return empty results', async () => {
    const uri = 'file:///ws/never-opened/Dockerfile';
    assert.deepEqual(await c.codeActions(uri, range, []), []);
    assert.deepEqual(await c.codeActions(uri, range, [], ['source.fixAll.layerwise']), []);
    const r = await c.request<{ applied: boolean }>('workspace/executeCommand', { command: 'layerwise.pinDigest', arguments: [{ uri, line: 0 }] });
    assert.equal(r.applied, false);
    await c.waitFor(() => c.messages.find((m) => m.type === 1 && /document is not open/.test(m.message)));
  });

  it('didChange / didClose / didSave for an unopened document are ignored', async () => {
    const uri = 'file:///ws/unopened/Dockerfile';
    await c.change(uri, 2, [{ range, text: 'ADD x /y\n' }]);
    await c.save(uri);
    await c.close(uri);
    await stillAnswers();
  });

  it('garbage parameters do not crash the server', async () => {
    await c.notifyServer('textDocument/didOpen', { textDocument: null });
    await c.notifyServer('textDocument/didChange', { textDocument: { uri: 42 }, contentChanges: 'x' });
    await c.notifyServer('workspace/didChangeConfiguration', null);
    assert.deepEqual(await c.request('textDocument/codeAction', {}), []);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri: 'file:///x' }, range: null, context: null }), []);
    await c.request('workspace/executeCommand', { command: 'layerwise.pinDigest', arguments: ['nonsense'] });
    await c.request('workspace/executeCommand', { command: 'layerwise.pinDigest' });
    await stillAnswers();
  });

  it('odd Dockerfiles are linted without harm', async () => {
    const texts = [
      '', '\\', '\u0000\u0001\u0002', 'FROM', 'RUN "unterminated \\\n', '# escape=`\nFROM x\nRUN a `\n',
      'FROM a\nRUN <<EOF\nno end', 'ADD', `FROM a\nRUN ${'x '.repeat(5000)}\n`, 'FROM a\nRUN $(((((\n', '\uD800 lone surrogate\n',
    ];
    let n = 0;
    for (const t of texts) {
      const uri = `file:///ws/odd/${n++}/Dockerfile`;
      await c.open(uri, t, 1);
      const p = await c.diagnostics(uri, 1);
      assert.ok(Array.isArray(p.diagnostics));
      await c.codeActions(uri, range, p.diagnostics, undefined);
      await c.codeActions(uri, range, [], ['source.fixAll.layerwise']);
      await c.codeActions(uri, range, [], ['refactor']);
    }
    await stillAnswers();
  });
});

describe('language server: a rule that throws (in process, injected rules)', () => {
  it('is reported once on the console and the other findings still publish', async () => {
    const boom: Rule = {
      meta: { ...allRules.find((r) => r.meta.code === 'DL3020')!.meta, code: 'LW9999', name: 'always-throws', aliases: [] },
      check(model) { throw new Error(`boom in the rule at ${model.text.length}`); },
    };
    const rules = [allRules.find((r) => r.meta.code === 'DL3020')!, boom];
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const conn = server.createConnection(server.ProposedFeatures.all, new server.StreamMessageReader(toServer), new server.StreamMessageWriter(toClient));
    startServer(conn, { rules });
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const logs: { type: number; message: string }[] = [];
    const published: Published[] = [];
    client.onNotification('window/logMessage', (p: { type: number; message: string }) => { logs.push(p); });
    client.onNotification('textDocument/publishDiagnostics', (p: Published) => { published.push(p); });
    client.listen();
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
      await client.sendNotification('initialized', {});
      const uri = 'file:///inproc/Dockerfile';
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: DOC } });
      const wait = async (v: number) => {
        for (let i = 0; i < 200 && !published.some((p) => p.version === v); i++) await new Promise((r) => setTimeout(r, 10));
        return published.find((p) => p.version === v)!;
      };
      const p1 = await wait(1);
      assert.deepEqual(p1.diagnostics.map((d) => d.code), ['DL3020']);
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${DOC}ADD c /d\n` }] });
      const p2 = await wait(2);
      assert.deepEqual(p2.diagnostics.map((d) => d.code), ['DL3020', 'DL3020']);
      const reports = logs.filter((l) => l.message.includes('LW9999'));
      assert.equal(reports.length, 1, JSON.stringify(logs));
      assert.equal(reports[0].type, 1);
      assert.match(reports[0].message, /boom in the rule/);
    } finally {
      client.dispose();
      conn.dispose();
    }
  });
});
