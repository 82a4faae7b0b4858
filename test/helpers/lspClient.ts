// A small LSP test client: spawns the real language server (`node
// bin/layerwise-language-server.js --stdio`, i.e. the dist/server.js bundle) and talks
// JSON-RPC to it over stdio. Records what the server sends and answers the requests a client
// must answer (workspace/configuration, workspace/applyEdit, client/registerCapability).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, CodeAction, Command, Diagnostic, InitializeResult, Range, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BIN = path.join(ROOT, 'bin', 'layerwise-language-server.js');

export interface Published { uri: string; version?: number; diagnostics: Diagnostic[]; at: number }
export interface ShownMessage { type: number; message: string }
export interface ApplyEditRequest { label?: string; edit: WorkspaceEdit }

export interface StartOptions {
  /** Merged over the default capabilities (configuration pull, applyEdit, documentChanges). */
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Answers workspace/configuration per item; default: `{}` for every item. */
  configuration?: (scopeUri: string | undefined, section: string | undefined) => unknown;
  env?: NodeJS.ProcessEnv;
  /** Default 20 ms: tests do not need to wait for the editor's debounce. */
  debounceMs?: number;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } },
      isPreferredSupport: true, dataSupport: true,
    },
  },
};

export class LspClient {
  readonly published: Published[] = [];
  readonly messages: ShownMessage[] = [];
  readonly logs: ShownMessage[] = [];
  readonly applyEdits: ApplyEditRequest[] = [];
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  stderr = '';
  configuration: NonNullable<StartOptions['configuration']>;
  applyEditResult: { applied: boolean; failureReason?: string } = { applied: true };
  initializeResult!: InitializeResult;
  private waiters = new Set<() => void>();
  private exited = false;

  private constructor(readonly proc: ChildProcess, readonly conn: MessageConnection, opts: StartOptions) {
    this.configuration = opts.configuration ?? (() => ({}));
    proc.stderr!.on('data', (d) => { this.stderr += d; });
    proc.on('exit', () => { this.exited = true; this.notify(); });
    conn.onNotification('textDocument/publishDiagnostics', (p: Omit<Published, 'at'>) => { this.published.push({ ...p, at: Date.now() }); this.notify(); });
    conn.onNotification('window/showMessage', (p: ShownMessage) => { this.messages.push(p); this.notify(); });
    conn.onNotification('window/logMessage', (p: ShownMessage) => { this.logs.push(p); this.notify(); });
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests.push(...p.items);
      this.notify();
      return p.items.map((i) => this.configuration(i.scopeUri, i.section));
    });
    conn.onRequest('workspace/applyEdit', (p: ApplyEditRequest) => { this.applyEdits.push(p); this.notify(); return this.applyEditResult; });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/showMessageRequest', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
  }

  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, opts);
    conn.listen();
    const capabilities = mergeDeep(DEFAULT_CAPABILITIES, opts.capabilities ?? {});
    const initializationOptions = { debounceMs: opts.debounceMs ?? 20, ...(opts.initializationOptions as object ?? {}) };
    client.initializeResult = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await conn.sendNotification('initialized', {});
    return client;
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> { return this.conn.sendRequest(method, params) as Promise<R>; }
  notifyServer(method: string, params: unknown): Promise<void> { return this.conn.sendNotification(method, params); }

  open(uri: string, text: string, version = 1, languageId = 'dockerfile'): Promise<void> {
    return this.notifyServer('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }
  change(uri: string, version: number, changes: ({ range: Range; text: string } | { text: string })[]): Promise<void> {
    return this.notifyServer('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }
  save(uri: string): Promise<void> { return this.notifyServer('textDocument/didSave', { textDocument: { uri } }); }
  close(uri: string): Promise<void> { return this.notifyServer('textDocument/didClose', { textDocument: { uri } }); }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(CodeAction | Command)[]> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  /** Resolves with `check()`'s first truthy value, re-checked whenever the server sends something. */
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 8000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const tryIt = () => {
        let v: T | undefined | null | false;
        try { v = check(); } catch (e) { done(); reject(e); return; }
        if (v) { done(); resolve(v); }
        else if (this.exited) { done(); reject(new Error(`server exited while waiting for ${what}; stderr: ${this.stderr}`)); }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
      const done = () => { clearTimeout(timer); this.waiters.delete(tryIt); };
      this.waiters.add(tryIt);
      tryIt();
    });
  }

  /**
   * The first diagnostics published for `uri` (at `version` when given) after index `from`.
   * 20 s: the first lint of a fresh server also compiles the shell parser's WASM, which on a
   * loaded 2-core machine took more than 8 s once.
   */
  diagnostics(uri: string, version?: number, from = 0): Promise<Published> {
    return this.waitFor(() => this.published.slice(from).find((p) => p.uri === uri && (version === undefined || p.version === version)), 20_000, `diagnostics for ${uri} v${version}`);
  }

  publishedFor(uri: string): Published[] { return this.published.filter((p) => p.uri === uri); }

  /** Writes raw bytes to the server's stdin (malformed-input tests). */
  writeRaw(data: string | Buffer): void { this.proc.stdin!.write(data); }

  async stop(): Promise<void> {
    if (this.exited) { this.conn.dispose(); return; }
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), sleep(2000)]);
      await this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    const t = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
    this.conn.dispose();
  }

  private notify() { for (const w of [...this.waiters]) w(); }
}

export function sleep(ms: number): Promise<void> { return new Promise((r) => setTimeout(r, ms)); }

/** Applies a WorkspaceEdit's edits for `uri` to `text` (documentChanges or changes). */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  if (!edit) throw new Error('no edit');
  const edits: TextEdit[] = [];
  if (edit.documentChanges) {
    for (const dc of edit.documentChanges) if ('textDocument' in dc && dc.textDocument.uri === uri) edits.push(...(dc.edits as TextEdit[]));
  }
  if (edit.changes?.[uri]) edits.push(...edit.changes[uri]);
  return applyTextEdits(text, edits);
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, text.length));
  const abs = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of abs) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

function mergeDeep<T>(a: T, b: unknown): T {
  if (!b || typeof b !== 'object' || Array.isArray(b)) return (b === undefined ? a : b) as T;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' ? mergeDeep(out[k], v) : v;
  }
  return out as T;
}
