// Keystroke → diagnostics latency over LSP stdio: Layerwise's server and
// dockerfile-language-server-nodejs, driven the same way by the same tiny client.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);

/** A minimal JSON-RPC-over-stdio client: requests, notifications, and server→client requests. */
class StdioLsp {
  constructor(cmd, argv, onRequest) {
    this.proc = spawn(cmd, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.buf = Buffer.alloc(0);
    this.id = 0;
    this.pending = new Map();
    this.listeners = new Set();
    this.onRequest = onRequest;
    this.stderr = '';
    this.proc.stderr.on('data', (d) => { this.stderr += d; });
    this.proc.stdout.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.drain(); });
  }
  drain() {
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, sep).toString());
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString());
      this.buf = this.buf.subarray(sep + 4 + len);
      this.dispatch(msg);
    }
  }
  dispatch(msg) {
    if (msg.id !== undefined && msg.method) { this.send({ jsonrpc: '2.0', id: msg.id, result: this.onRequest(msg) ?? null }); return; }
    if (msg.id !== undefined) { const p = this.pending.get(msg.id); if (p) { this.pending.delete(msg.id); p(msg); } return; }
    for (const l of this.listeners) l(msg);
  }
  send(msg) { const s = JSON.stringify(msg); this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`); }
  request(method, params) { const id = ++this.id; return new Promise((res) => { this.pending.set(id, res); this.send({ jsonrpc: '2.0', id, method, params }); }); }
  notify(method, params) { this.send({ jsonrpc: '2.0', method, params }); }
  waitFor(pred, timeoutMs = 30_000) {
    return new Promise((res, rej) => {
      const t = setTimeout(() => { this.listeners.delete(l); rej(new Error(`timed out after ${timeoutMs} ms`)); }, timeoutMs);
      const l = (m) => { if (pred(m)) { clearTimeout(t); this.listeners.delete(l); res(m); } };
      this.listeners.add(l);
    });
  }
  peakRssMb() {
    try { const s = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'); return Number(/VmHWM:\s+(\d+)/.exec(s)[1]) / 1024; } catch { return NaN; }
  }
  async stop() { try { await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]); this.notify('exit', null); } catch { /* gone */ } setTimeout(() => this.proc.kill('SIGKILL'), 500).unref(); }
}

function pct(sorted, p) { return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]; }

async function drive(server, text, edits, newLines = 0) {
  const uri = 'file:///bench/Dockerfile';
  const isDiag = (v) => (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (m.params.version === undefined || m.params.version === v);
  let first = server.waitFor(isDiag(1), 60_000);
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  await first;
  // Type into the middle of the file: insert a character at the end of a RUN line, then delete it.
  const lines = text.split('\n');
  let line = lines.findIndex((l, i) => i >= lines.length >> 1 && /^RUN /.test(l) && !l.endsWith('\\'));
  if (line < 0) line = lines.length >> 1;
  const col = lines[line].length;
  const times = [];
  for (let k = 0; k < edits; k++) {
    const version = k + 2;
    const change = k % 2 === 0
      ? { range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }
      : { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' };
    const got = server.waitFor(isDiag(version), 60_000);
    const t0 = performance.now();
    server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await got;
    times.push(performance.now() - t0);
  }
  // Then Enter, again and again at the end of that line: each new line moves everything below
  // it, which the kept parses of unchanged text cannot simply reuse.
  const enters = [];
  let version = edits + 2;
  for (let k = 0; k < newLines; k++, version++) {
    const got = server.waitFor(isDiag(version), 60_000);
    const t0 = performance.now();
    server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: line + k, character: k === 0 ? col : 0 }, end: { line: line + k, character: k === 0 ? col : 0 } }, text: '\n' }] });
    await got;
    enters.push(performance.now() - t0);
  }
  server.notify('textDocument/didClose', { textDocument: { uri } });
  times.sort((a, b) => a - b);
  enters.sort((a, b) => a - b);
  return {
    p50: pct(times, 0.5), p95: pct(times, 0.95), max: times[times.length - 1], n: times.length,
    enter: enters.length ? { p50: pct(enters, 0.5), p95: pct(enters, 0.95), max: enters[enters.length - 1], n: enters.length } : null,
  };
}

async function start(kind, root) {
  const t0 = performance.now();
  const s = kind === 'layerwise'
    ? new StdioLsp(process.execPath, [...(process.env.LW_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.LW_PROF] : []), path.join(root, 'bin/layerwise-language-server.js'), '--stdio'], (m) => (m.method === 'workspace/configuration' ? m.params.items.map(() => ({ enable: true, run: 'onType', rules: {}, shellcheck: { enable: false } })) : null))
    : new StdioLsp(process.execPath, [require.resolve('dockerfile-language-server-nodejs/bin/docker-langserver'), '--stdio'], (m) => (m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null));
  const init = await s.request('initialize', {
    processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    // Layerwise debounces typing by default; the bench measures the work, so no debounce.
    initializationOptions: kind === 'layerwise' ? { debounceMs: 0 } : undefined,
  });
  if (init.error) throw new Error(`${kind} initialize failed: ${init.error.message}`);
  s.notify('initialized', {});
  return { server: s, startupMs: performance.now() - t0 };
}

export async function lspSection({ root, generated, quick, table, fmt }) {
  if (!fs.existsSync(path.join(root, 'dist/server.js')) || !fs.existsSync(path.join(root, 'bin/layerwise-language-server.js'))) {
    console.log('\n## LSP\n\nskipped: dist/server.js or bin/layerwise-language-server.js is missing (run `npm run build`)');
    return { available: false };
  }
  const ours = await start('layerwise', root);
  const peer = await start('peer', root);
  const latency = [];
  const rows = [];
  for (const g of generated) {
    const lines = g.text.split('\n').length;
    const edits = lines > 10_000 ? (quick ? 6 : 20) : (quick ? 20 : 100);
    const newLines = lines > 10_000 ? (quick ? 3 : 6) : (quick ? 6 : 20);
    const a = await drive(ours.server, g.text, edits, newLines);
    const b = await drive(peer.server, g.text, edits, newLines);
    latency.push({ lines, layerwise: a, peer: b });
    rows.push([String(lines), `${fmt(a.p50)} / ${fmt(a.p95)} / ${fmt(a.max)}`, `${fmt(b.p50)} / ${fmt(b.p95)} / ${fmt(b.max)}`, `${fmt(a.p50 / b.p50)}×`,
      `${fmt(a.enter.p50)} / ${fmt(a.enter.p95)}`, `${fmt(b.enter.p50)} / ${fmt(b.enter.p95)}`, `${fmt(a.enter.p50 / b.enter.p50)}×`]);
  }
  const peakRssMb = ours.server.peakRssMb();
  const peerRssMb = peer.server.peakRssMb();
  await ours.server.stop();
  await peer.server.stop();
  table('Keystroke → diagnostics over LSP stdio (ms): typing in a line (p50 / p95 / max), then Enter (p50 / p95)', ['lines', 'layerwise', 'dockerfile-language-server-nodejs', 'p50 ratio', 'Enter: layerwise', 'Enter: peer', 'Enter p50 ratio'], rows);
  table('Language server process', ['', 'layerwise', 'dockerfile-language-server-nodejs'], [
    ['start-up to initialize result', `${fmt(ours.startupMs, 0)} ms`, `${fmt(peer.startupMs, 0)} ms`],
    ['peak RSS after the latency runs', `${fmt(peakRssMb, 1)} MB`, `${fmt(peerRssMb, 1)} MB`],
  ]);
  return { available: true, latency, startupMs: { layerwise: ours.startupMs, peer: peer.startupMs }, peakRssMb, peerPeakRssMb: peerRssMb };
}
