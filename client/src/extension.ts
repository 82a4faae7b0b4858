// The VS Code side of Layerwise: starts the bundled language server over IPC and registers
// two commands. Everything else (diagnostics, quick fixes, fix-all, pin digest) comes from
// the server. Activation only builds options and forks the server process.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  COMMAND_RESTART_SERVER, COMMAND_SHOW_DOCS, DOCKERFILE_NAMES, DOCS_INDEX_URL, LANGUAGE_ID, SERVER_LAUNCHER, DOCKERIGNORE_SUFFIX, SETTINGS_SECTION, SOURCE,
  type LayerwiseInitializationOptions,
} from '../../shared/constants';
import { forUntrustedWorkspace, readSettings } from './settings';

let client: LanguageClient | undefined;

function initializationOptions(): LayerwiseInitializationOptions {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const trusted = vscode.workspace.isTrusted;
  const settings = readSettings((key, fallback) => config.get(key, fallback));
  // Untrusted: the ShellCheck the server may run comes from user settings only (the server
  // ignores the path it pulls through workspace/configuration in that case).
  return { trustedWorkspace: trusted, settings: trusted ? settings : forUntrustedWorkspace(settings, (key) => config.inspect(key)?.globalValue) };
}

function isIgnoreFile(doc: vscode.TextDocument): boolean {
  return doc.uri.path.toLowerCase().endsWith(DOCKERIGNORE_SUFFIX);
}

/** Only web links: the argument may come from a diagnostic the server built from a document. */
function docsUri(arg: unknown): vscode.Uri | undefined {
  const url = typeof arg === 'string' && arg ? arg : arg === undefined ? DOCS_INDEX_URL : undefined;
  if (!url) return undefined;
  try {
    const uri = vscode.Uri.parse(url, true);
    return uri.scheme === 'https' || uri.scheme === 'http' ? uri : undefined;
  } catch {
    return undefined;
  }
}

export function activate(context: vscode.ExtensionContext): void {
  // The `layerwise-language-server` bin script: it loads dist/server.js (the esbuild bundle)
  // and calls its main() with the `--node-ipc` the client appends when it forks the process.
  const module = context.asAbsolutePath(SERVER_LAUNCHER);
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
    // `Dockerfile.*` also matches BuildKit's per-Dockerfile ignore files
    // (`Dockerfile.dockerignore`), which are not Dockerfiles: the server never sees them.
    middleware: {
      didOpen: (doc, next) => (isIgnoreFile(doc) ? Promise.resolve() : next(doc)),
      didChange: (e, next) => (isIgnoreFile(e.document) ? Promise.resolve() : next(e)),
      didSave: (doc, next) => (isIgnoreFile(doc) ? Promise.resolve() : next(doc)),
      didClose: (doc, next) => (isIgnoreFile(doc) ? Promise.resolve() : next(doc)),
    },
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
    vscode.commands.registerCommand(COMMAND_RESTART_SERVER, () => restart(lc)),
    // Trust can only be granted during a session (revoking it reloads the window). The server
    // learns about it through a restart, which re-reads initializationOptions.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(lc)),
  );
  // Not awaited: activation ends here; the server comes up in the background and the client
  // reports a failed start in its output channel.
  lc.start().catch((e) => lc.error('Layerwise: the language server did not start', e, 'force'));
}

/** Stop and start again; a client that is still starting is left to finish. */
async function restart(lc: LanguageClient): Promise<void> {
  if (lc.isRunning()) await lc.restart();
  else if (lc.state === State.Stopped) await lc.start();
}

export async function deactivate(): Promise<void> {
  const lc = client;
  client = undefined;
  if (lc?.isRunning()) await lc.stop();
}
