// Code actions of the real language server over stdio: quick fixes, fix all of one rule,
// disable for one instruction, show documentation, source.fixAll.layerwise, RUN → exec form.
// Only DL3020 runs (settings: all off, DL3020 on), so result texts are exact.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { LspClient, applyWorkspaceEdit, type Published } from '../helpers/lspClient';
import { COMMAND_SHOW_DOCS, CODE_ACTION_FIX_ALL, ruleDocsUrl } from '../../shared/constants';

const ONLY_DL3020 = { rules: { all: 'off', DL3020: 'error' } };
const at = (line: number, character = 0): Range => ({ start: { line, character }, end: { line, character } });
const dl3020 = (p: Published) => p.diagnostics.filter((d) => d.code === 'DL3020');

let seq = 0;
async function openDoc(c: LspClient, text: string): Promise<{ uri: string; diags: Diagnostic[] }> {
  const uri = `file:///ws/actions/${++seq}/Dockerfile`;
  await c.open(uri, text, 1);
  const p = await c.diagnostics(uri, 1);
  return { uri, diags: dl3020(p) };
}
async function actionsFor(c: LspClient, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return (await c.codeActions(uri, range, diagnostics, only)) as CodeAction[];
}
function byTitle(actions: CodeAction[], title: string): CodeAction {
  const a = actions.find((x) => x.title === title);
  assert.ok(a, `no action "${title}" among ${JSON.stringify(actions.map((x) => x.title))}`);
  return a;
}

describe('language server: code actions', () => {
  let c: LspClient;
  before(async () => { c = await LspClient.start({ configuration: () => ONLY_DL3020 }); });
  after(async () => { await c.stop(); });

  it('offers the quick fix, disable and docs actions for a DL3020 diagnostic', async () => {
    const text = 'FROM alpine:3.20\nADD a /b\n';
    const { uri, diags } = await openDoc(c, text);
    assert.equal(diags.length, 1);
    const actions = await actionsFor(c, uri, diags[0].range, diags);
    assert.deepEqual(actions.map((a) => a.title), ['Replace ADD with COPY', 'Disable DL3020 for this instruction', 'Show documentation for DL3020']);
    const fix = actions[0];
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, diags);
    assert.deepEqual(fix.edit, { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: diags[0].range, newText: 'COPY' }] }] });
    assert.equal(applyWorkspaceEdit(text, fix.edit, uri), 'FROM alpine:3.20\nCOPY a /b\n');
  });

  it('show documentation is a command carrying the rule page URL', async () => {
    const { uri, diags } = await openDoc(c, 'FROM alpine:3.20\nADD a /b\n');
    const a = byTitle(await actionsFor(c, uri, diags[0].range, diags), 'Show documentation for DL3020');
    assert.equal(a.edit, undefined);
    assert.deepEqual(a.command, { title: 'Show documentation for DL3020', command: COMMAND_SHOW_DOCS, arguments: [ruleDocsUrl('DL3020')] });
  });

  it('fix all DL3020 in this file applies every DL3020 fix', async () => {
    const text = 'FROM alpine:3.20\nADD a /b\nRUN true\nadd c /d\nADD e f /g/\n';
    const { uri, diags } = await openDoc(c, text);
    assert.equal(diags.length, 3);
    const actions = await actionsFor(c, uri, diags[0].range, [diags[0]]);
    const a = byTitle(actions, 'Fix all DL3020 in this file');
    assert.equal(a.kind, 'quickfix');
    assert.equal(applyWorkspaceEdit(text, a.edit, uri), 'FROM alpine:3.20\nCOPY a /b\nRUN true\ncopy c /d\nCOPY e f /g/\n');
    // The edit touches only the lines that change.
    const edits = (a.edit!.documentChanges![0] as { edits: { range: Range }[] }).edits;
    assert.deepEqual(edits[0].range, { start: { line: 1, character: 0 }, end: { line: 5, character: 0 } });
  });

  it('disable inserts a layerwise ignore comment above the instruction, keeping indentation and CRLF', async () => {
    const text = 'FROM alpine:3.20\r\nRUN true\r\n  ADD a /b\r\n';
    const { uri, diags } = await openDoc(c, text);
    const a = byTitle(await actionsFor(c, uri, diags[0].range, diags), 'Disable DL3020 for this instruction');
    const out = applyWorkspaceEdit(text, a.edit, uri);
    assert.equal(out, 'FROM alpine:3.20\r\nRUN true\r\n  # layerwise ignore=DL3020\r\n  ADD a /b\r\n');
    // The comment works: the finding is gone.
    const again = await openDoc(c, out);
    assert.equal(again.diags.length, 0);
  });

  it('disable appends to a layerwise ignore comment directly above', async () => {
    const text = 'FROM alpine:3.20\n# layerwise ignore=DL3059   \nADD a \\\n  /b\n';
    const { uri, diags } = await openDoc(c, text);
    const a = byTitle(await actionsFor(c, uri, diags[0].range, diags), 'Disable DL3020 for this instruction');
    assert.equal(applyWorkspaceEdit(text, a.edit, uri), 'FROM alpine:3.20\n# layerwise ignore=DL3059,DL3020   \nADD a \\\n  /b\n');
  });

  it('source.fixAll.layerwise returns one whole-document edit of the safe fixes', async () => {
    const text = 'FROM alpine:3.20\nADD a /b\nADD c /d\n';
    const { uri } = await openDoc(c, text);
    for (const only of [[CODE_ACTION_FIX_ALL], ['source.fixAll'], ['source']]) {
      const actions = await actionsFor(c, uri, at(0), [], only);
      assert.equal(actions.length, 1, `only=${only}`);
      assert.equal(actions[0].kind, CODE_ACTION_FIX_ALL);
      assert.equal(applyWorkspaceEdit(text, actions[0].edit, uri), 'FROM alpine:3.20\nCOPY a /b\nCOPY c /d\n');
    }
    // Not without being asked, nor for other kinds.
    assert.equal((await actionsFor(c, uri, at(0), [])).filter((a) => a.kind === CODE_ACTION_FIX_ALL).length, 0);
    assert.deepEqual(await actionsFor(c, uri, at(0), [], ['quickfix']), []);
  });

  it('source.fixAll.layerwise on a clean document returns nothing', async () => {
    const { uri } = await openDoc(c, 'FROM alpine:3.20\nCOPY a /b\n');
    assert.deepEqual(await actionsFor(c, uri, at(0), [], [CODE_ACTION_FIX_ALL]), []);
  });

  it('converts a shell-form RUN under the cursor to exec form (refactor.rewrite)', async () => {
    const text = 'FROM alpine:3.20\nRUN apt-get update\nRUN a | b\n';
    const { uri } = await openDoc(c, text);
    const [a] = await actionsFor(c, uri, at(1, 5), [], ['refactor']);
    assert.equal(a.title, 'Convert RUN to exec form');
    assert.equal(a.kind, 'refactor.rewrite');
    assert.equal(applyWorkspaceEdit(text, a.edit, uri), 'FROM alpine:3.20\nRUN ["apt-get", "update"]\nRUN a | b\n');
    const [b] = await actionsFor(c, uri, at(2), [], ['refactor.rewrite']);
    assert.equal(b.title, 'Convert RUN to exec form (through /bin/sh -c)');
    assert.equal(applyWorkspaceEdit(text, b.edit, uri), 'FROM alpine:3.20\nRUN apt-get update\nRUN ["/bin/sh", "-c", "a | b"]\n');
    // Not on an exec-form RUN, not when only quick fixes are asked for.
    const { uri: u2 } = await openDoc(c, 'FROM alpine:3.20\nRUN ["true"]\n');
    assert.deepEqual(await actionsFor(c, u2, at(1), [], ['refactor']), []);
    assert.deepEqual(await actionsFor(c, uri, at(1), [], ['quickfix']), []);
  });

  it('code actions reuse the lint of the current version', async () => {
    const { uri, diags } = await openDoc(c, 'FROM alpine:3.20\nADD a /b\nADD c /d\n');
    const before = await c.request<{ lintRuns: number }>('layerwise/stats', null);
    await actionsFor(c, uri, diags[0].range, diags);
    await actionsFor(c, uri, diags[1].range, diags);
    await actionsFor(c, uri, at(1), [], ['refactor']);
    const after = await c.request<{ lintRuns: number }>('layerwise/stats', null);
    assert.ok(before.lintRuns > 0);
    assert.equal(after.lintRuns, before.lintRuns);
    // A new version is linted once, for its diagnostics, and its actions reuse that.
    await c.change(uri, 2, [{ range: at(3), text: 'ADD e /f\n' }]);
    const p = await c.diagnostics(uri, 2);
    assert.equal(dl3020(p).length, 3);
    await actionsFor(c, uri, p.diagnostics[0].range, p.diagnostics);
    const later = await c.request<{ lintRuns: number }>('layerwise/stats', null);
    assert.equal(later.lintRuns, before.lintRuns + 1);
  });

  it('a diagnostic from an older version whose finding moved gets no fix', async () => {
    const text = 'FROM alpine:3.20\nADD a /b\n';
    const { uri, diags } = await openDoc(c, text);
    await c.change(uri, 2, [{ range: at(1), text: 'WORKDIR /w\n' }]);
    await c.diagnostics(uri, 2);
    const actions = await actionsFor(c, uri, diags[0].range, diags);
    assert.equal(actions.filter((a) => a.title === 'Replace ADD with COPY').length, 0);
  });
});

describe('language server: code actions for a client without documentChanges', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ configuration: () => ONLY_DL3020, capabilities: { workspace: { workspaceEdit: { documentChanges: false } } } });
  });
  after(async () => { await c.stop(); });

  it('uses WorkspaceEdit.changes', async () => {
    const { uri, diags } = await openDoc(c, 'FROM alpine:3.20\nADD a /b\n');
    const a = byTitle(await actionsFor(c, uri, diags[0].range, diags), 'Replace ADD with COPY');
    assert.deepEqual(a.edit, { changes: { [uri]: [{ range: diags[0].range, newText: 'COPY' }] } });
  });
});

describe('language server: fix-all edits resolved lazily (codeAction/resolve)', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({
      configuration: () => ONLY_DL3020,
      capabilities: { textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } },
    });
  });
  after(async () => { await c.stop(); });

  it('offers fix-all actions without an edit, and resolves the edit when chosen', async () => {
    const text = 'FROM alpine:3.20\nADD a /b\nADD c /d\n';
    const { uri, diags } = await openDoc(c, text);
    const before = await c.request<{ lintRuns: number }>('layerwise/stats', null);
    const [source] = await actionsFor(c, uri, at(0), [], [CODE_ACTION_FIX_ALL]);
    const fixCode = byTitle(await actionsFor(c, uri, diags[0].range, [diags[0]]), 'Fix all DL3020 in this file');
    const after = await c.request<{ lintRuns: number }>('layerwise/stats', null);
    assert.equal(after.lintRuns, before.lintRuns, 'no fix-all pass while listing actions');
    for (const a of [source, fixCode]) {
      assert.equal(a.edit, undefined);
      const resolved = await c.request<CodeAction>('codeAction/resolve', a);
      assert.equal(resolved.title, a.title);
      assert.equal(applyWorkspaceEdit(text, resolved.edit, uri), 'FROM alpine:3.20\nCOPY a /b\nCOPY c /d\n');
    }
    // Nothing safe to fix: no source action at all.
    const clean = await openDoc(c, 'FROM alpine:3.20\n');
    assert.deepEqual(await actionsFor(c, clean.uri, at(0), [], [CODE_ACTION_FIX_ALL]), []);
  });

  it('resolving an action of a closed document leaves it without an edit', async () => {
    const { uri } = await openDoc(c, 'FROM alpine:3.20\nADD a /b\n');
    const [source] = await actionsFor(c, uri, at(0), [], [CODE_ACTION_FIX_ALL]);
    await c.close(uri);
    const resolved = await c.request<CodeAction>('codeAction/resolve', source);
    assert.equal(resolved.edit, undefined);
  });
});
