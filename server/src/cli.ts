// CLI wiring only: parse arguments, find and read files, call the engine, hand the findings
// to a format, choose the exit code. Anything smarter belongs in the engine.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, LintOptions } from '../../shared/types';
import { lint, fixAll, allRules, unknownRuleIds } from './engine';
import { initEngine } from './host/shellWasm';
import { buildModel } from './engine/model';
import { applyEdits } from './engine/text';
import { RegistryClient, DEFAULT_INSECURE_REGISTRIES } from './registry/client';
import { pinAllDigests } from './registry/pin';
import { unifiedDiff } from './formats/diff';
import {
  FORMATS, LEVEL_RANK, formatJson, formatRulesJson, formatRulesText, formatText, levelOf,
  type FileReport, type Format, type Level,
} from './formats';
// A JSON import, so esbuild inlines the version into dist/cli.js.
import { version } from '../../package.json';
import { parseHadolintConfig, lintOptionsFrom, ruleSettingsFrom, type HadolintConfig } from './config/hadolint';
import type { RuleContext } from './engine/rule';
import { ShellcheckRunner } from './host/shellcheck';
import { mergeFindings } from './engine/shellcheck';

export const HELP = `Usage: layerwise [options] <file|dir|->...

Lint Dockerfiles against container best practices and fix what can be fixed safely.
Directories are searched recursively for Dockerfile, Containerfile, *.dockerfile,
Dockerfile.* and Containerfile.* (not *.dockerignore; node_modules and .git are
skipped). "-" reads a Dockerfile from stdin (reported as file "-").

Options:
  -f, --format <text|json>         output format (default: text)
                                   text: file:line:column: level code message
                                   json: one array of {file, line, column, endLine,
                                   endColumn, level, code, name, aliases, message,
                                   fixable, fixSafety}
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
      --list-rules                 list every rule (a JSON array with --format json)
  -v, --version                    print the version
  -h, --help                       print this help

Levels are hadolint's: error, warning, info, style. Lines and columns are 1-based;
columns count characters. Colour is used only when stdout is a terminal and NO_COLOR
is not set.

Configuration: for each Dockerfile the nearest .layerwise.yaml, .layerwise.yml,
.hadolint.yaml or .hadolint.yml from its folder up to the repository root (a folder
with .git) is used, else $XDG_CONFIG_HOME/layerwise.yaml or hadolint.yaml,
~/.config/layerwise.yaml or hadolint.yaml, ~/.hadolint/hadolint.yaml or
~/.hadolint.yaml. Keys: ignored, override, failure-threshold, no-fail,
disable-ignore-pragma, trustedRegistries (DL3026), label-schema and strict-labels
(DL3049-DL3058); .layerwise.yaml also takes rules: {code: on|off|error|warning|info|hint}.
Command-line options win.

Exit status: 0 nothing at or above the threshold, 1 findings at or above it,
2 usage, I/O or configuration error (other files are still linted).
`;

type Threshold = Level | 'none';
const THRESHOLDS: readonly Threshold[] = ['error', 'warning', 'info', 'style', 'none'];

class UsageError extends Error {}

interface Args {
  format: Format;
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
  listRules: boolean;
  version: boolean;
  help: boolean;
  inputs: string[];
}

const splitIds = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

export function parseArgs(argv: readonly string[]): Args {
  const a: Args = { format: 'text', enable: [], disable: [], fix: false, fixDryRun: false, pinDigests: false, insecureRegistries: [], registryTimeoutMs: 10000, shellcheck: 'auto', threshold: 'info', thresholdSet: false, noConfig: false, listRules: false, version: false, help: false, inputs: [] };
  const takesValue = new Map([
    ['--format', '--format'], ['-f', '--format'],
    ['--enable', '--enable'], ['--disable', '--disable'],
    ['--failure-threshold', '--failure-threshold'], ['-t', '--failure-threshold'],
    ['--insecure-registry', '--insecure-registry'], ['--registry-timeout', '--registry-timeout'],
    ['--config', '--config'], ['--shellcheck-path', '--shellcheck-path'],
  ]);
  const flags = new Map([
    ['--fix', 'fix'], ['--fix-dry-run', 'fixDryRun'], ['--pin-digests', 'pinDigests'], ['--list-rules', 'listRules'], ['--no-config', 'noConfig'], ['--version', 'version'], ['-v', 'version'], ['--help', 'help'], ['-h', 'help'],
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
        const v = value.toLowerCase() === 'tty' ? 'text' : value.toLowerCase(); // hadolint's name for text
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown format '${value}' (expected ${FORMATS.join(' or ')})`);
        a.format = v as Format;
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
      case '--shellcheck-path':
        if (value.trim() === '') throw new UsageError('--shellcheck-path needs an executable');
        // A path is the user's own, relative to where they run the CLI.
        a.shellcheckPath = /[\\/]/.test(value) ? path.resolve(value) : value;
        break;
      case '--config':
        if (value === '') throw new UsageError('--config needs a file name');
        a.config = value;
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
 * Dockerfile-like files under `dir`, depth first, entries in code-unit order. Symlinked
 * directories are not followed (so links cannot loop); a folder that cannot be read is
 * reported through `onError` and the walk goes on.
 */
export function findDockerfiles(dir: string, onError: (p: string, e: unknown) => void = (_p, e) => { throw e; }): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => byName(x.name, y.name)); } catch (e) { onError(d, e); return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name)) walk(p); continue; }
      if (!isDockerfileName(e.name)) continue;
      if (e.isFile()) out.push(p);
      else if (e.isSymbolicLink()) {
        try { if (fs.statSync(p).isFile()) out.push(p); } catch (err) {
          // A dangling link is not a file; a link loop named like a Dockerfile is worth a line.
          if ((err as NodeJS.ErrnoException).code === 'ELOOP') onError(p, err);
        }
      }
    }
  };
  walk(dir);
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
}

function defaultIo(): Io {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    stdout: (s) => { if (s) process.stdout.write(s); },
    stderr: (s) => { if (s) process.stderr.write(s); },
    readStdin,
    color: !!process.stdout.isTTY && !noColor,
  };
}

/** Run the CLI; resolves to the exit code (0 clean, 1 findings at/above threshold, 2 usage or I/O error). */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const fail = (msg: string) => io.stderr(`layerwise: ${msg}\n`);
  let args: Args;
  try {
    args = parseArgs(argv);
    if (args.help) { io.stdout(HELP); return 0; }
    if (args.version) { io.stdout(`layerwise ${version}\n`); return 0; }
    if (args.listRules) {
      io.stdout(args.format === 'json' ? formatRulesJson(allRules) : formatRulesText(allRules));
      return 0;
    }
    const unknown = unknownRuleIds([...args.enable, ...args.disable]);
    if (unknown.length) throw new UsageError(`unknown rule id${unknown.length > 1 ? 's' : ''} in --enable/--disable: ${unknown.join(', ')} (see --list-rules)`);
    if (args.inputs.length === 0) throw new UsageError('no input files (give files, directories or - for stdin; see --help)');
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
  const configFor = (file: string): HadolintConfig | undefined => {
    if (args.noConfig) return undefined;
    if (args.config !== undefined) return loadConfig(args.config);
    const dir = path.resolve(file === '-' ? '.' : path.dirname(file));
    if (!dirConfig.has(dir)) dirConfig.set(dir, discoverConfig(dir));
    const p = dirConfig.get(dir);
    return p === undefined ? undefined : loadConfig(p);
  };

  // Expand inputs to files, keeping argument order; each file once.
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => { const key = f === '-' ? '-' : path.resolve(f); if (!seen.has(key)) { seen.add(key); files.push(f); } };
  for (const input of args.inputs) {
    if (input === '-') { add('-'); continue; }
    let st: fs.Stats;
    try { st = fs.statSync(input); } catch (e) { fail(`${input}: ${errMessage(e)}`); ioError = true; continue; }
    if (!st.isDirectory()) { add(input); continue; }
    let found: string[];
    found = findDockerfiles(input, (p, e) => { fail(`${p}: ${errMessage(e)}`); ioError = true; });
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
  for (const file of files) {
    const cfg = configFor(file);
    const options: LintOptions = lintOptionsFrom(cfg, { enable: args.enable, disable: args.disable });
    const ctx: RuleContext = { settings: ruleSettingsFrom(cfg) };
    const threshold: Threshold = args.thresholdSet ? args.threshold : cfg?.failureThreshold ?? args.threshold;
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

  if (args.fixDryRun) {
    // stdout carries the diff; the findings report goes to stderr.
    io.stdout(diffs.join(''));
    io.stderr(args.format === 'json' ? formatJson(reports) : formatText(reports, { color: false }));
    return exitCode(reports, thresholds, ioError);
  }

  // With --fix and stdin, stdout carries the fixed text; the report goes to stderr.
  const report = args.format === 'json' ? formatJson(reports) : formatText(reports, { color: io.color && fixedStdin === undefined });
  if (fixedStdin !== undefined) { io.stdout(fixedStdin); io.stderr(report); }
  else io.stdout(report);

  return exitCode(reports, thresholds, ioError);
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
