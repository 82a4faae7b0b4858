// The build-context rules in the real language server over stdio: LW1030 on a saved
// Dockerfile whose folder has no .dockerignore, its "Create .dockerignore" action (a CreateFile
// edit), re-linting when a .dockerignore changes (workspace/didChangeWatchedFiles), LW1031's
// append action, the create command, the layerwise.buildContext setting and untitled documents.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspClient, DEFAULT_CAPABILITIES } from '../helpers/lspClient';
import { COMMAND_CREATE_DOCKERIGNORE_FOR, type CreateDockerignoreResult } from '../../shared/constants';
import { IgnoreFile } from '../../server/src/engine/dockerignore';
import { makeTree } from '../helpers/tree';

const RULES = { all: 'off', LW1030: 'on', LW1031: 'on', LW1112: 'on' };
const TEXT = 'FROM node:20\nWORKDIR /app\nCOPY . .\n';
const ours = (ds: Diagnostic[]) => ds.filter((d) => /^LW10(30|31)$|^LW1112$/.test(String(d.code))).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);

let tmp: string;
const project = (files: Record<string, string | null>): string => makeTree(tmp, 'p', files);
const uriOf = (p: string) => pathToFileURL(p).href;

describe('language server: build context', () => {
  let c: LspClient;
  let settings: Record<string, unknown> = { rules: RULES };
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-lsp-ctx-'));
    c = await LspClient.start({
      configuration: () => settings,
      capabilities: { workspace: { ...DEFAULT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
    });
  });
  after(async () => { await c.stop(); fs.rmSync(tmp, { recursive: true, force: true }); });

  it('LW1030 appears, its action creates the .dockerignore, and the diagnostic goes once the file exists', async () => {
    const dir = project({ Dockerfile: TEXT, '.git': null, node_modules: null, 'package.json': '{}' });
    const uri = uriOf(path.join(dir, 'Dockerfile'));
    await c.open(uri, TEXT, 1);
    const p = await c.diagnostics(uri, 1);
    assert.deepEqual(ours(p.diagnostics), ['LW1030@2:5']);
    const d = p.diagnostics.find((x) => x.code === 'LW1030')!;
    assert.match(String(d.message), /including \.git and node_modules/);

    const actions = (await c.codeActions(uri, d.range, [d])) as CodeAction[];
    const create = actions.find((a) => a.title === 'Create .dockerignore');
    assert.ok(create, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(create.kind, 'quickfix');
    assert.notEqual(create.isPreferred, true, 'a suggestion, not the preferred fix');
    const changes = create.edit!.documentChanges!;
    const ignoreUri = uriOf(path.join(dir, '.dockerignore'));
    assert.deepEqual(changes[0], { kind: 'create', uri: ignoreUri, options: { overwrite: false, ignoreIfExists: false } } satisfies CreateFile);
    const te = changes[1] as TextDocumentEdit;
    assert.deepEqual(te.textDocument, { uri: ignoreUri, version: null });
    assert.equal(changes.length, 2, 'the Dockerfile itself is not edited');
    const content = (te.edits[0] as { newText: string }).newText;
    const m = new IgnoreFile(content);
    assert.deepEqual(['.git', 'node_modules', '.env', 'package.json'].map((x) => m.excludes(x)), [true, true, true, false]);

    // The editor applies it; the client's watcher reports the new file.
    fs.writeFileSync(path.join(dir, '.dockerignore'), content);
    const from = c.published.length;
    await c.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: ignoreUri, type: 1 }] });
    const q = await c.diagnostics(uri, 1, from);
    assert.deepEqual(ours(q.diagnostics), []);
  });

  it('LW1031 offers to append what is missing; a change to the file re-lints', async () => {
    const dir = project({ Dockerfile: TEXT, '.git': null, '.env': 'K=v\n', '.dockerignore': '# mine\n.git\n' });
    const uri = uriOf(path.join(dir, 'Dockerfile'));
    await c.open(uri, TEXT, 1);
    const p = await c.diagnostics(uri, 1);
    assert.deepEqual(ours(p.diagnostics), ['LW1031@2:5']);
    const d = p.diagnostics[0];
    const actions = (await c.codeActions(uri, d.range, [d])) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add .env to .dockerignore');
    assert.ok(add, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const ignoreUri = uriOf(path.join(dir, '.dockerignore'));
    assert.deepEqual(add.edit!.documentChanges, [{ textDocument: { uri: ignoreUri, version: null }, edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '.env\n' }] }]);

    fs.appendFileSync(path.join(dir, '.dockerignore'), '.env\n');
    const from = c.published.length;
    await c.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: ignoreUri, type: 2 }] });
    assert.deepEqual(ours((await c.diagnostics(uri, 1, from)).diagnostics), []);
  });

  it('the create command writes a .dockerignore through workspace/applyEdit', async () => {
    const dir = project({ Dockerfile: TEXT, '.git': null });
    const uri = uriOf(path.join(dir, 'Dockerfile'));
    await c.open(uri, TEXT, 1);
    await c.diagnostics(uri, 1);
    const before = c.applyEdits.length;
    const r = await c.request<CreateDockerignoreResult>('workspace/executeCommand', { command: COMMAND_CREATE_DOCKERIGNORE_FOR, arguments: [{ uri }] });
    assert.equal(r.applied, true);
    assert.equal(r.path, path.join(dir, '.dockerignore'));
    const req = c.applyEdits[before];
    assert.equal((req.edit.documentChanges![0] as CreateFile).kind, 'create');
    // Once it exists and excludes everything sensitive, the command says so instead.
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    const again = await c.request<CreateDockerignoreResult>('workspace/executeCommand', { command: COMMAND_CREATE_DOCKERIGNORE_FOR, arguments: [{ uri }] });
    assert.equal(again.applied, false);
    assert.match(again.message, /already exists/);
    assert.equal(c.applyEdits.length, before + 1);
  });

  it('layerwise.buildContext names another folder (relative to the workspace folder or absolute)', async () => {
    const dir = project({ 'docker/Dockerfile': 'FROM alpine:3.20\nCOPY build/app /app\n', '.dockerignore': 'build\n', build: null });
    settings = { rules: RULES, buildContext: dir };
    try {
      const uri = uriOf(path.join(dir, 'docker', 'Dockerfile'));
      await c.open(uri, 'FROM alpine:3.20\nCOPY build/app /app\n', 1);
      const p = await c.diagnostics(uri, 1);
      assert.deepEqual(ours(p.diagnostics), ['LW1112@1:5']);
    } finally { settings = { rules: RULES }; }
  });

  it('untitled documents have no build context', async () => {
    const uri = 'untitled:Untitled-7';
    await c.open(uri, TEXT, 1);
    assert.deepEqual(ours((await c.diagnostics(uri, 1)).diagnostics), []);
  });
});

describe('language server: build context without file creation', () => {
  let c: LspClient;
  before(async () => { c = await LspClient.start({ configuration: () => ({ rules: RULES }) }); });
  after(async () => { await c.stop(); });

  it('does not offer "Create .dockerignore" when the client cannot create files, but still offers the append', async () => {
    const a = project({ Dockerfile: TEXT, '.git': null });
    const ua = uriOf(path.join(a, 'Dockerfile'));
    await c.open(ua, TEXT, 1);
    const pa = await c.diagnostics(ua, 1);
    assert.deepEqual(ours(pa.diagnostics), ['LW1030@2:5']);
    const ta = ((await c.codeActions(ua, pa.diagnostics[0].range, pa.diagnostics)) as CodeAction[]).map((x) => x.title);
    assert.ok(!ta.includes('Create .dockerignore'), ta.join(' | '));
    assert.ok(ta.includes('Disable LW1030 for this instruction'));

    const b = project({ Dockerfile: TEXT, '.git': null, '.dockerignore': '*.log\n' });
    const ub = uriOf(path.join(b, 'Dockerfile'));
    await c.open(ub, TEXT, 1);
    const pb = await c.diagnostics(ub, 1);
    const tb = ((await c.codeActions(ub, pb.diagnostics[0].range, pb.diagnostics)) as CodeAction[]).map((x) => x.title);
    assert.ok(tb.includes('Add .git to .dockerignore'), tb.join(' | '));
  });
});
