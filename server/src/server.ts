// The language server: LSP wiring only. Everything that knows about Dockerfiles lives in the
// engine (lint, fixAll, findings and their fixes) and in the registry client (digest pins).
//
// - Diagnostics: on open, on every change (debounced) or on save only, per the `layerwise.run`
//   setting; computed for one document version and dropped when the document moved on.
// - One lint per document version and settings: code actions reuse the cached result.
// - Code actions: quick fixes, fix all of one rule, disable for one instruction, show the
//   rule's documentation, `source.fixAll.layerwise`, RUN → exec form, pin image to digest,
//   create or extend the build context's .dockerignore (edits of another file: suggestions).
// - Build context: host/buildContext.ts reads the .dockerignore and top-level names (cached by
//   modification times) for the build-context rules; watched .dockerignore changes re-lint.
// - `layerwise.pinDigest` (workspace/executeCommand) is the only place that uses the network.
// - ShellCheck (when found) runs after the engine: the engine's diagnostics are published at
//   once, with ShellCheck's answers already cached for unchanged RUN bodies; the others follow
//   in a second publish for the same version, dropped if the document moved on meanwhile.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity,
  CodeActionKind, CancellationTokenSource, DidChangeConfigurationNotification, MessageType,
  TextDocumentEdit, CreateFile, DidChangeWatchedFilesNotification,
  type CancellationToken, type CodeAction, type CodeActionParams, type Connection, type Diagnostic,
  type InitializeParams, type InitializeResult, type WorkspaceEdit, type ExecuteCommandParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  SOURCE, ruleDocsUrl, SETTINGS_SECTION, COMMAND_SHOW_DOCS, COMMAND_PIN_DIGEST, CODE_ACTION_FIX_ALL,
  PRAGMA_PREFIX, DEFAULT_DEBOUNCE_MS, DEFAULT_SETTINGS, COMMAND_CREATE_DOCKERIGNORE_FOR, DOCKERIGNORE_WATCH_GLOB,
  type LayerwiseSettings, type LayerwiseInitializationOptions, type PinDigestArgs, type CreateDockerignoreArgs, type CreateDockerignoreResult,
} from '../../shared/constants';
import type { FileChange, Finding, Fix, Range, Severity, TextEdit } from '../../shared/types';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BuildContextCache, contextDirFromSetting } from './host/buildContext';
import type { BuildContextFacts, RuleContext } from './engine/rule';
import { appendToIgnoreFile, createIgnoreFile, dockerignoreTemplate, ignoreFileName, ignoreFileOf, linesFor, unexcludedEntries } from './engine/dockerignore';
import { lint, fixAll, unknownRuleIds, allRules, type LintResult, type Model, type Inst, type Rule } from './engine';
import { execFormFix } from './engine/fixes';
import { initEngine } from './host/shellWasm';
import { hadolintConfigForFile, type LoadedConfig } from './config/load';
import { ruleSettingsFrom } from './config/hadolint';
import { RegistryClient, DEFAULT_INSECURE_REGISTRIES } from './registry/client';
import { pinTarget, pinDigestFix, UPDATE_PIN_TITLE } from './registry/pin';
import { ShellcheckRunner } from './host/shellcheck';
import { mergeFindings } from './engine/shellcheck';
// A JSON import, so esbuild inlines the version into dist/server.js.
import { version as VERSION } from '../../package.json';

export interface ServerOptions {
  /** The rules to run (tests inject their own). Default: every rule. */
  rules?: readonly Rule[];
}

interface FixAllData { layerwiseFixAll: string; uri: string; version: number }
const hasSafeFix = (f: Finding) => f.fixes.some((x) => x.safety === 'safe' && x.edits.length > 0);

/** What a diagnostic carries for the code actions of the same document version. */
/**
 * What a diagnostic carries besides the LSP fields: the document version it was computed for
 * and the rule's name. Its fixes are not sent (they are a fifth of the bytes of a publish, on
 * every keystroke): a code action request finds them in the lint result of that version.
 */
export interface DiagnosticData { version: number; name: string }

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
/** The rule whose finding ("base image not pinned to a digest") the pin command fixes. */
const PIN_RULE = 'LW1002';
const RULE_SETTINGS = new Set(['off', 'on', 'error', 'warning', 'info', 'hint', 'style']);
const REFACTOR_EXEC_FORM = CodeActionKind.RefactorRewrite;
/** The pin action's kind: a refactoring (it needs the network, so it is never a quick fix). */
const REFACTOR_PIN = CodeActionKind.RefactorRewrite;

type Trigger = 'open' | 'change' | 'save' | 'config';

interface Cached {
  version: number; key: string; result: LintResult; fixAll: Map<string, string>;
  /** ShellCheck's findings for this version, once they are known. */
  shellcheck?: Finding[];
}
interface DocState {
  timer?: ReturnType<typeof setTimeout>;
  run?: CancellationTokenSource;
  cache?: Cached;
}

/** Wire the server's handlers to `connection` and start listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const rules = options.rules ?? allRules;
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  const settingsCache = new Map<string, Promise<LayerwiseSettings>>();
  const reportedRuleErrors = new Set<string>();
  const reportedUnknownIds = new Set<string>();
  const reportedConfigs = new Set<string>();
  const stats = { lintRuns: 0, published: 0 };

  let baseSettings: LayerwiseSettings = cloneSettings(DEFAULT_SETTINGS);
  let globalSettings: LayerwiseSettings = baseSettings;
  let configurationPull = false;
  let dynamicConfigRegistration = false;
  let documentChanges = false;
  let applyEditSupport = false;
  let resolveEdits = false;
  let trustedWorkspace = false;
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let registry: { key: string; client: RegistryClient } | null = null;
  const shellcheckRunners = new Map<string, ShellcheckRunner>();
  const reportedShellcheck = new Set<string>();
  let resourceCreate = false;
  let watchedFilesRegistration = false;
  /** Workspace folders as file-system paths, longest first (the `layerwise.buildContext` base). */
  let workspaceFolders: string[] = [];

  // Crash guards: a bug in one handler must not take the editor's linting down with it.
  const logError = (what: string, e: unknown) => {
    try { connection.console.error(`${what}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`); } catch { /* connection gone */ }
  };

  const engineReady: Promise<void> = initEngine().catch((e) => {
    logError('could not load the shell parser; RUN bodies are not analysed', e);
  });

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const caps = params.capabilities ?? {};
    configurationPull = !!caps.workspace?.configuration;
    dynamicConfigRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    applyEditSupport = !!caps.workspace?.applyEdit;
    resourceCreate = documentChanges && (caps.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create');
    watchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.filter((u) => u.startsWith('file:')).map((u) => { try { return fileURLToPath(u); } catch { return ''; } })
      .filter(Boolean).sort((a, b) => b.length - a.length);
    // Fix-all edits re-lint the document to a fixpoint: computed when chosen, if the client can.
    const resolve = caps.textDocument?.codeAction?.resolveSupport?.properties;
    resolveEdits = Array.isArray(resolve) && resolve.includes('edit') && !!caps.textDocument?.codeAction?.dataSupport;
    const init = (params.initializationOptions ?? {}) as LayerwiseInitializationOptions;
    trustedWorkspace = init.trustedWorkspace === true;
    if (typeof init.debounceMs === 'number' && Number.isFinite(init.debounceMs) && init.debounceMs >= 0) debounceMs = init.debounceMs;
    baseSettings = normalizeSettings(init.settings, cloneSettings(DEFAULT_SETTINGS));
    globalSettings = baseSettings;
    await engineReady;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CODE_ACTION_FIX_ALL, CodeActionKind.RefactorRewrite],
          resolveProvider: true,
        },
        executeCommandProvider: { commands: [COMMAND_PIN_DIGEST, COMMAND_CREATE_DOCKERIGNORE_FOR] },
      },
      serverInfo: { name: 'layerwise-language-server', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (configurationPull && dynamicConfigRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((e) => logError('registering for configuration changes failed', e));
    }
    // The VS Code client watches .dockerignore files itself (synchronize.fileEvents); other
    // clients that can register watchers dynamically are asked to.
    if (watchedFilesRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: DOCKERIGNORE_WATCH_GLOB }] }).catch((e) => logError('registering a .dockerignore watcher failed', e));
    }
  });

  // ---- settings -------------------------------------------------------------------------------

  function settingsFor(uri: string): Promise<LayerwiseSettings> {
    if (!configurationPull) return Promise.resolve(globalSettings);
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (v) => normalizeSettings(v, cloneSettings(baseSettings)),
        (e) => { logError('workspace/configuration failed; using defaults', e); return baseSettings; },
      );
      settingsCache.set(uri, p);
    }
    return p;
  }

  connection.onDidChangeConfiguration((params) => {
    try {
      if (!configurationPull) {
        const s = (params?.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
        globalSettings = normalizeSettings(s, cloneSettings(baseSettings));
      }
      settingsCache.clear();
      registry = null;
      for (const doc of documents.all()) {
        const st = states.get(doc.uri);
        if (st) st.cache = undefined;
        schedule(doc, 0, 'config');
      }
    } catch (e) { logError('didChangeConfiguration', e); }
  });

  // ---- linting --------------------------------------------------------------------------------

  function state(uri: string): DocState {
    let st = states.get(uri);
    if (!st) states.set(uri, (st = {}));
    return st;
  }

  /** The lint result of `doc` as it is now, computed at most once per version and settings. */
  /** The document's .hadolint.yaml (nearest up the tree, then user-wide), for file: URIs. */
  function configFor(uri: string): LoadedConfig | null {
    let loaded: LoadedConfig | null = null;
    try { loaded = hadolintConfigForFile(uri); } catch (e) { logError('reading the hadolint configuration failed', e); }
    if (loaded && loaded.config.problems.length && !reportedConfigs.has(loaded.key)) {
      reportedConfigs.add(loaded.key);
      for (const p of loaded.config.problems) connection.console.warn(p.message);
      const errors = loaded.config.problems.filter((p) => p.severity === 'error');
      if (errors.length) show(MessageType.Warning, `Layerwise: ${errors[0].message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
    }
    return loaded;
  }

  // ---- build context (.dockerignore rules) ----------------------------------------------------

  const contexts = new BuildContextCache({ log: (m) => { try { connection.console.warn(m); } catch { /* connection gone */ } } });
  const factIds = new WeakMap<BuildContextFacts, number>();
  let nextFactId = 1;

  /** The build-context facts of a saved Dockerfile (file: URI); null for untitled documents or an unreadable context. */
  function buildContextFor(uri: string, settings: LayerwiseSettings): BuildContextFacts | null {
    if (!uri.startsWith('file:')) return null;
    let file: string;
    try { file = fileURLToPath(uri); } catch { return null; }
    const folder = workspaceFolders.find((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep)) ?? null;
    return contexts.factsFor(file, settings.buildContext.trim() ? contextDirFromSetting(settings.buildContext, file, folder) : undefined);
  }

  function ruleContextFor(uri: string, settings: LayerwiseSettings, cfg: LoadedConfig | null): { ctx: RuleContext; key: string } {
    const facts = buildContextFor(uri, settings);
    let id = 0;
    if (facts) { id = factIds.get(facts) ?? nextFactId++; factIds.set(facts, id); }
    return { ctx: { settings: ruleSettingsFrom(cfg?.config), ...(facts ? { buildContext: facts } : {}) }, key: `ctx${id}` };
  }

  connection.onDidChangeWatchedFiles(() => {
    try {
      contexts.clear();
      for (const doc of documents.all()) {
        const st = states.get(doc.uri);
        if (st) st.cache = undefined;
        schedule(doc, 0, 'config');
      }
    } catch (e) { logError('didChangeWatchedFiles', e); }
  });

  /** The editor's layerwise.rules win over the file's ignored/override. */
  function lintOptionsFor(settings: LayerwiseSettings, cfg: LoadedConfig | null) {
    return cfg ? { ...cfg.options, rules: { ...cfg.options.rules, ...settings.rules } } : { rules: settings.rules };
  }

  function resultFor(doc: TextDocument, settings: LayerwiseSettings): LintResult {
    const st = state(doc.uri);
    const cfg = configFor(doc.uri);
    const rc = ruleContextFor(doc.uri, settings, cfg);
    const key = JSON.stringify(settings.rules) + (cfg ? `|${cfg.key}` : '') + `|${rc.key}`;
    if (st.cache && st.cache.version === doc.version && st.cache.key === key) return st.cache.result;
    warnUnknownIds(settings);
    stats.lintRuns++;
    const result = lint(doc.getText(), lintOptionsFor(settings, cfg) as never, rules, rc.ctx);
    for (const re of result.ruleErrors) {
      // Once per rule and session: a broken rule would otherwise log on every keystroke.
      if (reportedRuleErrors.has(re.code)) continue;
      reportedRuleErrors.add(re.code);
      connection.console.error(`rule ${re.code} failed (its findings are missing, the other rules still ran): ${re.message}`);
    }
    st.cache = { version: doc.version, key, result, fixAll: new Map() };
    return result;
  }

  function warnUnknownIds(settings: LayerwiseSettings) {
    for (const id of unknownRuleIds(Object.keys(settings.rules), rules)) {
      if (reportedUnknownIds.has(id)) continue;
      reportedUnknownIds.add(id);
      connection.console.warn(`layerwise.rules: no rule is called "${id}"`);
    }
  }

  function schedule(doc: TextDocument, delay: number, trigger: Trigger) {
    const st = state(doc.uri);
    if (st.timer) clearTimeout(st.timer);
    st.run?.cancel();
    const cts = new CancellationTokenSource();
    st.run = cts;
    const uri = doc.uri;
    const version = doc.version;
    st.timer = setTimeout(() => {
      st.timer = undefined;
      validate(uri, version, trigger, cts.token).catch((e) => logError(`linting ${uri} failed`, e));
    }, delay);
  }

  async function validate(uri: string, version: number, trigger: Trigger, token: CancellationToken) {
    await engineReady;
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    // A newer change, a close or a settings change took over: this run's answer is stale.
    if (token.isCancellationRequested || !doc || doc.version !== version) return;
    if (!settings.enable) { publish(uri, version, []); return; }
    if (settings.run === 'onSave' && trigger === 'change') return;
    const result = resultFor(doc, settings);
    const runner = settings.shellcheck.enable ? shellcheckRunner(settings) : null;
    if (!runner || runner.unavailable) { publish(uri, version, result.findings.map((f) => toDiagnostic(f, version))); return; }
    const cache = state(uri).cache!;
    const options = lintOptionsFor(settings, configFor(uri));
    // What ShellCheck already said about unchanged RUN bodies goes out with the engine's findings.
    const known = cache.shellcheck ? { findings: cache.shellcheck, pending: [] } : runner.cachedFindings(result.model, options as never);
    publish(uri, version, mergeFindings(result.findings, known.findings).map((f) => toDiagnostic(f, version)));
    if (!known.pending.length) { cache.shellcheck = known.findings; return; }
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    let sc: Awaited<ReturnType<ShellcheckRunner['findings']>>;
    try { sc = await runner.findings(result.model, options as never, abort.signal); } finally { sub.dispose(); }
    if (!sc) return;
    // A missing executable was said once by the probe.
    if (!runner.unavailable) for (const e of sc.errors) reportShellcheck(`ShellCheck (${runner.command}): ${e}`);
    const now = documents.get(uri);
    if (token.isCancellationRequested || !now || now.version !== version || state(uri).cache !== cache) return;
    cache.shellcheck = sc.findings;
    if (!sc.findings.length && !known.findings.length) return; // nothing to add
    publish(uri, version, mergeFindings(result.findings, sc.findings).map((f) => toDiagnostic(f, version)));
  }

  /**
   * The runner for the ShellCheck the settings name, or null when there is none (said once in
   * the log). In an untrusted workspace only the path from initializationOptions (the client
   * takes it from user settings) is run, never one from workspace/configuration.
   */
  function shellcheckRunner(settings: LayerwiseSettings): ShellcheckRunner | null {
    const p = trustedWorkspace ? settings.shellcheck.path : baseSettings.shellcheck.path;
    let runner = shellcheckRunners.get(p);
    if (!runner) {
      if (shellcheckRunners.size >= 8) shellcheckRunners.clear(); // paths edited in settings: keep a few
      runner = new ShellcheckRunner({ path: p });
      shellcheckRunners.set(p, runner);
      const r = runner;
      r.probe().then((probe) => {
        if (probe.ok) connection.console.info(`ShellCheck ${probe.version} (${probe.exe}) checks RUN bodies`);
        else reportShellcheck(`${probe.error}; RUN bodies are not checked with ShellCheck`);
      }, (e) => logError('probing ShellCheck failed', e));
    }
    return runner;
  }

  /** One log line per distinct ShellCheck problem and session (not one per keystroke). */
  function reportShellcheck(message: string) {
    if (reportedShellcheck.has(message) || reportedShellcheck.size > 100) return;
    reportedShellcheck.add(message);
    connection.console.warn(message);
  }

  function publish(uri: string, version: number, diagnostics: Diagnostic[]) {
    stats.published++;
    connection.sendDiagnostics({ uri, version, diagnostics }).catch((e) => logError('publishDiagnostics', e));
  }

  documents.onDidChangeContent((e) => {
    try {
      const first = !states.has(e.document.uri);
      schedule(e.document, first ? 0 : debounceMs, first ? 'open' : 'change');
    } catch (err) { logError('didChange', err); }
  });
  documents.onDidSave((e) => {
    try { schedule(e.document, 0, 'save'); } catch (err) { logError('didSave', err); }
  });
  documents.onDidClose((e) => {
    try {
      const st = states.get(e.document.uri);
      if (st?.timer) clearTimeout(st.timer);
      st?.run?.cancel();
      states.delete(e.document.uri);
      settingsCache.delete(e.document.uri);
      connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }).catch((err) => logError('publishDiagnostics', err));
    } catch (err) { logError('didClose', err); }
  });

  // ---- code actions ---------------------------------------------------------------------------

  function workspaceEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] };
    return { changes: { [doc.uri]: edits } };
  }

  /**
   * A WorkspaceEdit for a fix that changes other files (a .dockerignore): CreateFile plus the
   * text, or edits of the existing file; the Dockerfile's own edits, if any, come along. Null
   * when the client cannot apply it (creating files needs documentChanges with the `create`
   * resource operation).
   */
  function fileChangesEdit(doc: TextDocument | null, f: { edits: TextEdit[]; files?: FileChange[] }): WorkspaceEdit | null {
    const files = f.files ?? [];
    if (files.some((c) => c.create) && !resourceCreate) return null;
    if (!documentChanges) {
      const changes: Record<string, TextEdit[]> = {};
      if (doc && f.edits.length) changes[doc.uri] = f.edits;
      for (const c of files) changes[pathToFileURL(c.path).href] = c.edits;
      return { changes };
    }
    const out: NonNullable<WorkspaceEdit['documentChanges']> = [];
    if (doc && f.edits.length) out.push(TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, f.edits));
    for (const c of files) {
      const uri = pathToFileURL(c.path).href;
      if (c.create) out.push(CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }));
      out.push(TextDocumentEdit.create({ uri, version: null }, c.edits));
    }
    return { documentChanges: out };
  }

  /** The minimal whole-line edit turning the document's text into `next` (null: no change). */
  function replaceText(doc: TextDocument, next: string): TextEdit | null {
    const old = doc.getText();
    if (old === next) return null;
    const max = Math.min(old.length, next.length);
    let s = 0;
    while (s < max && old.charCodeAt(s) === next.charCodeAt(s)) s++;
    let e = 0;
    while (e < max - s && old.charCodeAt(old.length - 1 - e) === next.charCodeAt(next.length - 1 - e)) e++;
    // Whole lines: never split a CRLF or a surrogate pair.
    while (s > 0 && old[s - 1] !== '\n' && old[s - 1] !== '\r') s--;
    while (e > 0 && old[old.length - e - 1] !== '\n') e--;
    return { range: { start: doc.positionAt(s), end: doc.positionAt(old.length - e) }, newText: next.slice(s, next.length - e) };
  }

  /** fixAll over the document (every rule, or one code), cached per version. */
  function fixAllEdit(doc: TextDocument, settings: LayerwiseSettings, code: string | null): TextEdit | null {
    resultFor(doc, settings);
    const cache = state(doc.uri).cache!;
    const key = code ?? '*';
    let text = cache.fixAll.get(key);
    if (text === undefined) {
      const cfg = configFor(doc.uri);
      const r = fixAll(doc.getText(), lintOptionsFor(settings, cfg) as never, code ? (f) => f.code === code : () => true, rules, undefined, ruleContextFor(doc.uri, settings, cfg).ctx);
      text = r.text;
      cache.fixAll.set(key, text);
    }
    return replaceText(doc, text);
  }

  /**
   * A fix-all action (every rule, or one code). With codeAction/resolve its edit is computed when
   * the user picks it (offered when `likely`); otherwise now, and offered only if it changes text.
   */
  function fixAllAction(doc: TextDocument, settings: LayerwiseSettings, code: string | null, title: string, kind: string, likely: boolean): CodeAction | null {
    if (resolveEdits) {
      if (!likely) return null;
      const data: FixAllData = { layerwiseFixAll: code ?? '*', uri: doc.uri, version: doc.version };
      return { title, kind, data };
    }
    const edit = fixAllEdit(doc, settings, code);
    return edit ? { title, kind, edit: workspaceEdit(doc, [edit]) } : null;
  }

  connection.onCodeActionResolve(async (action) => {
    try {
      const data = action.data as Partial<FixAllData> | undefined;
      if (!data || typeof data.layerwiseFixAll !== 'string' || typeof data.uri !== 'string') return action;
      await engineReady;
      const settings = await settingsFor(data.uri);
      const doc = documents.get(data.uri);
      if (!doc) return action;
      // Computed on the document as it is now; the versioned edit says which version that is.
      const edit = fixAllEdit(doc, settings, data.layerwiseFixAll === '*' ? null : data.layerwiseFixAll);
      return { ...action, edit: workspaceEdit(doc, edit ? [edit] : []) };
    } catch (e) {
      logError('codeAction/resolve', e);
      return action;
    }
  });

  function findingFor(d: Diagnostic, result: LintResult, shellcheck: readonly Finding[]): { finding: Finding | null; fixes: Fix[] } | null {
    if (d.source !== SOURCE || d.code === undefined) return null;
    const code = String(d.code);
    const finding = [...result.findings, ...shellcheck].find((f) => f.code === code && sameRange(f.range, d.range) && f.message === d.message) ?? null;
    return finding ? { finding, fixes: finding.fixes } : null;
  }

  function disableEdit(model: Model, inst: Inst, code: string): TextEdit {
    const line = inst.range.start.line;
    if (line > 0) {
      const above = model.lines.lineText(line - 1);
      if (/^[ \t]*#[ \t]*layerwise[ \t]+ignore[ \t]*=/i.test(above)) {
        const end = above.trimEnd().length;
        const sep = above.trimEnd().endsWith('=') ? '' : ',';
        return { range: { start: { line: line - 1, character: end }, end: { line: line - 1, character: end } }, newText: `${sep}${code}` };
      }
    }
    const indent = /^[ \t]*/.exec(model.lines.lineText(line))![0];
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# ${PRAGMA_PREFIX} ignore=${code}${model.eol}` };
  }

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    try {
      await engineReady;
      const uri = params.textDocument?.uri;
      if (typeof uri !== 'string' || !documents.get(uri)) return [];
      const settings = await settingsFor(uri);
      const doc = documents.get(uri);
      if (!doc || !settings.enable) return [];
      return codeActions(doc, settings, params);
    } catch (e) {
      logError('codeAction', e);
      return [];
    }
  });

  function codeActions(doc: TextDocument, settings: LayerwiseSettings, params: CodeActionParams): CodeAction[] {
    const result = resultFor(doc, settings);
    const { model } = result;
    const only = params.context?.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    const pinned = new Set<number>();

    // Source actions only when asked for (on save, or the Source Action menu).
    if (only && wants(CODE_ACTION_FIX_ALL)) {
      const a = fixAllAction(doc, settings, null, 'Fix all auto-fixable Layerwise problems', CODE_ACTION_FIX_ALL, result.findings.some(hasSafeFix));
      if (a) actions.push(a);
    }

    if (wants(CodeActionKind.QuickFix)) {
      const fixes: CodeAction[] = [];
      const more: CodeAction[] = [];
      const seen = new Set<string>();
      for (const d of params.context?.diagnostics ?? []) {
        const m = findingFor(d, result, state(doc.uri).cache?.shellcheck ?? []);
        if (!m) continue;
        const code = String(d.code);
        for (const f of m.fixes) {
          if (f.files?.length) {
            const edit = fileChangesEdit(doc, f);
            if (edit) fixes.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit });
            continue;
          }
          fixes.push({
            title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d],
            isPreferred: f.safety === 'safe' ? true : undefined,
            edit: workspaceEdit(doc, f.edits),
          });
        }
        if (m.fixes.length && !seen.has(`fixall ${code}`)) {
          seen.add(`fixall ${code}`);
          const fixable = result.findings.filter((f) => f.code === code && hasSafeFix(f)).length;
          const a = fixable > 1 ? fixAllAction(doc, settings, code, `Fix all ${code} in this file`, CodeActionKind.QuickFix, true) : null;
          if (a) more.push(a);
        }
        const inst = model.instructionAt(d.range.start.line);
        // The unpinned-digest finding's fix needs the network: offered as the pin command.
        if (inst && code === PIN_RULE && !pinned.has(inst.index)) {
          const pin = pinAction(doc, model, inst, CodeActionKind.QuickFix);
          if (pin) { pin.diagnostics = [d]; pin.isPreferred = true; fixes.push(pin); pinned.add(inst.index); }
        }
        if (inst && !seen.has(`disable ${code} ${inst.index}`)) {
          seen.add(`disable ${code} ${inst.index}`);
          more.push({ title: `Disable ${code} for this instruction`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(doc, [disableEdit(model, inst, code)]) });
        }
        if (!seen.has(`docs ${code}`)) {
          seen.add(`docs ${code}`);
          const title = `Show documentation for ${code}`;
          more.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: COMMAND_SHOW_DOCS, arguments: [ruleDocsUrl(code)] } });
        }
      }
      actions.push(...fixes, ...more);
    }

    if (wants(CodeActionKind.RefactorRewrite)) {
      const inst = params.range ? model.instructionAt(params.range.start.line) : null;
      if (inst && inst.keyword === 'RUN' && inst.form === 'shell' && wants(REFACTOR_EXEC_FORM)) {
        const fix = execFormFix(model, inst);
        if (fix) {
          actions.push({ title: fix.title.replace(/^Convert to/, `Convert ${inst.keyword} to`), kind: REFACTOR_EXEC_FORM, edit: workspaceEdit(doc, fix.edits) });
        }
      }
      if (inst && !pinned.has(inst.index) && wants(REFACTOR_PIN)) {
        const pin = pinAction(doc, model, inst, REFACTOR_PIN);
        if (pin) actions.push(pin);
      }
    }
    return actions;
  }

  /** "Pin <image> to digest" / "Update pinned digest": a command, the lookup runs when chosen. */
  function pinAction(doc: TextDocument, model: Model, inst: Inst, kind: string): CodeAction | null {
    if (inst.keyword !== 'FROM' && inst.keyword !== 'COPY') return null;
    const target = pinTarget(model, inst);
    if (!target || 'error' in target) return null;
    const title = target.currentDigest ? UPDATE_PIN_TITLE : `Pin ${target.reference} to digest`;
    const args: PinDigestArgs = { uri: doc.uri, line: inst.range.start.line, version: doc.version };
    return { title, kind, command: { title, command: COMMAND_PIN_DIGEST, arguments: [args] } };
  }

  // ---- pin digest (the only network use) ------------------------------------------------------

  function registryClient(settings: LayerwiseSettings): RegistryClient {
    const insecure = [...DEFAULT_INSECURE_REGISTRIES, ...settings.registry.insecure];
    const key = JSON.stringify([insecure, settings.registry.timeoutMs, trustedWorkspace]);
    if (!registry || registry.key !== key) {
      // No digest cache across commands: "Update pinned digest" must see what the tag points to now.
      registry = { key, client: new RegistryClient({ timeoutMs: settings.registry.timeoutMs, insecureRegistries: insecure, trustedWorkspace, cacheTtlMs: 0 }) };
    }
    return registry.client;
  }

  function show(type: MessageType, message: string) {
    connection.sendNotification('window/showMessage', { type, message: `Layerwise: ${message}` }).catch((e) => logError('showMessage', e));
  }

  async function pinDigest(params: ExecuteCommandParams, token: CancellationToken): Promise<{ applied: boolean; error?: string }> {
    const fail = (error: string, type: MessageType = MessageType.Error) => { show(type, error); return { applied: false, error }; };
    const arg = params.arguments?.[0] as Partial<PinDigestArgs> | undefined;
    if (!arg || typeof arg.uri !== 'string' || typeof arg.line !== 'number') return fail('cannot pin: the command needs { uri, line }');
    const start = documents.get(arg.uri);
    if (!start) return fail('cannot pin: the document is not open');
    if (typeof arg.version === 'number' && arg.version !== start.version) return fail('cannot pin: the document changed since the action was offered; try again');
    await engineReady;
    const settings = await settingsFor(arg.uri);
    const client = registryClient(settings);
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    const looked = new Map<string, Promise<string>>();
    const resolve = (ref: string) => {
      let p = looked.get(ref);
      if (!p) looked.set(ref, (p = client.resolveDigest(ref, { signal: abort.signal })));
      return p;
    };
    // The lookup takes time: if the document changes meanwhile, plan again on the new text
    // (with the digest already known, so only the first round uses the network).
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = documents.get(arg.uri);
      if (!doc) return fail('cannot pin: the document was closed');
      const version = doc.version;
      const model = resultFor(doc, settings).model;
      const inst = model.instructionAt(arg.line);
      if (!inst) return fail(`cannot pin: line ${arg.line + 1} is not part of an instruction`);
      const r = await pinDigestFix(model, inst, resolve);
      if ('error' in r) return fail(r.error, r.upToDate ? MessageType.Info : MessageType.Error);
      const now = documents.get(arg.uri);
      if (!now) return fail('cannot pin: the document was closed');
      if (now.version !== version) continue;
      if (!applyEditSupport) return fail('cannot pin: the editor does not support workspace/applyEdit');
      const res = await connection.workspace.applyEdit({ label: r.title, edit: workspaceEdit(now, r.edits) });
      if (!res.applied) return fail(`the editor did not apply the pin${res.failureReason ? `: ${res.failureReason}` : ''}`);
      return { applied: true };
    }
    return fail('cannot pin: the document keeps changing; try again');
  }

  /** Create the build context's .dockerignore for a Dockerfile, or add the entries it misses. */
  async function createDockerignore(params: ExecuteCommandParams): Promise<CreateDockerignoreResult> {
    const done = (applied: boolean, message: string, type: MessageType, p?: string): CreateDockerignoreResult => { show(type, message); return { applied, message, ...(p ? { path: p } : {}) }; };
    const arg = params.arguments?.[0] as Partial<CreateDockerignoreArgs> | undefined;
    if (!arg || typeof arg.uri !== 'string') return done(false, 'cannot create a .dockerignore: the command needs { uri }', MessageType.Error);
    const doc = documents.get(arg.uri);
    if (!doc) return done(false, 'cannot create a .dockerignore: the Dockerfile is not open', MessageType.Error);
    await engineReady;
    const settings = await settingsFor(arg.uri);
    const facts = buildContextFor(arg.uri, settings);
    if (!facts || !facts.dockerignorePath) return done(false, 'cannot create a .dockerignore: the Dockerfile is not saved in a readable folder (see the output channel)', MessageType.Error);
    const model = resultFor(doc, settings).model;
    let change: FileChange;
    let what: string;
    if (facts.dockerignore === null) {
      change = createIgnoreFile(facts.dockerignorePath, dockerignoreTemplate(facts.topLevel, model));
      what = `created ${facts.dockerignorePath}`;
    } else {
      const file = ignoreFileOf(facts)!;
      const missing = unexcludedEntries(facts, file);
      if (!missing.length) return done(false, `${ignoreFileName(facts)} already exists and excludes .git, .env files and node_modules where they exist`, MessageType.Info, facts.dockerignorePath);
      change = appendToIgnoreFile(facts.dockerignorePath, facts.dockerignore, linesFor(missing, facts.topLevel));
      what = `added ${missing.join(', ')} to ${facts.dockerignorePath}`;
    }
    if (!applyEditSupport) return done(false, 'cannot create a .dockerignore: the editor does not support workspace/applyEdit', MessageType.Error);
    const edit = fileChangesEdit(null, { edits: [], files: [change] });
    if (!edit) return done(false, 'cannot create a .dockerignore: the editor cannot create files through the language server', MessageType.Error);
    const res = await connection.workspace.applyEdit({ label: 'Create .dockerignore', edit });
    if (!res.applied) return done(false, `the editor did not apply the change${res.failureReason ? `: ${res.failureReason}` : ''}`, MessageType.Error);
    contexts.clear();
    return done(true, what, MessageType.Info, facts.dockerignorePath);
  }

  connection.onExecuteCommand(async (params, token) => {
    try {
      if (params.command === COMMAND_PIN_DIGEST) return await pinDigest(params, token);
      if (params.command === COMMAND_CREATE_DOCKERIGNORE_FOR) return await createDockerignore(params);
      show(MessageType.Error, `unknown command ${params.command}`);
      return null;
    } catch (e) {
      logError('executeCommand', e);
      show(MessageType.Error, `${params.command} failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  });

  // Internal: counters for tests (is the lint cache used?).
  connection.onRequest('layerwise/stats', () => ({ ...stats, open: documents.all().length }));

  documents.listen(connection);
  connection.listen();
}

// ---- helpers ----------------------------------------------------------------------------------

function toDiagnostic(f: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { version, name: f.name };
  return {
    range: f.range, severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning, source: SOURCE,
    code: f.code, codeDescription: { href: ruleDocsUrl(f.code) }, message: f.message, data,
  };
}

function sameRange(a: Range, b: Range | undefined): boolean {
  return !!b && !!b.start && !!b.end && a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

function cloneSettings(s: LayerwiseSettings): LayerwiseSettings {
  return { ...s, rules: { ...s.rules }, registry: { ...s.registry, insecure: [...s.registry.insecure] }, shellcheck: { ...s.shellcheck } };
}

/** Valid fields of `raw` over `base`; anything malformed keeps the base value. */
export function normalizeSettings(raw: unknown, base: LayerwiseSettings): LayerwiseSettings {
  const out = base;
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') out.enable = r.enable;
  if (r.run === 'onType' || r.run === 'onSave') out.run = r.run;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    const rules: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && RULE_SETTINGS.has(v.toLowerCase())) rules[k] = v.toLowerCase();
    }
    out.rules = rules;
  }
  const reg = r.registry as Record<string, unknown> | undefined;
  if (reg && typeof reg === 'object') {
    if (Array.isArray(reg.insecure)) out.registry.insecure = reg.insecure.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim());
    if (typeof reg.timeoutMs === 'number' && Number.isFinite(reg.timeoutMs) && reg.timeoutMs > 0) out.registry.timeoutMs = reg.timeoutMs;
  }
  const sc = r.shellcheck as Record<string, unknown> | undefined;
  if (sc && typeof sc === 'object') {
    if (typeof sc.enable === 'boolean') out.shellcheck.enable = sc.enable;
    if (typeof sc.path === 'string' && sc.path.trim() !== '') out.shellcheck.path = sc.path.trim();
  }
  if (typeof r.buildContext === 'string') out.buildContext = r.buildContext.trim();
  return out;
}

export const USAGE = `Usage: layerwise-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

The Layerwise language server (LSP): diagnostics and code actions for Dockerfiles.
`;

/** Entry point of bin/layerwise-language-server.js. Returns an exit code, or null when serving. */
export function main(argv: readonly string[]): number | null {
  if (argv.includes('--version') || argv.includes('-v')) { process.stdout.write(`${VERSION}\n`); return 0; }
  if (argv.includes('--help') || argv.includes('-h')) { process.stdout.write(USAGE); return 0; }
  const transport = argv.some((a) => a === '--stdio' || a === '--node-ipc' || a === '--socket' || a === '--pipe' || a.startsWith('--socket=') || a.startsWith('--pipe='));
  if (!transport) { process.stderr.write(USAGE); return 2; }
  // createConnection reads the transport from process.argv.
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => { try { connection.console.error(`uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`); } catch { /* ignore */ } });
  process.on('unhandledRejection', (e) => { try { connection.console.error(`unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`); } catch { /* ignore */ } });
  startServer(connection);
  return null;
}

// Started directly (`node dist/server.js --node-ipc`, as the VS Code client forks it) rather
// than through bin/layerwise-language-server.js.
if (require.main === module) {
  const code = main(process.argv.slice(2));
  if (code !== null) process.exitCode = code;
}
