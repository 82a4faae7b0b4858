// The VS Code side of Layerwise: starts the bundled language server (dist/server.js) over
// IPC and registers two commands. Everything else (diagnostics, quick fixes, fix-all) comes
// from the server. Activation only builds options and spawns the server process.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  COMMAND_RESTART_SERVER, COMMAND_SHOW_DOCS, DOCKERFILE_NAMES, DOCS_INDEX_URL, LANGUAGE_ID, SETTINGS_SECTION, SOURCE,
  type LayerwiseInitializationOptions,
} from '../../shared/constants';
import { readSettings } from './settings';

let client: LanguageClient | undefined;

function initializationOptions(): LayerwiseInitializationOptions {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return { trustedWorkspace: vscode.workspace.isTrusted, settings: readSettings((key, fallback) => config.get(key, fallback)) };
}

/** Only web links: the argument may come from a diagnostic the server built from a document. */
export function docsUri(arg: unknown): vscode.Uri | undefined {
  const url = typeof arg === 'string' && arg ? arg : arg === undefined ? DOCS_INDEX_URL : undefined;
  if (!url) return undefined;
  try {
    const uri = vscode.Uri.parse(url, true);
    return uri.scheme === 'https' || uri.scheme === 'http' ? uri : undefined;
  } catch {
    return undefined;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const documentSelector: LanguageClientOptions['documentSelector'] = [
    { language: LANGUAGE_ID, scheme: 'file' },
    { language: LANGUAGE_ID, scheme: 'untitled' },
    // Dockerfiles another extension (or files.associations) gave a different language id.
    ...DOCKERFILE_NAMES.map((name) => ({ scheme: 'file', pattern: `**/${name}` })),
    { scheme: 'file', pattern: '**/*.dockerfile' },
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: SETTINGS_SECTION },
    // A function, so that a restart (e.g. after trust is granted) sends current values.
    initializationOptions,
  };
  const lc = new LanguageClient(SOURCE, 'Layerwise', serverOptions, clientOptions);
  client = lc;

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMAND_SHOW_DOCS, async (url?: unknown) => {
      const uri = docsUri(url);
      if (uri) await vscode.env.openExternal(uri);
      else void vscode.window.showErrorMessage(`Layerwise: not a documentation link: ${String(url)}`);
    }),
    vscode.commands.registerCommand(COMMAND_RESTART_SERVER, () => lc.restart()),
    // Trust can only be granted during a session (revoking it reloads the window). The server
    // learns about it through a restart, which re-reads initializationOptions.
    vscode.workspace.onDidGrantWorkspaceTrust(() => lc.isRunning() ? lc.restart() : undefined),
  );
  await lc.start();
}

export async function deactivate(): Promise<void> {
  const lc = client;
  client = undefined;
  if (lc?.isRunning()) await lc.stop();
}
