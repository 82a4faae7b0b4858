// Language package managers over the model: pip invocations, RUN --mount values, and which
// commands install dependencies from which manifest (for cache-order rules). Pure functions.
import type { Range } from '../../../shared/types';
import type { Inst, Word } from './model';
import type { ShellCommand, ShellWord } from './shell';

/** An argv word: a parsed shell word, or an exec-form JSON string (static). */
export type ArgWord = Pick<ShellWord, 'value' | 'range'> & { dynamic?: boolean };

const PIP = /^pip[0-9.]*$/;
const PYTHON = /^python[0-9.]*$/;
/** Python interpreter options that take a separate value (`-W ignore`, `-X dev`). */
const PYTHON_OPTS_WITH_VALUE = new Set(['-W', '-X', '-Q']);
/** pip general options that take a separate value and may come before the subcommand. */
const PIP_GENERAL_WITH_VALUE = new Set([
  '--proxy', '--retries', '--timeout', '--log', '--log-file', '--local-log', '--cache-dir', '--exists-action',
  '--trusted-host', '--cert', '--client-cert', '--python', '--keyring-provider', '--use-feature',
  '--use-deprecated', '--resume-retries',
]);

function basename(v: string): string {
  const i = v.lastIndexOf('/');
  return i >= 0 ? v.slice(i + 1) : v;
}

export interface PipCall {
  /** Index in argv of `pip` itself (0 for `pip`, after `-m` for `python -m pip`). */
  pipIndex: number;
  /** The subcommand word (`install`), or null when none is written. */
  sub: ArgWord | null;
  subIndex: number;
}

/**
 * `pip …`, `pip3.12 …`, `python -m pip …`, `python3 -m pip …` (not pipx, pipenv or `uv pip`):
 * where pip's own arguments start and which subcommand it runs. Null for anything else.
 */
export function pipCall(argv: readonly ArgWord[]): PipCall | null {
  if (!argv.length || argv[0].dynamic) return null;
  const prog = basename(argv[0].value);
  let i: number;
  if (PIP.test(prog)) i = 1;
  else if (PYTHON.test(prog)) {
    let k = 1;
    let found = -1;
    while (k < argv.length && argv[k].value.startsWith('-')) {
      const v = argv[k].value;
      if (v === '-m') { if (argv[k + 1]?.value === 'pip') found = k + 2; break; }
      if (v === '-mpip') { found = k + 1; break; }
      if (v === '-c' || v.startsWith('-m')) break;
      k += PYTHON_OPTS_WITH_VALUE.has(v) ? 2 : 1;
    }
    if (found < 0) return null;
    i = found;
  } else return null;
  const pipIndex = i - 1;
  while (i < argv.length && argv[i].value.startsWith('-')) {
    const v = argv[i].value;
    i += PIP_GENERAL_WITH_VALUE.has(v) ? 2 : 1;
  }
  const sub = i < argv.length && !argv[i].dynamic ? argv[i] : null;
  return { pipIndex, sub, subIndex: i };
}

/** Whether pip's arguments include `--no-cache-dir` (or an abbreviation pip accepts, down to `--no-cache`). */
export function pipNoCacheDir(argv: readonly ArgWord[], call: PipCall): boolean {
  for (let k = call.pipIndex + 1; k < argv.length; k++) {
    const v = argv[k].value;
    if (v === '--') break;
    const name = v.split('=', 1)[0];
    if (name.length >= '--no-cache'.length && '--no-cache-dir'.startsWith(name)) return true;
  }
  return false;
}

/**
 * Values pip accepts for PIP_NO_CACHE_DIR. Every one of them turns the cache off, the "false"
 * ones included (pip keeps that historical behaviour on purpose); other values are an error.
 */
const PIP_BOOL = new Set(['1', '0', 'y', 'n', 'yes', 'no', 't', 'f', 'true', 'false', 'on', 'off']);
export function pipNoCacheDirValue(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && PIP_BOOL.has(value.trim().toLowerCase());
}

export interface RunMount {
  /** `bind` when not written. */
  type: string;
  /** `target` / `dst` / `destination`, as written (variables not expanded). */
  target: string | null;
  source: string | null;
  from: string | null;
  /** Every `key=value` as written (keys lower-cased; a bare key maps to ''). */
  options: ReadonlyMap<string, string>;
  range: Range;
}

/** The `--mount` flags of a RUN, parsed (`type=cache,target=/root/.cache/pip,sharing=locked`). */
export function runMounts(inst: Inst): RunMount[] {
  const out: RunMount[] = [];
  for (const f of inst.flags) {
    if (f.name.toLowerCase() !== 'mount' || f.value === null) continue;
    const options = new Map<string, string>();
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      let val = eq < 0 ? '' : part.slice(eq + 1).trim();
      if (val.length >= 2 && (val[0] === '"' || val[0] === "'") && val[val.length - 1] === val[0]) val = val.slice(1, -1);
      if (key) options.set(key, val);
    }
    const pick = (...keys: string[]) => { for (const k of keys) if (options.has(k)) return options.get(k)!; return null; };
    out.push({
      type: (options.get('type') ?? 'bind').toLowerCase(),
      target: pick('target', 'dst', 'destination'),
      source: pick('source', 'src'),
      from: pick('from'),
      options,
      range: f.range,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dependency installs driven by a manifest (the step to run before copying the sources).

export interface DepInstall {
  /** Package manager (`npm`, `pip`, `go` …): installs of the same tool are the same step. */
  tool: string;
  /** Files the install reads, as to copy them first (`package.json`, `package-lock.json`). */
  manifests: string[];
  /** The word to point at: the subcommand (`ci`, `install`, `download`) or the program. */
  word: ArgWord;
  /** The command up to that word, for messages (`npm ci`, `go mod download`). */
  label: string;
}

const NODE_LOCKS: Record<string, string[]> = {
  npm: ['package.json', 'package-lock.json'],
  yarn: ['package.json', 'yarn.lock'],
  pnpm: ['package.json', 'pnpm-lock.yaml'],
  bun: ['package.json', 'bun.lock'],
};

/** First non-option argument after index `from`, with its index. */
function firstOperand(argv: readonly ArgWord[], from: number): { w: ArgWord; i: number } | null {
  for (let i = from; i < argv.length; i++) if (!argv[i].value.startsWith('-')) return { w: argv[i], i };
  return null;
}
function operandsAfter(argv: readonly ArgWord[], from: number): ArgWord[] {
  return argv.slice(from).filter((w) => !w.value.startsWith('-'));
}
/** Values of an option written `--opt value`, `--opt=value` or `-o value`. */
function optionValues(argv: readonly ArgWord[], from: number, names: readonly string[]): ArgWord[] {
  const out: ArgWord[] = [];
  for (let i = from; i < argv.length; i++) {
    const v = argv[i].value;
    for (const n of names) {
      if (v === n && i + 1 < argv.length) out.push(argv[i + 1]);
      else if (n.startsWith('--') && v.startsWith(n + '=')) out.push({ value: v.slice(n.length + 1), range: argv[i].range, dynamic: argv[i].dynamic });
      else if (!n.startsWith('--') && v.startsWith(n) && v.length > n.length) out.push({ value: v.slice(n.length), range: argv[i].range, dynamic: argv[i].dynamic });
    }
  }
  return out;
}

/**
 * When `argv` installs a project's dependencies from its manifest or lockfile, which tool and
 * files. Installs of named packages (`npm install express`, `pip install flask`) and builds
 * that fetch dependencies as a side effect (`go build`, `cargo build`, `mvn package`) are not
 * counted: they have no manifest-only step to move ahead of the source copy.
 */
export function dependencyInstall(argv: readonly ArgWord[]): DepInstall | null {
  const d = detectInstall(argv);
  if (!d) return null;
  const end = argv.indexOf(d.word);
  const words = argv.slice(0, end < 0 ? 1 : end + 1).map((w, i) => (i === 0 ? basename(w.value) : w.value));
  return { ...d, label: words.join(' ') };
}

/** The programs detectInstall has a case for (pip and python, the default case, go by pattern). */
const DEP_TOOLS = new Set(['npm', 'yarn', 'pnpm', 'bun', 'poetry', 'uv', 'pipenv', 'bundle', 'bundler', 'composer', 'go', 'cargo', 'mvn', 'mvnw', 'gradle', 'gradlew', 'dotnet', 'mix']);

function detectInstall(argv: readonly ArgWord[]): Omit<DepInstall, 'label'> | null {
  if (!argv.length || argv[0].dynamic) return null;
  const prog = basename(argv[0].value);
  // Most commands are none of these tools: answer them before reading any argument.
  if (!DEP_TOOLS.has(prog) && !PIP.test(prog) && !PYTHON.test(prog)) return null;
  const sub = firstOperand(argv, 1);
  const s = sub && !sub.w.dynamic ? sub.w.value : null;
  const rest = sub ? operandsAfter(argv, sub.i + 1) : [];
  switch (prog) {
    case 'npm':
      if (s === 'ci' || s === 'clean-install') return { tool: 'npm', manifests: NODE_LOCKS.npm, word: sub!.w };
      if ((s === 'install' || s === 'i') && rest.length === 0 && !argv.some((w) => w.value === '-g' || w.value === '--global' || w.value.startsWith('--global='))) {
        return { tool: 'npm', manifests: NODE_LOCKS.npm, word: sub!.w };
      }
      return null;
    case 'yarn':
      if (s === null && !sub) return { tool: 'yarn', manifests: NODE_LOCKS.yarn, word: argv[0] };
      if (s === 'install') return { tool: 'yarn', manifests: NODE_LOCKS.yarn, word: sub!.w };
      return null;
    case 'pnpm':
    case 'bun':
      if ((s === 'install' || s === 'i') && rest.length === 0) return { tool: prog, manifests: NODE_LOCKS[prog], word: sub!.w };
      return null;
    case 'poetry':
      if (s === 'install' || s === 'sync') return { tool: 'poetry', manifests: ['pyproject.toml', 'poetry.lock'], word: sub!.w };
      return null;
    case 'uv':
      if (s === 'sync') return { tool: 'uv', manifests: ['pyproject.toml', 'uv.lock'], word: sub!.w };
      if (s === 'pip' && rest.length && (rest[0].value === 'sync' || rest[0].value === 'install')) {
        const reqs = optionValues(argv, sub!.i + 1, ['-r', '--requirement', '--requirements']);
        if (rest[0].value === 'sync' || reqs.length) return { tool: 'uv', manifests: reqFiles(reqs, rest[0].value === 'sync' ? rest.slice(1) : []), word: rest[0] };
      }
      return null;
    case 'pipenv':
      if ((s === 'install' || s === 'sync') && rest.length === 0) return { tool: 'pipenv', manifests: ['Pipfile', 'Pipfile.lock'], word: sub!.w };
      return null;
    case 'bundle':
    case 'bundler':
      if (!sub) return { tool: 'bundler', manifests: ['Gemfile', 'Gemfile.lock'], word: argv[0] };
      if (s === 'install') return { tool: 'bundler', manifests: ['Gemfile', 'Gemfile.lock'], word: sub!.w };
      return null;
    case 'composer':
      if (s === 'install') return { tool: 'composer', manifests: ['composer.json', 'composer.lock'], word: sub!.w };
      return null;
    case 'go':
      if (s === 'mod' && rest[0]?.value === 'download') return { tool: 'go', manifests: ['go.mod', 'go.sum'], word: rest[0] };
      return null;
    case 'cargo':
      if (s === 'fetch') return { tool: 'cargo', manifests: ['Cargo.toml', 'Cargo.lock'], word: sub!.w };
      return null;
    case 'mvn':
    case 'mvnw':
      for (const w of argv.slice(1)) {
        if (/^dependency:(go-offline|resolve|resolve-plugins)$/.test(w.value)) return { tool: 'maven', manifests: ['pom.xml'], word: w };
      }
      return null;
    case 'gradle':
    case 'gradlew':
      if (s === 'dependencies' || s === 'androidDependencies') return { tool: 'gradle', manifests: ['build.gradle', 'settings.gradle'], word: sub!.w };
      return null;
    case 'dotnet':
      if (s === 'restore') return { tool: 'dotnet', manifests: ['*.csproj'], word: sub!.w };
      return null;
    case 'mix':
      if (s === 'deps.get') return { tool: 'mix', manifests: ['mix.exs', 'mix.lock'], word: sub!.w };
      return null;
    default: {
      const pip = pipCall(argv);
      if (!pip || !pip.sub || pip.sub.value !== 'install') return null;
      const reqs = optionValues(argv, pip.subIndex + 1, ['-r', '--requirement']);
      if (!reqs.length) return null;
      return { tool: 'pip', manifests: reqFiles(reqs, []), word: pip.sub };
    }
  }
}

function reqFiles(reqs: readonly ArgWord[], extra: readonly ArgWord[]): string[] {
  const names = [...reqs, ...extra].filter((w) => !w.dynamic).map((w) => w.value);
  return names.length ? names : ['requirements.txt'];
}

/** The argv of a shell command, or of an exec-form RUN (`["pip", "install", "x"]`), as ArgWords. */
export function execArgv(json: readonly Word[]): ArgWord[] {
  return json.map((w) => ({ value: w.value, range: w.range, dynamic: false }));
}
export function commandArgv(cmd: ShellCommand): ArgWord[] { return cmd.argv; }

// ---------------------------------------------------------------------------------------------
// What `pip install` installs (for the pinning rule).

/** `pip install` options that take a separate value (long names, and short letters). */
const PIP_INSTALL_WITH_VALUE = new Set([
  '--requirement', '--constraint', '--editable', '--target', '--platform', '--python-version', '--implementation',
  '--abi', '--root', '--prefix', '--src', '--upgrade-strategy', '--index-url', '--extra-index-url', '--find-links',
  '--no-binary', '--only-binary', '--progress-bar', '--config-settings', '--global-option', '--build-option',
  '--install-option', '--report', '--root-user-action', '--group', '--dry-run-report', '--hash',
  ...PIP_GENERAL_WITH_VALUE,
]);
const PIP_SHORT_WITH_VALUE = new Set(['r', 'c', 'e', 't', 'b', 'i', 'f', 'C']);

export interface PipInstallArgs {
  /** Requirement operands written on the command line (`flask`, `flask==3.0`, `./pkg`, `git+https://…`). */
  packages: ArgWord[];
  /** `-r`/`--requirement` files given. */
  requirements: ArgWord[];
  /** `-c`/`--constraint` given: a constraints file may pin every package. */
  constrained: boolean;
  /** A word whose value is not known (a variable, a substitution). */
  dynamic: boolean;
}

/** The operands and requirement files of `pip install` (the call must be an install). */
export function pipInstallArgs(argv: readonly ArgWord[], call: PipCall): PipInstallArgs {
  const out: PipInstallArgs = { packages: [], requirements: [], constrained: false, dynamic: false };
  let rest = false;
  for (let k = call.subIndex + 1; k < argv.length; k++) {
    const w = argv[k];
    if (w.dynamic) { out.dynamic = true; continue; }
    const v = w.value;
    if (!rest && v === '--') { rest = true; continue; }
    if (!rest && v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = eq >= 0 ? v.slice(0, eq) : v;
      const value = eq >= 0 ? { ...w, value: v.slice(eq + 1) } : argv[k + 1];
      if (eq < 0 && PIP_INSTALL_WITH_VALUE.has(name)) k++;
      if (name === '--requirement' && value) out.requirements.push(value);
      if (name === '--constraint') out.constrained = true;
      continue;
    }
    if (!rest && v.startsWith('-') && v.length > 1) {
      // A bundle of short flags (`-Uq`); a letter taking a value ends it (`-rreqs.txt`, `-r reqs.txt`).
      for (let j = 1; j < v.length; j++) {
        const c = v[j];
        if (!PIP_SHORT_WITH_VALUE.has(c)) continue;
        const attached = v.slice(j + 1);
        const value = attached.length ? { ...w, value: attached } : argv[k + 1];
        if (!attached.length) k++;
        if (c === 'r' && value) out.requirements.push(value);
        if (c === 'c') out.constrained = true;
        break;
      }
      continue;
    }
    out.packages.push(w);
  }
  return out;
}

const VCS_PREFIX = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;
const VERSION_OPERATOR = /(==|>=|<=|~=|!=|<|>)/;

/**
 * Whether a pip requirement operand fixes what is installed: a version specifier (`==`, `>=`,
 * `~=`, `<`, …), a VCS URL with `@ref`, a direct reference (`name @ url`), a local path or
 * archive (`.`, `./pkg`, `dist/x.whl`), or an archive URL.
 */
export function pipRequirementPinned(value: string): boolean {
  const v = value.trim();
  if (VCS_PREFIX.test(v)) return /@[^/]+$/.test(v.replace(/#.*$/, '').replace(/^[^:]+:\/\/[^/]*@/, ''));
  if (VERSION_OPERATOR.test(v)) return true;
  if (/\s@\s/.test(v) || /^[A-Za-z0-9._-]+(\[[^\]]*\])?\s*@/.test(v)) return true;
  if (/\.(whl|tar\.gz|tgz|zip|tar\.bz2|tar\.xz)$/i.test(v)) return true;
  if (v === '.' || v === '..' || v.startsWith('.') || v.startsWith('/') || v.startsWith('~') || v.includes('/') || v.startsWith('file:')) return true;
  return false;
}
