// Names both the client and the server use. No runtime dependencies.
export const SOURCE = 'layerwise';
export const DOCS_BASE_URL = 'https://github.com/layerwise/layerwise/blob/main/docs/rules/';
/** ShellCheck's findings (codes SCnnnn) are documented on its wiki. */
export const SHELLCHECK_WIKI_URL = 'https://www.shellcheck.net/wiki/';
export function ruleDocsUrl(code: string): string {
  if (/^SC\d{4}$/.test(code)) return `${SHELLCHECK_WIKI_URL}${code}`;
  return `${DOCS_BASE_URL}${code}.md`;
}

// --- VS Code client (client/src, package.json contributes) ---
export const COMMAND_RESTART_SERVER = 'layerwise.restartServer';
/** What the client forks (relative to the extension root): package.json's `layerwise-language-server` bin. */
export const SERVER_LAUNCHER = 'bin/layerwise-language-server.js';
/** The rules index page, opened by COMMAND_SHOW_DOCS when it gets no URL. */
export const DOCS_INDEX_URL = `${DOCS_BASE_URL}README.md`;
/** The VS Code language id the client contributes (and the Docker extension uses). */
export const LANGUAGE_ID = 'dockerfile';
/** Exact file names that are Dockerfiles. */
export const DOCKERFILE_NAMES = ['Dockerfile', 'Containerfile'] as const;
/** File name globs that are Dockerfiles (the CLI's list; `*.dockerignore` is not one). */
export const DOCKERFILE_NAME_PATTERNS = ['*.dockerfile', 'Dockerfile.*', 'Containerfile.*'] as const;
/** Matched by `Dockerfile.*` but not a Dockerfile (BuildKit's `Dockerfile.dockerignore`). */
export const DOCKERIGNORE_SUFFIX = '.dockerignore';
/** What `layerwise.rules` accepts per rule (the engine also reads `style` as `hint`). */
export const RULE_SETTING_VALUES = ['off', 'on', 'error', 'warning', 'info', 'hint'] as const;
/**
 * Settings VS Code reads only from user settings in Restricted Mode
 * (`capabilities.untrustedWorkspaces.restrictedConfigurations`): opening a repository must not
 * be enough to send registry traffic over plain HTTP, or to run a program it names.
 */
export const RESTRICTED_SETTINGS = ['layerwise.registry.insecure', 'layerwise.registry.timeoutMs', 'layerwise.shellcheck.path'] as const;

export const SETTINGS_SECTION = 'layerwise';
/** Handled by the client: opens the URL given as the only argument. */
export const COMMAND_SHOW_DOCS = 'layerwise.showDocumentation';
/**
 * Handled by the server (workspace/executeCommand): resolves the image an instruction names to
 * its current digest through the registry and applies the pin with workspace/applyEdit.
 * Argument: PinDigestArgs.
 */
export const COMMAND_PIN_DIGEST = 'layerwise.pinDigest';
export const CODE_ACTION_FIX_ALL = 'source.fixAll.layerwise';
export const PRAGMA_PREFIX = 'layerwise';
/** How long the server waits after the last change before it lints (onType). */
export const DEFAULT_DEBOUNCE_MS = 150;

/** The argument of COMMAND_PIN_DIGEST. `line`: 0-based, any line of the FROM or COPY instruction. */
export interface PinDigestArgs { uri: string; line: number; version?: number }

export interface RegistrySettings {
  /** Hosts (`host` or `host:port`) that may be reached over plain HTTP, on top of loopback. */
  insecure: string[];
  /** Time budget of one digest lookup, auth round trips included. */
  timeoutMs: number;
}

export interface ShellcheckSettings {
  /** Check shell-form RUN bodies with ShellCheck when it can be found. */
  enable: boolean;
  /**
   * The executable: a command name looked up in PATH's absolute entries, or an absolute path.
   * In an untrusted workspace the server runs only the one from initializationOptions (which
   * the client takes from user settings), never one from workspace/configuration.
   */
  path: string;
}

/** Settings as the server receives them from the client (`layerwise.*`). */
export interface LayerwiseSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  rules: Record<string, string>;
  registry: RegistrySettings;
  shellcheck: ShellcheckSettings;
}
export const DEFAULT_SETTINGS: LayerwiseSettings = {
  enable: true, run: 'onType', rules: {}, registry: { insecure: [], timeoutMs: 10000 },
  shellcheck: { enable: true, path: 'shellcheck' },
};

/**
 * What the client passes as `initializationOptions`. `settings` is used when the client cannot
 * answer workspace/configuration. Registry credentials from the Docker config file are read,
 * and `shellcheck.path` is taken from workspace/configuration, only when `trustedWorkspace` is
 * true; otherwise the ShellCheck run is `settings.shellcheck.path` (or `shellcheck` on PATH).
 */
export interface LayerwiseInitializationOptions {
  settings?: Partial<LayerwiseSettings>;
  trustedWorkspace?: boolean;
  /** Overrides DEFAULT_DEBOUNCE_MS (tests, slow machines). */
  debounceMs?: number;
}
