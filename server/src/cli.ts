// CLI wiring only: parse arguments, find and read files, call the engine, hand the findings
// to a format, choose the exit code. Anything smarter belongs in the engine.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, LintOptions, Severity } from '../../shared/types';
import { lint, fixAll, allRules, unknownRuleIds, findRule } from './engine';
import { LABEL_TYPES } from './engine/labels';
import { initEngine } from './host/shellWasm';
import { buildModel } from './engine/model';
import { applyEdits } from './engine/text';
import { RegistryClient, DEFAULT_INSECURE_REGISTRIES } from './registry/client';
import { pinAllDigests } from './registry/pin';
import { unifiedDiff } from './formats/diff';
import {
  FORMATS, LEVEL_RANK, parseFormat, formatRulesJson, formatRulesText, levelOf, render, repoWebUrl,
  type FileReport, type Format, type Level, type RenderContext,
} from './formats';
// A JSON import, so esbuild inlines the version (and the repository's address, for rule
// help links in SARIF) into dist/cli.js.
import { version, repository } from '../../package.json';
import { parseHadolintConfig, type HadolintConfig } from './config/hadolint';
import { readEnv, type EnvSettings } from './config/env';
import { resolveSettings, formatEffectiveText, effectiveJson, type Setting, type HostSettings } from './config/effective';
import type { RuleContext } from './engine/rule';
import { ShellcheckRunner } from './host/shellcheck';
import { mergeFindings, isShellcheckCode } from './engine/shellcheck';
import { BuildContextCache } from './host/buildContext';

export const HELP = `Usage: layerwise [options] <file|dir|->...

Lint Dockerfiles against container best practices and fix what can be fixed safely.
Directories are searched recursively, in sorted order, for Dockerfile, Containerfile,
*.dockerfile, Dockerfile.* and Containerfile.* (not *.dockerignore), skipping
node_modules, .git and what the repository's .gitignore files exclude. "-" reads a
Dockerfile from stdin (reported as file "-"). When more than one file is linted, the
text format ends with a summary line on stderr (files, findings by level, fixable).

Options:
  -f, --format <format>            output format (default: text):
                                   text: file:line:column: level code message
                                   json: one array of {file, line, column, endLine,
                                   endColumn, level, code, name, aliases, message,
                                   fixable, fixSafety}
                                   sarif: SARIF 2.1.0 for code scanning, with rule
                                   help links and fixes
                                   checkstyle: Checkstyle XML
                                   gitlab: GitLab Code Quality report (JSON)
                                   github: GitHub Actions workflow annotations
      --no-color                   never colour the text format
      --enable <ids>               enable rules by code, name or alias; comma-separated,
                                   repeatable; "all" enables every rule
      --disable <ids>              disable rules (wins over --enable); "all" disables all
      --fix                        apply safe fixes in place, then report what remains;
                                   with "-" the fixed text goes to stdout and the report
                                   to stderr
      --fix-dry-run                print the safe fixes as a unified diff on stdout
                                   instead of writing them (the report goes to stderr)
      --pin-digests                pin every FROM and COPY --from image to the digest its
                                   registry serves (network; implies writing like --fix,
                                   or a diff with --fix-dry-run). Credentials come from
                                   the Docker config file ($DOCKER_CONFIG or ~/.docker)
      --insecure-registry <host>   allow plain HTTP for <host[:port]> (repeatable;
                                   localhost and 127.0.0.1 are always allowed)
      --registry-timeout <ms>      time budget per registry lookup (default: 10000)
      --shellcheck                 also check shell-form RUN bodies with ShellCheck
                                   (codes SCnnnn); the default when a shellcheck
                                   executable is on PATH. Asked for and missing: exit 2
      --no-shellcheck              do not run ShellCheck
      --shellcheck-path <exe>      the ShellCheck to run: an absolute path or a command
                                   name looked up on PATH (default: shellcheck)
  -t, --failure-threshold <level>  exit 1 only for findings at or above <level>:
                                   error, warning, info, style or none (default: info,
                                   as in hadolint, unless a config file sets one)
      --config <file>              read settings from this hadolint-style YAML file
                                   instead of looking for one
      --no-config                  read no configuration file
      --context <dir>              the build context of every Dockerfile (default: each
                                   Dockerfile's own folder; none for stdin). Its
                                   .dockerignore (or <Dockerfile>.dockerignore beside the
                                   Dockerfile) and top-level entries feed LW1030, LW1031
                                   and LW1112. --fix never creates or edits .dockerignore
      --no-gitignore               also lint files that .gitignore files exclude
      --list-rules                 list every rule (a JSON array with --format json)
      --print-config               print the settings each given file (default:
                                   ./Dockerfile; a folder: a Dockerfile in it) would
                                   be linted with and where each one comes from
                                   (JSON with --format json); lints nothing
  -v, --version                    print the version
  -h, --help                       print this help

hadolint's options work too: --ignore <code> (as --disable), --error, --warning,
--info and --style <code> (set a rule's level), --no-fail (as -t none, unless -t is
given), --trusted-registry <host>, --require-label <label:type>, --strict-labels,
--disable-ignore-pragma, -c <file> (as --config) and -V, --verbose (which config file
the Dockerfiles use, on stderr). Those taking a value are repeatable.

Levels are hadolint's: error, warning, info, style. Lines and columns are 1-based;
columns count characters. The text format is coloured only when stdout is a terminal
and NO_COLOR is not set (FORCE_COLOR=1 colours it anyway; NO_COLOR wins).

Configuration: for each Dockerfile the nearest .layerwise.yaml, .layerwise.yml,
.hadolint.yaml or .hadolint.yml from its folder up to the repository root (a folder
with .git) is used, else $XDG_CONFIG_HOME/layerwise.yaml or hadolint.yaml,
~/.config/layerwise.yaml or hadolint.yaml, ~/.hadolint/hadolint.yaml or
~/.hadolint.yaml. Keys: ignored, override, failure-threshold, no-fail,
disable-ignore-pragma, trustedRegistries (DL3026), label-schema and strict-labels
(DL3049-DL3058); .layerwise.yaml also takes rules: {code: on|off|error|warning|info|hint}.

Environment (for CI; LAYERWISE_<NAME> wins over hadolint's HADOLINT_<NAME>): FORMAT,
FAILURE_THRESHOLD, NOFAIL, IGNORE, OVERRIDE_ERROR, OVERRIDE_WARNING, OVERRIDE_INFO,
OVERRIDE_STYLE (comma-separated rule codes), DISABLE_IGNORE_PRAGMA, TRUSTED_REGISTRIES,
REQUIRE_LABELS (label:type,...), STRICT_LABELS, VERBOSE; and LAYERWISE_RULES
(code=on|off|error|warning|info|hint,...). Booleans: 1/0, true/false, yes/no, on/off.
An invalid value is an error (exit 2). Command-line options win over the environment,
the environment over the config file.

Exit status: 0 nothing at or above the threshold, 1 findings at or above it,
2 usage, I/O or configuration error (other files are still linted).
`;

type Threshold = Level | 'none';
const THRESHOLDS: readonly Threshold[] = ['error', 'warning', 'info', 'style', 'none'];

class UsageError extends Error {}

interface Args {
  format: Format;
  /** True when -f/--format was given (it then wins over LAYERWISE_FORMAT / HADOLINT_FORMAT). */
  formatSet: boolean;
  enable: string[];
  disable: string[];
  fix: boolean;
  fixDryRun: boolean;
  pinDigests: boolean;
  insecureRegistries: string[];
  registryTimeoutMs: number;
  /** auto: when found on PATH; on: asked for (a missing one is an error); off. */
  shellcheck: 'auto' | 'on' | 'off';
  shellcheckPath?: string;
  threshold: Threshold;
  /** True when -t/--failure-threshold was given (it then wins over a config file). */
  thresholdSet: boolean;
  config?: string;
  noConfig: boolean;
  /** --context: one build context for every Dockerfile. */
  context?: string;
  listRules: boolean;
  printConfig: boolean;
  noGitignore: boolean;
  noColor: boolean;
  /** hadolint's options: --error/--warning/--info/--style <code> (canonical code → level). */
  levels: Record<string, Severity>;
  /** The option that set each code's level, for --print-config. */
  levelFlags: Record<string, string>;
  noFail: boolean;
  trustedRegistries?: string[];
  requireLabels?: Record<string, string>;
  strictLabels: boolean;
  disableIgnorePragma: boolean;
  verbose: boolean;
  version: boolean;
  help: boolean;
  inputs: string[];
}

const splitIds = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

export function parseArgs(argv: readonly string[]): Args {
  const a: Args = { format: 'text', formatSet: false, printConfig: false, noGitignore: false, enable: [], disable: [], fix: false, fixDryRun: false, pinDigests: false, insecureRegistries: [], registryTimeoutMs: 10000, shellcheck: 'auto', threshold: 'info', thresholdSet: false, noConfig: false, listRules: false, noColor: false, levels: {}, levelFlags: {}, noFail: false, strictLabels: false, disableIgnorePragma: false, verbose: false, version: false, help: false, inputs: [] };
  const takesValue = new Map([
    ['--format', '--format'], ['-f', '--format'],
    ['--enable', '--enable'], ['--disable', '--disable'],
    ['--failure-threshold', '--failure-threshold'], ['-t', '--failure-threshold'],
    ['--insecure-registry', '--insecure-registry'], ['--registry-timeout', '--registry-timeout'],
    ['--config', '--config'], ['-c', '--config'], ['--shellcheck-path', '--shellcheck-path'],
    // hadolint's names
    ['--ignore', '--ignore'], ['--error', '--error'], ['--warning', '--warning'], ['--info', '--info'], ['--style', '--style'],
    ['--trusted-registry', '--trusted-registry'], ['--require-label', '--require-label'],
    ['--context', '--context'],
  ]);
  const flags = new Map([
    ['--fix', 'fix'], ['--fix-dry-run', 'fixDryRun'], ['--pin-digests', 'pinDigests'], ['--list-rules', 'listRules'], ['--print-config', 'printConfig'], ['--no-gitignore', 'noGitignore'], ['--no-fail', 'noFail'], ['--strict-labels', 'strictLabels'], ['--disable-ignore-pragma', 'disableIgnorePragma'], ['--verbose', 'verbose'], ['-V', 'verbose'], ['--no-config', 'noConfig'], ['--no-color', 'noColor'], ['--version', 'version'], ['-v', 'version'], ['--help', 'help'], ['-h', 'help'],
  ] as const);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { a.inputs.push(...argv.slice(i + 1)); break; }
    if (arg === '-' || !arg.startsWith('-')) { a.inputs.push(arg); continue; }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = flags.get(name as never);
    if (flag) {
      if (eq > 0) throw new UsageError(`option '${name}' takes no value`);
      a[flag] = true;
      continue;
    }
    if (name === '--shellcheck' || name === '--no-shellcheck') {
      if (eq > 0) throw new UsageError(`option '${name}' takes no value`);
      a.shellcheck = name === '--shellcheck' ? 'on' : 'off';
      continue;
    }
    const opt = takesValue.get(name);
    if (!opt) throw new UsageError(`unknown option '${name}' (see --help)`);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else throw new UsageError(`option '${opt}' needs a value`);
    switch (opt) {
      case '--format': {
        const v = parseFormat(value); // hadolint's names tty and gitlab_codeclimate too
        if (!v) throw new UsageError(`unknown format '${value}' (expected ${FORMATS.join(', ')})`);
        a.format = v;
        a.formatSet = true;
        break;
      }
      case '--insecure-registry': a.insecureRegistries.push(...splitIds(value)); break;
      case '--registry-timeout': {
        const ms = Number(value);
        if (!Number.isInteger(ms) || ms <= 0) throw new UsageError(`--registry-timeout needs a positive number of milliseconds, not '${value}'`);
        a.registryTimeoutMs = ms;
        break;
      }
      case '--enable': a.enable.push(...splitIds(value)); break;
      case '--disable': a.disable.push(...splitIds(value)); break;
      case '--failure-threshold': {
        const v = value.toLowerCase() === 'hint' ? 'style' : value.toLowerCase();
        if (!(THRESHOLDS as readonly string[]).includes(v)) throw new UsageError(`unknown failure threshold '${value}' (expected ${THRESHOLDS.join(', ')})`);
        a.threshold = v as Threshold;
        a.thresholdSet = true;
        break;
      }
      case '--ignore': a.disable.push(...splitIds(value)); break;
      case '--error': case '--warning': case '--info': case '--style': {
        const level: Severity = opt === '--style' ? 'hint' : (opt.slice(2) as Severity);
        for (const id of splitIds(value)) {
          const code = findRule(id)?.meta.code ?? (isShellcheckCode(id) ? id.trim().toUpperCase() : undefined);
          if (!code) throw new UsageError(`unknown rule id '${id}' in ${opt} (see --list-rules)`);
          a.levels[code] = level;
          a.levelFlags[code] = opt;
        }
        break;
      }
      case '--trusted-registry': (a.trustedRegistries ??= []).push(...splitIds(value)); break;
      case '--require-label': {
        for (const item of splitIds(value)) {
          const colon = item.lastIndexOf(':');
          const label = colon > 0 ? item.slice(0, colon).trim() : '';
          const type = colon > 0 ? item.slice(colon + 1).trim() : '';
          if (!label || !(LABEL_TYPES as readonly string[]).includes(type)) throw new UsageError(`--require-label needs label:type (types: ${LABEL_TYPES.join(', ')}), not '${item}'`);
          (a.requireLabels ??= {})[label] = type;
        }
        break;
      }
      case '--shellcheck-path':
        if (value.trim() === '') throw new UsageError('--shellcheck-path needs an executable');
        // A path is the user's own, relative to where they run the CLI.
        a.shellcheckPath = /[\\/]/.test(value) ? path.resolve(value) : value;
        break;
      case '--config':
        if (value === '') throw new UsageError('--config needs a file name');
        a.config = value;
        break;
      case '--context':
        if (value === '') throw new UsageError('--context needs a directory');
        a.context = value;
        break;
    }
  }
  if (a.config !== undefined && a.noConfig) throw new UsageError('--config and --no-config cannot be used together');
  if (a.shellcheckPath !== undefined && a.shellcheck === 'off') throw new UsageError('--shellcheck-path and --no-shellcheck cannot be used together');
  // Naming the executable is asking for it.
  if (a.shellcheckPath !== undefined) a.shellcheck = 'on';
  return a;
}

export { CONFIG_NAMES, discoverConfig } from './config/discover';
import { discoverConfig } from './config/discover';
import { GitIgnore, repositoryRoot } from './host/gitignore';

/** Dockerfile-like names: Dockerfile, Containerfile, *.dockerfile, Dockerfile.*, Containerfile.* */
export function isDockerfileName(name: string): boolean {
  const n = name.toLowerCase();
  if (n.endsWith('.dockerignore')) return false;
  return n === 'dockerfile' || n === 'containerfile' || n.endsWith('.dockerfile')
    || n.startsWith('dockerfile.') || n.startsWith('containerfile.');
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const byName = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Dockerfile-like files under `dir`, depth first, entries in code-unit order (so the output
 * order does not depend on the file system). Symlinked directories are not followed (so
 * links cannot loop); paths git ignores (.gitignore files of the repository, nested ones
 * included, and .git/info/exclude) are skipped unless `gitignore` is false; a folder that
 * cannot be read is reported through `onError` and the walk goes on.
 */
export function findDockerfiles(dir: string, onError: (p: string, e: unknown) => void = (_p, e) => { throw e; }, opts: { gitignore?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (d: string, rules: GitIgnore | null) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => byName(x.name, y.name)); } catch (e) { onError(d, e); return; }
    const abs = rules ? path.resolve(d) : '';
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name)) continue;
        if (rules && rules.ignores(path.join(abs, e.name), true)) continue;
        walk(p, rules && rules.enter(path.join(abs, e.name)));
        continue;
      }
      if (!isDockerfileName(e.name)) continue;
      if (rules && rules.ignores(path.join(abs, e.name), false)) continue;
      if (e.isFile()) out.push(p);
      else if (e.isSymbolicLink()) {
        try { if (fs.statSync(p).isFile()) out.push(p); } catch (err) {
          // A dangling link is not a file; a link loop named like a Dockerfile is worth a line.
          if ((err as NodeJS.ErrnoException).code === 'ELOOP') onError(p, err);
        }
      }
    }
  };
  walk(dir, opts.gitignore === false ? null : GitIgnore.forWalk(dir));
  return out;
}

/** Larger inputs are refused: no real Dockerfile comes near it, and it bounds time and memory. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Reads a file as a Dockerfile, or says in one phrase why it cannot be one. */
function readDockerfile(file: string): string {
  const st = fs.statSync(file);
  if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!st.isFile()) throw new Error('not a regular file');
  if (st.size > MAX_FILE_BYTES) throw new Error(`too large for a Dockerfile (${(st.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB)`);
  const buf = fs.readFileSync(file);
  if (buf.length > MAX_FILE_BYTES) throw new Error(`too large for a Dockerfile (the limit is ${MAX_FILE_BYTES / 1048576} MiB)`);
  if (buf.subarray(0, 8192).includes(0)) throw new Error('binary file (contains NUL bytes), not a Dockerfile');
  return buf.toString('utf8');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

const errMessage = (e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'ENOENT') return 'no such file or directory';
  if (err && err.code === 'EACCES') return 'permission denied';
  if (err && err.code === 'EISDIR') return 'is a directory';
  if (err && err.code === 'ELOOP') return 'too many levels of symbolic links (a link loop?)';
  if (err && err.code === 'ENOTDIR') return 'not a directory (a path component is a file)';
  if (err && err.code === 'ENAMETOOLONG') return 'file name too long';
  return (err && err.message) || String(e);
};

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Promise<string>;
  color: boolean;
  /** The environment (LAYERWISE_* / HADOLINT_* overrides); process.env when absent. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Whether the text format may use colour: NO_COLOR (any non-empty value) never; else
 * FORCE_COLOR (non-empty, other than 0 or false) always; else only on a terminal.
 */
export function colorWanted(isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  return isTTY;
}

function defaultIo(): Io {
  return {
    stdout: (s) => { if (s) process.stdout.write(s); },
    stderr: (s) => { if (s) process.stderr.write(s); },
    readStdin,
    color: colorWanted(!!process.stdout.isTTY),
  };
}

/** Run the CLI; resolves to the exit code (0 clean, 1 findings at/above threshold, 2 usage or I/O error). */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const fail = (msg: string) => io.stderr(`layerwise: ${msg}\n`);
  let args: Args;
  let env: EnvSettings;
  let format: Setting<string>;
  try {
    args = parseArgs(argv);
    if (args.help) { io.stdout(HELP); return 0; }
    if (args.version) { io.stdout(`layerwise ${version}\n`); return 0; }
    const fromEnv = readEnv(io.env ?? process.env, parseFormat);
    for (const w of fromEnv.warnings) fail(`warning: ${w}`);
    if (fromEnv.errors.length) throw new UsageError(fromEnv.errors.join('\nlayerwise: '));
    env = fromEnv.settings;
    format = args.formatSet ? { value: args.format, source: { kind: 'cli', name: '--format' } }
      : env.format ? { value: env.format.value, source: { kind: 'env', name: env.format.name } }
      : { value: args.format, source: { kind: 'default' } };
    args.format = format.value as Format;
    if (args.listRules) {
      io.stdout(args.format === 'json' ? formatRulesJson(allRules) : formatRulesText(allRules));
      return 0;
    }
    const unknown = unknownRuleIds([...args.enable, ...args.disable]);
    if (unknown.length) throw new UsageError(`unknown rule id${unknown.length > 1 ? 's' : ''} in --enable/--disable: ${unknown.join(', ')} (see --list-rules)`);
    if (args.inputs.length === 0 && !args.printConfig) throw new UsageError('no input files (give files, directories or - for stdin; see --help)');
    if (args.context !== undefined) {
      let st: fs.Stats;
      try { st = fs.statSync(args.context); } catch (e) { throw new UsageError(`--context ${args.context}: ${errMessage(e)}`); }
      if (!st.isDirectory()) throw new UsageError(`--context ${args.context}: not a directory`);
    }
  } catch (e) {
    if (e instanceof UsageError) { fail(e.message); return 2; }
    throw e;
  }

  let ioError = false;
  // Config files, each read and reported once; per folder, the config that applies.
  const configs = new Map<string, HadolintConfig | undefined>();
  const loadConfig = (p: string): HadolintConfig | undefined => {
    const key = path.resolve(p);
    if (configs.has(key)) return configs.get(key);
    let cfg: HadolintConfig | undefined;
    try {
      const st = fs.statSync(p);
      if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: st.isDirectory() ? 'EISDIR' : undefined });
      if (st.size > 1024 * 1024) throw new Error('too large for a configuration file');
      cfg = parseHadolintConfig(fs.readFileSync(p, 'utf8'), p);
      for (const pr of cfg.problems) {
        if (pr.severity === 'error') { fail(pr.message); ioError = true; } else fail(`warning: ${pr.message}`);
      }
    } catch (e) {
      fail(`${p}: cannot read configuration: ${errMessage(e)}`); ioError = true;
    }
    configs.set(key, cfg);
    return cfg;
  };
  const dirConfig = new Map<string, string | undefined>();
  const configPathFor = (file: string): string | undefined => {
    if (args.noConfig) return undefined;
    if (args.config !== undefined) return args.config;
    const dir = path.resolve(file === '-' ? '.' : path.dirname(file));
    if (!dirConfig.has(dir)) dirConfig.set(dir, discoverConfig(dir));
    return dirConfig.get(dir);
  };
  // Per config file: the settings of every layer (defaults < file < environment < options).
  const effective = new Map<string | undefined, ReturnType<typeof resolveSettings>>();
  const settingsFor = (file: string) => {
    const p = configPathFor(file);
    let e = effective.get(p);
    if (!e) {
      const cfg = p === undefined ? undefined : loadConfig(p);
      e = resolveSettings(cfg, p, env, {
        enable: args.enable, disable: args.disable, failureThreshold: args.thresholdSet ? args.threshold : args.noFail ? 'none' : undefined,
        thresholdFlag: args.thresholdSet ? '--failure-threshold' : '--no-fail',
        levels: args.levels, levelFlags: args.levelFlags, trustedRegistries: args.trustedRegistries, labelSchema: args.requireLabels,
        strictLabels: args.strictLabels || undefined, ignorePragmas: args.disableIgnorePragma ? false : undefined,
      });
      effective.set(p, e);
      if (args.verbose || env.verbose?.value) io.stderr(`layerwise: settings for ${file}: ${p === undefined ? 'no config file' : `config file ${p}`}\n`);
    }
    return e;
  };

  if (args.printConfig) {
    // The settings a Dockerfile at each given path would get (a folder: a Dockerfile in it).
    const targets = args.inputs.length ? args.inputs : ['Dockerfile'];
    const out = targets.map((t) => {
      let file = t;
      try { if (t !== '-' && fs.statSync(t).isDirectory()) file = path.join(t, 'Dockerfile'); } catch { /* need not exist */ }
      return { file, e: settingsFor(file) };
    });
    const host = (file: string): HostSettings => ({
      buildContext: args.context !== undefined
        ? { value: args.context, source: { kind: 'cli', name: '--context' } }
        : { value: file === '-' ? '(none for stdin)' : `${path.dirname(file)} (the Dockerfile's folder)`, source: { kind: 'default' } },
      shellcheck: args.shellcheck === 'off'
        ? { value: 'off', source: { kind: 'cli', name: '--no-shellcheck' } }
        : args.shellcheck === 'on'
          ? { value: `on: ${args.shellcheckPath ?? 'shellcheck'}`, source: { kind: 'cli', name: args.shellcheckPath !== undefined ? '--shellcheck-path' : '--shellcheck' } }
          : { value: 'when shellcheck is found on PATH', source: { kind: 'default' } },
    });
    io.stdout(args.format === 'json'
      ? JSON.stringify(out.map(({ file, e }) => effectiveJson(file, e, format, host(file))), null, 2) + '\n'
      : out.map(({ file, e }) => formatEffectiveText(file, e, format, host(file))).join('\n'));
    return ioError ? 2 : 0;
  }

  // Expand inputs to files, keeping argument order; each file once.
  const files: string[] = [];
  let folders = 0;
  const seen = new Set<string>();
  const add = (f: string) => { const key = f === '-' ? '-' : path.resolve(f); if (!seen.has(key)) { seen.add(key); files.push(f); } };
  for (const input of args.inputs) {
    if (input === '-') { add('-'); continue; }
    let st: fs.Stats;
    try { st = fs.statSync(input); } catch (e) { fail(`${input}: ${errMessage(e)}`); ioError = true; continue; }
    if (!st.isDirectory()) { add(input); continue; }
    let found: string[];
    found = findDockerfiles(input, (p, e) => { fail(`${p}: ${errMessage(e)}`); ioError = true; }, { gitignore: !args.noGitignore });
    folders++;
    if (found.length === 0) fail(`warning: no Dockerfiles found under ${input}`);
    found.forEach(add);
  }

  await initEngine();

  const reports: FileReport[] = [];
  const thresholds = new Map<FileReport, Threshold>();
  let fixedStdin: string | undefined;
  const diffs: string[] = [];
  const applyFixes = args.fix || args.fixDryRun;
  const changes = applyFixes || args.pinDigests;
  // The network is used only with --pin-digests, and only after the files were read.
  const registry = args.pinDigests
    ? new RegistryClient({ timeoutMs: args.registryTimeoutMs, trustedWorkspace: true, insecureRegistries: [...DEFAULT_INSECURE_REGISTRIES, ...args.insecureRegistries] })
    : null;
  const verb = args.fixDryRun ? 'would fix' : 'fixed';
  // ShellCheck: when asked for, or when one is on PATH. Asked for and missing is an error.
  let shellcheck: ShellcheckRunner | null = null;
  if (args.shellcheck !== 'off' && files.length) {
    const runner = new ShellcheckRunner({ path: args.shellcheckPath });
    const probe = await runner.probe();
    if (probe.ok) shellcheck = runner;
    else if (args.shellcheck === 'on') { fail(`${probe.error}; RUN bodies were not checked with ShellCheck`); ioError = true; }
  }
  // .dockerignore and top-level names of each Dockerfile's build context (not for stdin).
  const contexts = new BuildContextCache({
    log: (m) => { fail(`warning: ${m}`); },
    display: (dir) => { const rel = path.relative(process.cwd(), dir); return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? dir : rel; },
  });
  for (const file of files) {
    const eff = settingsFor(file);
    const options: LintOptions = eff.options;
    const buildContext = file === '-' ? null : contexts.factsFor(file, args.context);
    const ctx: RuleContext = { settings: eff.ruleSettings, ...(buildContext ? { buildContext } : {}) };
    const threshold: Threshold = eff.failureThreshold.value;
    let text: string;
    try {
      text = file === '-' ? await io.readStdin() : readDockerfile(file);
    } catch (e) {
      fail(`${file}: ${errMessage(e)}`); ioError = true; continue;
    }
    if (changes) {
      const original = text;
      if (applyFixes) {
        try {
          const r = fixAll(text, options, (f: Finding) => f.fixes.some((x) => x.safety === 'safe'), allRules, undefined, ctx);
          text = r.text;
          if (r.applied.length) io.stderr(`${verb} ${r.applied.length} finding${r.applied.length === 1 ? '' : 's'} in ${file}\n`);
        } catch (e) {
          fail(`${file}: could not apply fixes: ${errMessage(e)}`); ioError = true;
        }
      }
      if (registry) {
        const r = await pinAllDigests(buildModel(text), (ref) => registry.resolveDigest(ref));
        for (const err of r.errors) { fail(`${file}:${err.line + 1}: ${err.error}`); ioError = true; }
        if (r.edits.length) {
          text = applyEdits(text, r.edits);
          io.stderr(`${args.fixDryRun ? 'would pin' : 'pinned'} ${r.pinned.length} image${r.pinned.length === 1 ? '' : 's'} in ${file}\n`);
        }
      }
      if (args.fixDryRun) diffs.push(unifiedDiff(file, original, text));
      else if (text !== original && file !== '-') {
        try { fs.writeFileSync(file, text, 'utf8'); } catch (e) { fail(`${file}: cannot write fixes: ${errMessage(e)}`); ioError = true; }
      }
      if (args.fixDryRun) text = original; // the report describes the file as it is on disk
      else if (file === '-') fixedStdin = text;
    }
    const result = lint(text, options, allRules, ctx);
    for (const re of result.ruleErrors) fail(`rule ${re.code} failed on ${file}: ${re.message.split(/\r?\n/)[0]}`);
    let findings = result.findings;
    if (shellcheck) {
      const sc = await shellcheck.findings(result.model, options);
      if (sc) {
        for (const e of sc.errors) fail(`warning: ${file}: ${e}`);
        findings = mergeFindings(findings, sc.findings);
      }
    }
    reports.push({ file, text, findings });
    thresholds.set(reports[reports.length - 1], threshold);
  }

  // Text output ends with a summary on stderr when more than one file (or a folder) was linted.
  const summary = args.format === 'text' && (folders > 0 || reports.length > 1) ? summaryLine(reports) : '';
  // CI formats name files relative to the repository root (what code scanning, GitLab and
  // annotations resolve them against), also when the CLI runs in a subfolder.
  const rctx: RenderContext = { color: false, rules: allRules, version, repoUrl: repoWebUrl(repository), cwd: process.cwd(), root: repositoryRoot(process.cwd()) };
  if (args.fixDryRun) {
    // stdout carries the diff; the findings report goes to stderr.
    io.stdout(diffs.join(''));
    io.stderr(render(args.format, reports, rctx) + summary);
    return exitCode(reports, thresholds, ioError);
  }

  // With --fix and stdin, stdout carries the fixed text; the report goes to stderr.
  const report = render(args.format, reports, { ...rctx, color: io.color && !args.noColor && fixedStdin === undefined });
  if (fixedStdin !== undefined) { io.stdout(fixedStdin); io.stderr(report); }
  else io.stdout(report);
  io.stderr(summary);

  return exitCode(reports, thresholds, ioError);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 files linted: 1 error, 2 warnings, 1 info, 0 style; 2 fixable (1 by --fix)" */
export function summaryLine(reports: readonly FileReport[]): string {
  const by: Record<Level, number> = { error: 0, warning: 0, info: 0, style: 0 };
  let fixable = 0;
  let safe = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      by[levelOf(f.severity)]++;
      if (f.fixes.length) fixable++;
      if (f.fixes.some((x) => x.safety === 'safe')) safe++;
    }
  }
  const total = by.error + by.warning + by.info + by.style;
  const head = `${plural(reports.length, 'file')} linted`;
  if (total === 0) return `${head}: no findings\n`;
  return `${head}: ${plural(by.error, 'error')}, ${plural(by.warning, 'warning')}, ${by.info} info, ${by.style} style; ${fixable} fixable (${safe} by --fix)\n`;
}

function exitCode(reports: FileReport[], thresholds: Map<FileReport, Threshold>, ioError: boolean): number {
  if (ioError) return 2;
  const failing = reports.some((r) => {
    const t = thresholds.get(r) ?? 'info';
    if (t === 'none') return false;
    const min = LEVEL_RANK[t];
    return r.findings.some((f) => LEVEL_RANK[levelOf(f.severity)] >= min);
  });
  return failing ? 1 : 0;
}

if (require.main === module) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`layerwise: internal error: ${e instanceof Error ? e.message : String(e)}\n`); process.exitCode = 2; },
  );
}
