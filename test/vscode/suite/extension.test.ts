// The extension in a real VS Code: it activates, the server publishes DL3020 for the fixture,
// and the quick fix it offers turns ADD into COPY. Run by ./index.ts in the extension host.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_CREATE_DOCKERIGNORE, COMMAND_RESTART_SERVER, COMMAND_SHOW_DOCS, LANGUAGE_ID, SOURCE } from '../../../shared/constants';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURE = vscode.Uri.file(path.join(ROOT, 'test', 'vscode', 'fixtures', 'Dockerfile'));
const IGNORE_FILE = vscode.Uri.file(path.join(ROOT, 'test', 'vscode', 'fixtures', 'Dockerfile.dockerignore'));
const manifest = require(path.join(ROOT, 'package.json')) as { publisher: string; name: string };
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

function dl3020(uri: vscode.Uri): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === SOURCE && codeOf(d) === 'DL3020');
}

export const tests: Array<[string, () => Promise<void>]> = [
  ['the extension activates and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
    assert.ok(ext.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const c of [COMMAND_SHOW_DOCS, COMMAND_RESTART_SERVER, COMMAND_CREATE_DOCKERIGNORE]) assert.ok(commands.includes(c), `${c} is registered`);
  }],
  ['the fixture opens as a dockerfile and gets a DL3020 diagnostic from layerwise', async () => {
    const doc = await vscode.workspace.openTextDocument(FIXTURE);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, LANGUAGE_ID);
    const d = await waitFor('a DL3020 diagnostic', () => dl3020(doc.uri));
    assert.equal(doc.getText(d.range), 'ADD');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  }],
  ['the DL3020 quick fix turns ADD into COPY', async () => {
    const doc = await vscode.workspace.openTextDocument(FIXTURE);
    const d = await waitFor('a DL3020 diagnostic', () => dl3020(doc.uri));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    // The rule's own fix is safe, so the server marks it preferred (what Shift+Alt+. applies);
    // "Disable DL3020 for this instruction" is a quick fix with an edit too, but not preferred.
    const fix = actions.find((a) => a.isPreferred && a.edit && a.diagnostics?.some((x) => codeOf(x) === 'DL3020'));
    assert.ok(fix?.edit, `a preferred quick fix with an edit among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    try {
      assert.equal(doc.lineAt(d.range.start.line).text, 'COPY config.json /app/config.json');
      await waitFor('DL3020 to go away', () => (dl3020(doc.uri) ? undefined : true));
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }],
  ['Dockerfile.dockerignore is not linted', async () => {
    // Opened before the Dockerfile: by the time the Dockerfile has its diagnostic, the server
    // would have received this document too; then wait well past the lint debounce.
    const doc = await vscode.workspace.openTextDocument(IGNORE_FILE);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, LANGUAGE_ID, 'Dockerfile.* gives it the dockerfile language');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(FIXTURE));
    await waitFor('the server to lint the Dockerfile', () => dl3020(FIXTURE));
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE).map(codeOf), []);
  }],
  ['restarting the server publishes the diagnostic again', async () => {
    const doc = await vscode.workspace.openTextDocument(FIXTURE);
    await vscode.window.showTextDocument(doc);
    await waitFor('a DL3020 diagnostic', () => dl3020(doc.uri));
    await vscode.commands.executeCommand(COMMAND_RESTART_SERVER);
    await waitFor('a DL3020 diagnostic after the restart', () => dl3020(doc.uri));
  }],
];
