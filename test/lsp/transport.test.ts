// How the server is started: `layerwise-language-server --stdio` (the bin), `node
// dist/server.js --node-ipc` (what the VS Code client forks), and the bin's own arguments.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT, SERVER_BIN } from '../helpers/lspClient';
import { version } from '../../package.json';

describe('language server: transports and arguments', () => {
  for (const entry of [SERVER_BIN, path.join(ROOT, 'dist', 'server.js')]) it(`serves over --node-ipc when ${path.relative(ROOT, entry)} is forked (as the VS Code client does)`, async () => {
    const child = fork(entry, ['--node-ipc', `--clientProcessId=${process.pid}`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published: { uri: string; version?: number; diagnostics: { code?: unknown }[] }[] = [];
    conn.onNotification('textDocument/publishDiagnostics', (p: (typeof published)[number]) => { published.push(p); });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    conn.listen();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as { capabilities: { codeActionProvider?: unknown } };
      assert.ok(init.capabilities.codeActionProvider);
      await conn.sendNotification('initialized', {});
      const uri = 'file:///ipc/Dockerfile';
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.20\nADD a /b\n' } });
      for (let i = 0; i < 500 && !published.some((p) => p.uri === uri); i++) await new Promise((r) => setTimeout(r, 10));
      const p = published.find((x) => x.uri === uri);
      assert.ok(p, 'diagnostics over IPC');
      assert.equal(p.version, 1);
      assert.equal(p.diagnostics.filter((d) => d.code === 'DL3020').length, 1);
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('the bin prints its version and usage, and refuses to start without a transport', () => {
    const v = spawnSync(process.execPath, [SERVER_BIN, '--version'], { encoding: 'utf8' });
    assert.equal(v.status, 0);
    assert.equal(v.stdout, `${version}\n`);
    const h = spawnSync(process.execPath, [SERVER_BIN, '--help'], { encoding: 'utf8' });
    assert.equal(h.status, 0);
    assert.match(h.stdout, /^Usage: layerwise-language-server --stdio/);
    const none = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8', timeout: 10000 });
    assert.equal(none.status, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /--stdio \| --node-ipc/);
  });

  it('exits when stdin closes (the editor went away)', () => {
    const r = spawnSync(process.execPath, [SERVER_BIN, '--stdio'], { input: '', encoding: 'utf8', timeout: 10000 });
    assert.notEqual(r.signal, 'SIGTERM', 'still running after stdin closed');
    assert.equal(r.status, 1, 'no shutdown request: exit code 1 as the protocol says');
  });
});
