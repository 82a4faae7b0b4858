// Package-manager knowledge shared by the apt/cache rules: apt-get/apt invocations read from the
// model's parsed shell commands (subcommand, options with their values, package operands),
// RUN --mount targets, and which commands remove which cache directories. Pure functions of
// the model; no string re-splitting of RUN bodies.
import type { Range, TextEdit } from '../../../shared/types';
import type { Inst, Model, Stage } from './model';
import { imageFamily, rootImage, stageChain } from './user';
import { joinContinuations } from './model';
import { parseShell, parseDetachedCached, type ShellCommand, type ShellWord } from './shell';
import { LineIndex } from './text';
import { expand } from './vars';
import { officialImageName } from './image';
import { pipCall, pipNoCacheDir } from './deps';

// ---------------------------------------------------------------------------------------------
// apt-get / apt

/** One option as apt reads it: `-y`, `--yes`, `-o Key=Value`, `--option=Key=Value`. */
export interface AptOption {
  /** Without dashes: `y`, `yes`, `o`, `no-install-recommends`. */
  name: string;
  long: boolean;
  /** The option's argument (`Key=Value` for `-o`), when it takes one or is written `--x=v`. */
  value: string | null;
  /** The word(s) the option was written in (a short bundle `-yq` yields one option per letter). */
  words: ShellWord[];
}

export interface AptCall {
  cmd: ShellCommand;
  tool: 'apt-get' | 'apt';
  /** The subcommand word (`install`), or null when there is none. */
  sub: ShellWord | null;
  /** The subcommand, lower-cased (`install`, `update`), or null. */
  action: string | null;
  options: AptOption[];
  /** Words after the subcommand that are not options or option values (packages, .deb files). */
  operands: ShellWord[];
  /**
   * True when a word's value is not known (a variable without a known value, a command
   * substitution): it may hold options, so "option X is absent" cannot be asserted.
   */
  unknownWords: boolean;
}

const APT_TOOLS = new Set(['apt-get', 'apt']);
/** Short options that take an argument (`-t bookworm`, `-o Key=Value`). */
const APT_SHORT_WITH_VALUE = new Set(['o', 'c', 't', 'a', 'P']);
/** Long options that take an argument. */
const APT_LONG_WITH_VALUE = new Set(['option', 'config-file', 'target-release', 'default-release', 'host-architecture', 'build-profiles', 'solver', 'comment']);

/** The words of `w` as the shell would pass them, when known: ARG/ENV values are substituted. */
function resolveWord(w: ShellWord, inst: Inst): string[] | null {
  if (!w.dynamic) return [w.value];
  const t = w.text;
  // Only plain parameter expansions: command substitutions and arithmetic stay unknown.
  if (t.includes('`') || t.includes('$(') || t.includes("'")) return null;
  const quoted = t.length >= 2 && t[0] === '"' && t[t.length - 1] === '"';
  const inner = quoted ? t.slice(1, -1) : t;
  if (inner.includes('"')) return null;
  const e = expand(inner, inst.scope);
  if (e.value === null || e.unresolved.length) return null;
  if (quoted) return [e.value];
  return e.value.split(/[ \t\n]+/).filter((s) => s.length > 0);
}

/** Read an apt-get/apt command: subcommand, options (with values), operands. Null for other commands. */
export function aptCall(cmd: ShellCommand, inst: Inst): AptCall | null {
  if (!APT_TOOLS.has(cmd.name)) return null;
  const call: AptCall = { cmd, tool: cmd.name as 'apt-get' | 'apt', sub: null, action: null, options: [], operands: [], unknownWords: false };
  const argv = cmd.argv;
  let endOfOptions = false;
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    const resolved = resolveWord(w, inst);
    if (resolved === null) {
      call.unknownWords = true;
      if (call.sub) call.operands.push(w);
      continue;
    }
    if (w.dynamic) {
      // A variable with a known value: read its options; its package words are not written
      // anywhere a finding could point at, so they are not operands.
      for (const part of resolved) {
        if (!endOfOptions && part.startsWith('-') && part.length > 1) call.options.push(...readOptions(part, null, [w]).options);
      }
      continue;
    }
    const v = w.value;
    if (!endOfOptions && v === '--') { endOfOptions = true; continue; }
    if (!endOfOptions && v.startsWith('-') && v.length > 1) {
      const next = argv[i + 1];
      const r = readOptions(v, next && !next.dynamic ? next : null, next ? [w, next] : [w]);
      call.options.push(...r.options);
      if (r.consumedNext) i++;
      else if (r.needsValue && next) i++; // a value written with a variable (`-t $RELEASE`)
      continue;
    }
    if (!call.sub) { call.sub = w; call.action = v.toLowerCase(); continue; }
    call.operands.push(w);
  }
  return call;
}

function readOptions(v: string, next: ShellWord | null, words: ShellWord[]): { options: AptOption[]; consumedNext: boolean; needsValue: boolean } {
  const self = words.slice(0, 1);
  if (v.startsWith('--')) {
    const eq = v.indexOf('=');
    const name = (eq >= 0 ? v.slice(2, eq) : v.slice(2)).toLowerCase();
    if (eq >= 0) return { options: [{ name, long: true, value: v.slice(eq + 1), words: self }], consumedNext: false, needsValue: false };
    if (APT_LONG_WITH_VALUE.has(name)) {
      return { options: [{ name, long: true, value: next ? next.value : null, words }], consumedNext: next !== null, needsValue: true };
    }
    return { options: [{ name, long: true, value: null, words: self }], consumedNext: false, needsValue: false };
  }
  const options: AptOption[] = [];
  for (let k = 1; k < v.length; k++) {
    const c = v[k];
    if (APT_SHORT_WITH_VALUE.has(c)) {
      const rest = v.slice(k + 1);
      if (rest.length) {
        options.push({ name: c, long: false, value: rest.startsWith('=') ? rest.slice(1) : rest, words: self });
        return { options, consumedNext: false, needsValue: false };
      }
      options.push({ name: c, long: false, value: next ? next.value : null, words });
      return { options, consumedNext: next !== null, needsValue: true };
    }
    if (c === '=') {
      // `-q=2`: the level belongs to the previous letter.
      const prev = options[options.length - 1];
      if (prev) prev.value = v.slice(k + 1);
      break;
    }
    options.push({ name: c, long: false, value: null, words: self });
  }
  return { options, consumedNext: false, needsValue: false };
}

/** Every apt-get/apt command of a shell-form RUN, in order. */
export function aptCalls(inst: Inst): AptCall[] {
  if (!inst.shell) return [];
  const out: AptCall[] = [];
  for (const cmd of inst.shell.commands) {
    const c = aptCall(cmd, inst);
    if (c) out.push(c);
  }
  return out;
}

/** `install` (the only subcommand that takes package names to install). */
export function isAptInstall(call: AptCall): boolean { return call.action === 'install'; }

/** Values of apt configuration options set on the command line (`-o APT::Install-Recommends=false`), keys lower-cased. */
export function aptConfigOptions(call: AptCall): Map<string, string> {
  const m = new Map<string, string>();
  for (const o of call.options) {
    if ((o.name === 'o' && !o.long) || (o.name === 'option' && o.long)) {
      if (o.value === null) continue;
      const eq = o.value.indexOf('=');
      if (eq > 0) m.set(o.value.slice(0, eq).trim().toLowerCase(), o.value.slice(eq + 1).trim());
    }
  }
  return m;
}

const APT_FALSE = new Set(['0', 'false', 'no', 'off', 'without', 'disable']);
const APT_TRUE = new Set(['1', 'true', 'yes', 'on', 'with', 'enable']);

/** An apt boolean as apt's configuration reads it; null when it is neither. */
export function aptBoolean(v: string): boolean | null {
  const s = v.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (APT_FALSE.has(s)) return false;
  if (APT_TRUE.has(s)) return true;
  return null;
}

/**
 * Whether the command turns recommended packages off: `--no-install-recommends`,
 * `--install-recommends=no`, or `-o APT::Install-Recommends=false` (also `0`, `no`, `off`).
 */
export function aptNoRecommends(call: AptCall): boolean {
  return aptRecommendsSetting(call) === false;
}

/**
 * The last command-line setting of APT::Install-Recommends (apt reads options in order, the
 * last one wins): false for `--no-install-recommends`, `--install-recommends=no`,
 * `-o APT::Install-Recommends=0`; true for `--install-recommends` or `=true`; null when unset.
 */
export function aptRecommendsSetting(call: AptCall): boolean | null {
  let result: boolean | null = null;
  for (const o of call.options) {
    if (o.long && o.name === 'no-install-recommends') result = o.value === null ? false : aptBoolean(o.value) === false;
    else if (o.long && o.name === 'install-recommends') result = o.value === null || aptBoolean(o.value) !== false;
    else if ((o.name === 'o' && !o.long) || (o.name === 'option' && o.long)) {
      if (o.value === null) continue;
      const eq = o.value.indexOf('=');
      if (eq > 0 && o.value.slice(0, eq).trim().toLowerCase() === 'apt::install-recommends') result = aptBoolean(o.value.slice(eq + 1)) !== false;
    }
  }
  return result;
}

/**
 * Whether the command answers prompts itself: `-y`, `--yes`, `--assume-yes`, `-qq` / `-q=2`
 * (quiet level 2 implies yes), or `-o APT::Get::Assume-Yes=true`.
 */
export function aptAssumesYes(call: AptCall): boolean {
  let quiet = 0;
  for (const o of call.options) {
    if (!o.long && o.name === 'y') return true;
    if (o.long && (o.name === 'yes' || o.name === 'assume-yes')) return o.value === null || aptBoolean(o.value) !== false;
    if ((!o.long && o.name === 'q') || (o.long && (o.name === 'quiet' || o.name === 'silent'))) {
      quiet += o.value !== null && /^[0-9]+$/.test(o.value) ? Number(o.value) : 1;
    }
  }
  if (quiet >= 2) return true;
  const cfg = aptConfigOptions(call).get('apt::get::assume-yes');
  return cfg !== undefined && aptBoolean(cfg) === true;
}

/** The range from the program word through the subcommand (`apt-get update`). */
export function aptCommandRange(call: AptCall) {
  const first = call.cmd.argv[0].range;
  return { start: first.start, end: (call.sub ?? call.cmd.argv[0]).range.end };
}

/**
 * A package operand's kind: a version pin (`pkg=1.2*`), a release pin (`pkg/bookworm`), a
 * local `.deb` or path, a removal marker (`pkg-`), or a bare name.
 */
export type AptOperandKind = 'version' | 'release' | 'file' | 'remove' | 'name';
export function aptOperandKind(value: string): AptOperandKind {
  if (value.endsWith('.deb') || value.startsWith('/') || value.startsWith('./') || value.startsWith('../') || value.startsWith('~')) return 'file';
  if (value.includes('=')) return 'version';
  if (value.includes('/')) return 'release';
  if (value.length > 1 && value.endsWith('-')) return 'remove';
  return 'name';
}

// ---------------------------------------------------------------------------------------------
// RUN --mount

export interface RunMount { type: string; target: string | null }

/** The `--mount` flags of a RUN: type (default `bind`) and target (`target`, `dst`, `destination`). */
export function runMounts(inst: Inst): RunMount[] {
  const out: RunMount[] = [];
  for (const f of inst.flags) {
    if (f.name.toLowerCase() !== 'mount' || f.value === null) continue;
    let type = 'bind';
    let target: string | null = null;
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const k = part.slice(0, eq).trim().toLowerCase();
      const v = part.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
      if (k === 'type') type = v.toLowerCase();
      else if (k === 'target' || k === 'dst' || k === 'destination') target = v;
    }
    out.push({ type, target });
  }
  return out;
}

/** Normalise a path for comparison: `~` and `$HOME` are `/root`, no trailing slash. */
export function normalisePath(p: string): string {
  let s = p;
  if (s === '~' || s.startsWith('~/')) s = '/root' + s.slice(1);
  else if (s.startsWith('$HOME/') || s === '$HOME') s = '/root' + s.slice(5);
  else if (s.startsWith('${HOME}')) s = '/root' + s.slice(7);
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  s = s.replace(/\/{2,}/g, '/');
  return s;
}

/** Whether `dir` is `ancestor` or lies below it. */
export function pathWithin(dir: string, ancestor: string): boolean {
  const d = normalisePath(dir), a = normalisePath(ancestor);
  return d === a || (a === '/' ? d.startsWith('/') : d.startsWith(a + '/'));
}

/** Whether a cache or tmpfs mount of this RUN keeps `dir` out of the layer. */
export function mountKeepsOut(inst: Inst, dir: string): boolean {
  return runMounts(inst).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && m.target.startsWith('/') && pathWithin(dir, m.target));
}

// ---------------------------------------------------------------------------------------------
// Removals

/**
 * The directories an `rm -r` (or `find DIR ... -delete`) empties: `rm -rf /x/*` and `rm -rf /x`
 * both count as emptying `/x`. Only literal paths; partial globs (`/x/*.bin`) do not count.
 */
export function removedDirs(cmd: ShellCommand): string[] {
  if (cmd.name === 'rm') {
    let recursive = false;
    const paths: string[] = [];
    let opts = true;
    for (let i = 1; i < cmd.argv.length; i++) {
      const w = cmd.argv[i];
      if (w.dynamic && !/^"?\$\{?HOME\}?[/"]/.test(w.text)) continue;
      const v = w.dynamic ? w.text.replace(/"/g, '') : w.value;
      if (opts && v === '--') { opts = false; continue; }
      if (opts && v.startsWith('--')) { if (v === '--recursive') recursive = true; continue; }
      if (opts && v.startsWith('-') && v.length > 1) { if (/[rR]/.test(v)) recursive = true; continue; }
      paths.push(v);
    }
    if (!recursive) return [];
    return paths.map(dirEmptiedBy).filter((p): p is string => p !== null);
  }
  if (cmd.name === 'find') {
    const a = cmd.argv;
    if (a.length < 3 || a[1].dynamic || a[1].value.startsWith('-')) return [];
    if (!a.some((w, k) => k > 1 && w.value === '-delete')) return [];
    return [normalisePath(a[1].value)];
  }
  return [];
}

function dirEmptiedBy(p: string): string | null {
  let s = p;
  if (s.endsWith('/*')) s = s.slice(0, -2);
  if (/[*?[\]]/.test(s)) return null;
  s = normalisePath(s);
  // `rm -rf /` or a top-level directory is not a cache cleanup.
  if (s.split('/').filter(Boolean).length < 2) return null;
  return s;
}

/** Whether the command removes `dir` (or its contents) as a whole. */
export function removesDir(cmd: ShellCommand, dir: string): boolean {
  return removedDirs(cmd).some((r) => pathWithin(dir, r));
}

export const APT_LISTS_DIR = '/var/lib/apt/lists';
export const APT_CACHE_DIR = '/var/cache/apt';

/** Whether the command deletes apt's package lists: `rm -rf /var/lib/apt/lists/*` or `apt-get distclean`. */
export function removesAptLists(cmd: ShellCommand, inst: Inst): boolean {
  if (removesDir(cmd, APT_LISTS_DIR)) return true;
  const a = aptCall(cmd, inst);
  return a !== null && (a.action === 'distclean' || a.action === 'dist-clean');
}

// ---------------------------------------------------------------------------------------------
// Appending a command to a RUN

function isBlank(c: string): boolean { return c === ' ' || c === '\t' || c === '\r' || c === '\n'; }

function sameCommands(a: ShellCommand[], b: ShellCommand[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].name !== b[i].name || a[i].connector !== b[i].connector || a[i].argv.length !== b[i].argv.length) return false;
    for (let k = 0; k < a[i].argv.length; k++) if (a[i].argv[k].text !== b[i].argv[k].text) return false;
  }
  return true;
}

/**
 * An edit that runs `command` (static words, e.g. `rm -rf /var/lib/apt/lists/*`) at the end of
 * a shell-form RUN, only when the rest of the RUN succeeded, written in the RUN's style:
 * - one line: ` && command` on the same line;
 * - continuation lines: a new continuation line with the indentation of the line the last
 *   command starts on, `&&` leading or trailing as the RUN writes it;
 * - `RUN <<EOF` scripts: a new line before the terminator when the script starts with
 *   `set -e`, else ` && command` after the last line.
 * The result is parsed again and must be the old commands plus this one joined with `&&` (or
 * a new line under `set -e`); otherwise (a trailing comment, `;` or `&` at the end, a parse
 * error) null.
 */
export function appendCommandEdit(model: Model, inst: Inst, command: string): TextEdit | null {
  if (inst.keyword !== 'RUN' || inst.form !== 'shell' || !inst.shell || inst.shell.hasErrors || !inst.bodyRange) return null;
  const text = model.text;
  const lines = model.lines;
  const esc = model.escapeChar;
  const eol = model.eol;
  // `sudo rm ...` is parsed as `rm` wrapped in sudo.
  const allWords = command.split(' ');
  const sudo = allWords[0] === 'sudo';
  const expectedWords = sudo ? allWords.slice(1) : allWords;
  const wrappers = sudo ? ['sudo'] : [];
  const old = inst.shell.commands;

  const h = inst.heredocs[0];
  const first = inst.args[0];
  if (h) {
    if (!first || !first.value.startsWith('<<') || !h.contentRange || inst.heredocs.length !== 1) return null;
    if (inst.shellText !== h.content) return null; // a non-shell script (shebang)
    const cStart = lines.offsetAt(h.contentRange.start);
    let end = lines.offsetAt(h.contentRange.end);
    while (end > cStart && isBlank(text[end - 1])) end--;
    if (end === cStart) return null;
    const lastLine = lines.positionAt(end).line;
    const indent = /^[ \t]*/.exec(lines.lineText(lastLine))![0];
    const errexit = old.length > 0 && old[0].name === 'set' && old[0].wrappers.length === 0
      && old[0].argv.slice(1).some((w, k, arr) => /^-[a-z]*e[a-z]*$/.test(w.value) || (w.value === '-o' && arr[k + 1]?.value === 'errexit'));
    const insertion = errexit ? eol + indent + command : ' && ' + command;
    const content = text.slice(cStart, end) + insertion;
    const script = parseDetachedCached(`heredoc\u0000${content}`, () => parseShell({ text: content, map: new Int32Array(content.length) }, new LineIndex(content)));
    if (!verifyAppended(script.commands, script.hasErrors, old, expectedWords, wrappers, errexit ? ';' : '&&')) return null;
    const pos = lines.positionAt(end);
    return { range: { start: pos, end: pos }, newText: insertion };
  }

  const bodyStart = lines.offsetAt(inst.bodyRange.start);
  const bodyEnd = lines.offsetAt(inst.range.end);
  let end = bodyEnd;
  while (end > bodyStart && isBlank(text[end - 1])) end--;
  if (end === bodyStart) return null;
  const firstLine = inst.bodyRange.start.line;
  const lastLine = lines.positionAt(end).line;
  let insertion: string;
  if (firstLine === lastLine) {
    insertion = ' && ' + command;
  } else {
    // The last top-level command: not inside a substitution or a `sh -c` string.
    const top = old.filter((c) => !c.inSubstitution && !c.wrappers.some((w) => w.endsWith(' -c')));
    const lastCmd = top[top.length - 1];
    if (!lastCmd) return null;
    const startLine = lastCmd.range.start.line;
    const lineOf = (l: number) => lines.lineText(l);
    let indent: string;
    let leading: boolean;
    if (startLine === firstLine) {
      indent = /^[ \t]*/.exec(lineOf(lastLine))![0];
      leading = true;
    } else {
      const t = lineOf(startLine);
      indent = /^[ \t]*/.exec(t)![0];
      const trimmed = t.slice(indent.length);
      leading = trimmed.startsWith('&&') || trimmed.startsWith('||') || trimmed.startsWith('|') || trimmed.startsWith(';');
    }
    insertion = leading
      ? ` ${esc}${eol}${indent}&& ${command}`
      : ` && ${esc}${eol}${indent}${command}`;
  }
  // Re-parse only this instruction's body (ranges of the result are not used).
  const local = text.slice(bodyStart, end) + insertion + text.slice(end, bodyEnd);
  const script = parseDetachedCached(`body\u0000${esc}\u0000${local}`, () => parseShell(joinContinuations(local, 0, local.length, esc, false), new LineIndex(local)));
  if (!verifyAppended(script.commands, script.hasErrors, old, expectedWords, wrappers, '&&')) return null;
  const pos = lines.positionAt(end);
  return { range: { start: pos, end: pos }, newText: insertion };
}

function verifyAppended(got: ShellCommand[], hasErrors: boolean, old: ShellCommand[], words: string[], wrappers: string[], connector: '&&' | ';'): boolean {
  if (hasErrors || got.length !== old.length + 1) return false;
  if (!sameCommands(got.slice(0, old.length), old)) return false;
  const added = got[got.length - 1];
  return added.connector === connector && !added.inSubstitution && added.wrappers.join(' ') === wrappers.join(' ')
    && added.argv.length === words.length && added.argv.every((w, k) => !w.dynamic && w.text === words[k]);
}

// ---------------------------------------------------------------------------------------------
// Package caches: which commands write them into the layer, which commands remove them

export type CacheKind = 'apt-lists' | 'apt-cache' | 'apk' | 'pip' | 'npm' | 'yarn' | 'rpm' | 'zypper';

export const CACHE_KINDS: Record<CacheKind, { label: string; dirs: string[] }> = {
  'apt-lists': { label: "apt's package lists", dirs: [APT_LISTS_DIR] },
  'apt-cache': { label: "apt's package cache", dirs: [APT_CACHE_DIR] },
  apk: { label: "apk's cache", dirs: ['/var/cache/apk', '/etc/apk/cache'] },
  pip: { label: "pip's cache", dirs: ['/root/.cache/pip'] },
  npm: { label: "npm's cache", dirs: ['/root/.npm'] },
  yarn: { label: "Yarn's cache", dirs: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn'] },
  rpm: { label: 'the yum/dnf cache', dirs: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'] },
  zypper: { label: "zypper's cache", dirs: ['/var/cache/zypp'] },
};

/** CACHE_KINDS' directories, normalised, in CACHE_KINDS' order. */
const CACHE_DIRS = (Object.keys(CACHE_KINDS) as CacheKind[]).map((k) => [k, CACHE_KINDS[k].dirs.map(normalisePath)] as const);

const RPM_TOOLS = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf']);
/** Options taking a separate value, written before the subcommand, per tool. */
const PRE_SUB_VALUE_OPTS: Record<string, Set<string>> = {
  apk: new Set(['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']),
  npm: new Set(['--prefix', '-C', '--workspace', '-w', '--cache', '--userconfig']),
  yarn: new Set(['--cwd', '--cache-folder', '--modules-folder']),
  pip: new Set(['--cache-dir', '--log', '--proxy', '--timeout', '--retries']),
  rpm: new Set(['-c', '--config', '--setopt', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid']),
  zypper: new Set(['-R', '--root', '--reposd-dir', '-D', '--cache-dir', '-C', '--raw-cache-dir']),
};

/** The tool a command runs, for cache purposes (`python3 -m pip` is pip), and where its arguments start. */
function toolOf(cmd: ShellCommand): { tool: string; from: number } | null {
  const n = cmd.name;
  if (/^pip[0-9.]*$/.test(n)) return { tool: 'pip', from: 1 };
  if (/^python[0-9.]*$/.test(n)) {
    const a = cmd.argv;
    if (a.length > 2 && a[1].value === '-m' && /^pip[0-9.]*$/.test(a[2].value)) return { tool: 'pip', from: 3 };
    return null;
  }
  if (RPM_TOOLS.has(n)) return { tool: 'rpm', from: 1 };
  if (n === 'apk' || n === 'npm' || n === 'yarn' || n === 'zypper') return { tool: n, from: 1 };
  return null;
}

/** The subcommand after global options (`apk --no-cache add` → `add`), with its index. */
function toolSubcommand(cmd: ShellCommand, tool: string, from: number): { value: string; index: number } | null {
  const withValue = PRE_SUB_VALUE_OPTS[tool] ?? new Set<string>();
  for (let i = from; i < cmd.argv.length; i++) {
    const w = cmd.argv[i];
    if (w.dynamic) return null;
    if (w.value.startsWith('-')) { if (withValue.has(w.value)) i++; continue; }
    return { value: w.value.toLowerCase(), index: i };
  }
  return null;
}

function hasWord(cmd: ShellCommand, from: number, ...values: string[]): boolean {
  return cmd.argv.some((w, k) => k >= from && !w.dynamic && values.some((v) => w.value === v || w.value.startsWith(v + '=')));
}

const APT_WRITES_CACHE = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep']);

/**
 * The caches a command writes into the layer: `apt-get update` the lists, `apt-get install`
 * the package cache, `apk add` (without --no-cache), `pip install` (without --no-cache-dir or
 * PIP_NO_CACHE_DIR), `npm install`/`ci`, `yarn`/`yarn add`, `yum`/`dnf install`, `zypper install`.
 * A cache or tmpfs mount of the RUN over the cache directory keeps it out of the layer.
 */
export function cachesWritten(cmd: ShellCommand, inst: Inst): CacheKind[] {
  const kinds: CacheKind[] = [];
  const apt = aptCall(cmd, inst);
  if (apt) {
    if (apt.action === 'update') kinds.push('apt-lists');
    else if (apt.action && APT_WRITES_CACHE.has(apt.action)) kinds.push('apt-cache');
  } else {
    const t = toolOf(cmd);
    if (!t) return [];
    const sub = toolSubcommand(cmd, t.tool, t.from);
    const s = sub?.value ?? null;
    switch (t.tool) {
      case 'apk':
        if (s && ['add', 'update', 'upgrade', 'fix'].includes(s) && !hasWord(cmd, 1, '--no-cache')) kinds.push('apk');
        break;
      case 'pip': {
        const envOff = inst.scope.has('PIP_NO_CACHE_DIR') || cmd.assignments.some((a) => a.text.startsWith('PIP_NO_CACHE_DIR='));
        if (s === 'install' && !envOff && !hasWord(cmd, t.from, '--no-cache-dir')) kinds.push('pip');
        break;
      }
      case 'npm':
        if (s && ['install', 'i', 'ci', 'add', 'update', 'up', 'upgrade', 'install-test', 'it', 'install-ci-test', 'cit'].includes(s)) kinds.push('npm');
        break;
      case 'yarn':
        if (s === null ? cmd.argv.length === 1 || cmd.argv.slice(1).every((w) => w.value.startsWith('-')) : ['install', 'add', 'upgrade'].includes(s)) kinds.push('yarn');
        break;
      case 'rpm':
        if (s && ['install', 'update', 'upgrade', 'groupinstall', 'makecache', 'reinstall', 'localinstall', 'distro-sync', 'group'].includes(s)) kinds.push('rpm');
        break;
      case 'zypper':
        if (s && ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'refresh', 'ref', 'patch', 'source-install', 'si'].includes(s)) kinds.push('zypper');
        break;
    }
  }
  if (!kinds.length) return kinds;
  return kinds.filter((k) => !CACHE_KINDS[k].dirs.some((d) => mountKeepsOut(inst, d)));
}

/**
 * The caches a command removes: `apt-get clean`/`distclean`, `apk cache clean`, `pip cache
 * purge`, `npm cache clean`, `yarn cache clean`, `yum`/`dnf clean`, `zypper clean`, and `rm -r`
 * (or `find ... -delete`) of a cache directory or a parent of it.
 */
export function cachesRemoved(cmd: ShellCommand, inst: Inst): CacheKind[] {
  const kinds = new Set<CacheKind>();
  const removed = removedDirs(cmd);
  if (removed.length) {
    // removedDirs and CACHE_DIRS are normalised already (normalisePath is idempotent).
    for (const [k, dirs] of CACHE_DIRS) {
      if (dirs.some((d) => removed.some((r) => d === r || (r === '/' ? d.startsWith('/') : d.startsWith(r + '/'))))) kinds.add(k);
    }
  }
  const apt = aptCall(cmd, inst);
  if (apt) {
    if (apt.action === 'clean' || apt.action === 'autoclean' || apt.action === 'auto-clean') kinds.add('apt-cache');
    if (apt.action === 'distclean' || apt.action === 'dist-clean') { kinds.add('apt-cache'); kinds.add('apt-lists'); }
  } else {
    const t = toolOf(cmd);
    const sub = t ? toolSubcommand(cmd, t.tool, t.from) : null;
    if (t && sub) {
      const next = cmd.argv[sub.index + 1]?.value.toLowerCase();
      switch (t.tool) {
        case 'apk': if (sub.value === 'cache' && (next === 'clean' || next === 'purge')) kinds.add('apk'); break;
        case 'pip': if (sub.value === 'cache' && (next === 'purge' || next === 'remove')) kinds.add('pip'); break;
        case 'npm': if (sub.value === 'cache' && (next === 'clean' || next === 'clear' || next === 'rm')) kinds.add('npm'); break;
        case 'yarn': if (sub.value === 'cache' && next === 'clean') kinds.add('yarn'); break;
        case 'rpm': if (sub.value === 'clean') kinds.add('rpm'); break;
        case 'zypper': if (sub.value === 'clean' || sub.value === 'cc') kinds.add('zypper'); break;
      }
    }
  }
  return [...kinds];
}

// ---------------------------------------------------------------------------------------------
// Command lines of other package managers (apk, npm, yarn, gem, go), read from argv words (a
// parsed shell command's argv, or an exec-form RUN's strings): subcommand, options with their
// values, operands. Shared by the pinning and cache rules.

/** An argv word: a parsed shell word, or an exec-form JSON string (static). */
export interface CliWord { value: string; range: Range; dynamic?: boolean }

/** One option as written: `--virtual .build`, `-t .build`, `--no-cache`, `-v=1.2`. */
export interface CliOption {
  /** Without dashes: `virtual`, `t`, `no-cache`. */
  name: string;
  /** The value, when the option takes one or is written `--x=v`; null otherwise. */
  value: string | null;
  /** The word(s) the option was written in. */
  words: CliWord[];
}

export interface CliCall {
  argv: readonly CliWord[];
  /** The subcommand word (`add`, `install`), or null when none is written. */
  sub: CliWord | null;
  /** The subcommand, lower-cased, or null. */
  action: string | null;
  options: CliOption[];
  /** Static words after the subcommand that are not options or option values. */
  operands: CliWord[];
  /** A word whose value is not known (a variable, a substitution): it may hold options or operands. */
  dynamic: boolean;
}

interface CliSpec {
  /** Long options (without dashes) that take a separate value. */
  long: ReadonlySet<string>;
  /** Short option letters that take a value (attached or the next word). */
  short: ReadonlySet<string>;
  /** Go style: `-name` is one option, not a bundle of letters. */
  singleDashLong?: boolean;
  /** What `--` means: the rest are operands, or the rest belong to something else (gem's build args). */
  afterDashDash: 'operands' | 'stop';
}

function readCli(argv: readonly CliWord[], from: number, spec: CliSpec, inst?: Inst): CliCall {
  const call: CliCall = { argv, sub: null, action: null, options: [], operands: [], dynamic: false };
  let rest = false;
  for (let i = from; i < argv.length; i++) {
    const w = argv[i];
    if (w.dynamic) {
      // A variable with a known value: its options count; its other words (package names) are
      // not written anywhere a finding could point at, so they are not operands.
      const known = rest ? null : knownOptions(w, inst);
      if (known) call.options.push(...known);
      else call.dynamic = true;
      continue;
    }
    const v = w.value;
    if (!rest && v === '--') {
      if (spec.afterDashDash === 'stop') break;
      rest = true;
      continue;
    }
    if (!rest && v.startsWith('-') && v.length > 1) {
      const next = argv[i + 1];
      const takeNext = (name: string): void => {
        call.options.push({ name, value: next ? next.value : null, words: next ? [w, next] : [w] });
        if (next) { if (next.dynamic) call.dynamic = true; i++; }
      };
      const long = v.startsWith('--') || spec.singleDashLong;
      if (long) {
        const body = v.slice(v.startsWith('--') ? 2 : 1);
        const eq = body.indexOf('=');
        const name = eq >= 0 ? body.slice(0, eq) : body;
        if (eq >= 0) call.options.push({ name, value: body.slice(eq + 1), words: [w] });
        else if (spec.long.has(name) || (spec.singleDashLong && spec.short.has(name))) takeNext(name);
        else call.options.push({ name, value: null, words: [w] });
        continue;
      }
      for (let k = 1; k < v.length; k++) {
        const c = v[k];
        if (spec.short.has(c)) {
          const attached = v.slice(k + 1);
          if (attached.length) call.options.push({ name: c, value: attached.startsWith('=') ? attached.slice(1) : attached, words: [w] });
          else takeNext(c);
          break;
        }
        call.options.push({ name: c, value: null, words: [w] });
      }
      continue;
    }
    if (!call.sub) { call.sub = w; call.action = v.toLowerCase(); continue; }
    call.operands.push(w);
  }
  return call;
}

/** Option words of a variable with a known value (`$APK_OPTS` = `--no-cache`), read as options. */
function knownOptions(w: CliWord, inst: Inst | undefined): CliOption[] | null {
  if (!inst || !('text' in w)) return null;
  const parts = resolveWord(w as ShellWord, inst);
  if (parts === null) return null;
  const out: CliOption[] = [];
  for (const p of parts) {
    if (!p.startsWith('-') || p.length < 2) continue;
    const body = p.replace(/^--?/, '');
    const eq = body.indexOf('=');
    if (p.startsWith('--')) out.push({ name: eq >= 0 ? body.slice(0, eq) : body, value: eq >= 0 ? body.slice(eq + 1) : null, words: [w] });
    else for (const c of body) out.push({ name: c, value: null, words: [w] });
  }
  return out;
}

/** Whether an option with one of these names (without dashes) was given. */
export function hasCliOption(call: CliCall, ...names: string[]): boolean {
  return call.options.some((o) => names.includes(o.name));
}

/** The last value given for an option with one of these names. */
export function cliOptionValue(call: CliCall, ...names: string[]): string | null {
  let v: string | null = null;
  for (const o of call.options) if (names.includes(o.name) && o.value !== null) v = o.value;
  return v;
}

function programIs(argv: readonly CliWord[], ...names: string[]): boolean {
  if (!argv.length || argv[0].dynamic) return false;
  const v = argv[0].value;
  const base = v.slice(v.lastIndexOf('/') + 1);
  return names.includes(base);
}

/** The argv lists a RUN runs: each parsed shell command's argv, or an exec-form RUN's strings. */
export function runArgvs(inst: Inst): { argv: readonly CliWord[]; cmd: ShellCommand | null }[] {
  if (inst.keyword !== 'RUN') return [];
  if (inst.form === 'exec' && inst.json) return [{ argv: inst.json.map((w) => ({ value: w.value, range: w.range, dynamic: false })), cmd: null }];
  return (inst.shell?.commands ?? []).map((cmd) => ({ argv: cmd.argv, cmd }));
}

/**
 * The package operands of every install call a rule cares about, in every RUN (shell and exec
 * form): `parse` reads a tool's command line (npmCall, apkCall, gemCall, goCall), `wanted`
 * picks the calls that install. The pin rules (DL3016, DL3018, DL3028, DL3062) differ only in
 * which operand counts as pinned and how they say it.
 */
export function* installOperands(model: Model, parse: (argv: readonly CliWord[], inst: Inst) => CliCall | null, wanted: (call: CliCall) => boolean): Generator<CliWord> {
  for (const inst of model.instructions) {
    for (const { argv } of runArgvs(inst)) {
      const call = parse(argv, inst);
      if (call && wanted(call)) yield* call.operands;
    }
  }
}

// apk ------------------------------------------------------------------------------------------

const APK_SPEC: CliSpec = {
  long: new Set(['repository', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'cache-max-age', 'progress-fd', 'wait', 'timeout', 'virtual']),
  short: new Set(['X', 'p', 't']),
  afterDashDash: 'operands',
};

/** `apk [global options] <subcommand> [options] operands`; null for other programs. */
export function apkCall(argv: readonly CliWord[], inst?: Inst): CliCall | null {
  if (!programIs(argv, 'apk')) return null;
  return readCli(argv, 1, APK_SPEC, inst);
}

/** `apk add` (the packages are the operands; `--virtual`/`-t` names are option values). */
export function isApkAdd(call: CliCall): boolean { return call.action === 'add'; }

/** Whether an apk operand pins a version (`pkg=1.2.3-r0`, `pkg~1.2`, `pkg>=1.2`) or is a local `.apk` file. */
export function apkOperandPinned(value: string): boolean {
  return /[=~<>]/.test(value) || value.endsWith('.apk');
}

/** The apk cache directories (`/var/cache/apk`, and `/etc/apk/cache` when configured). */
export const APK_CACHE_DIRS = CACHE_KINDS.apk.dirs;

// npm ------------------------------------------------------------------------------------------

const NPM_SPEC: CliSpec = {
  long: new Set(['prefix', 'workspace', 'cache', 'userconfig', 'globalconfig', 'registry', 'tag', 'omit', 'include', 'install-strategy', 'location', 'loglevel', 'save-prefix', 'before', 'script-shell', 'otp', 'auth-type', 'scope', 'only', 'also', 'fetch-retries', 'fetch-timeout', 'fetch-retry-mintimeout', 'fetch-retry-maxtimeout', 'maxsockets', 'proxy', 'https-proxy', 'noproxy', 'cafile', 'ca', 'cert', 'key', 'node-options', 'userconfig', 'foreground-scripts', 'audit-level']),
  short: new Set(['C', 'w', 'L']),
  afterDashDash: 'operands',
};
// Options npm reads as booleans although a value is allowed (`--production=false`): only the
// `=` form carries a value. Everything not listed in NPM_SPEC.long is read that way.

/** The subcommand words npm runs as `install` (its aliases and accepted misspellings). */
const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

/** `npm [options] <subcommand> [options] operands`; null for other programs. */
export function npmCall(argv: readonly CliWord[], inst?: Inst): CliCall | null {
  if (!programIs(argv, 'npm')) return null;
  return readCli(argv, 1, NPM_SPEC, inst);
}

/** `npm install` / `npm i` / `npm add` (with or without package operands). */
export function isNpmInstall(call: CliCall): boolean { return call.action !== null && NPM_INSTALL.has(call.action); }

/** `npm ci` / `npm clean-install` and their aliases. */
export function isNpmCi(call: CliCall): boolean {
  return call.action !== null && ['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean'].includes(call.action);
}

/**
 * Whether an npm install operand names a fixed version: `pkg@1.2.3` or a range (`@^1.2`),
 * a scoped `@scope/pkg@1.2`, a tarball (`.tgz`, `.tar`, `.tar.gz`), a local path, or a git
 * URL with a `#commit`/`#semver:` suffix. A dist-tag (`@latest`, `@next`) is not a version.
 */
export function npmOperandPinned(value: string): boolean {
  if (/^(git\+?[a-z]*:|github:|gitlab:|bitbucket:|gist:)/i.test(value)) return value.includes('#');
  if (/\.(tgz|tar|tar\.gz)$/.test(value)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/|\.$|\.\.$|file:)/.test(value)) return true;
  if (/^https?:\/\//.test(value)) return false;
  const body = value.startsWith('@') ? value.slice(value.indexOf('/') + 1) : value;
  const at = body.indexOf('@');
  if (at < 0) {
    // `user/repo` is a GitHub shorthand: pinned only with `#commit`.
    return body.includes('/') && value.includes('#');
  }
  const spec = body.slice(at + 1);
  return npmVersionSpec(spec);
}

/** A version or range (`1.2.3`, `^1.2`, `~1`, `>=1 <2`, `1.x`, `v1.2.3`), not a dist-tag (`latest`, `next`, `beta`). */
function npmVersionSpec(spec: string): boolean {
  return /^(v?[0-9]|[\^~<>=*]|x\b|npm:)/i.test(spec.trim());
}

// yarn -----------------------------------------------------------------------------------------

const YARN_SPEC: CliSpec = {
  long: new Set(['cwd', 'cache-folder', 'modules-folder', 'global-folder', 'link-folder', 'mutex', 'network-timeout', 'registry', 'network-concurrency', 'use-yarnrc']),
  short: new Set([]),
  afterDashDash: 'operands',
};

/** `yarn [options] [subcommand] ...`; null for other programs. `action` is null for a bare `yarn`. */
export function yarnCall(argv: readonly CliWord[], inst?: Inst): CliCall | null {
  if (!programIs(argv, 'yarn', 'yarnpkg')) return null;
  return readCli(argv, 1, YARN_SPEC, inst);
}

/** `yarn install`, or a bare `yarn` (which installs too), without a word we cannot see. */
export function isYarnInstall(call: CliCall): boolean {
  return call.action === 'install' || (call.action === null && !call.dynamic);
}

/** Yarn's cache directories for root (classic and Berry's global cache). */
export const YARN_CACHE_DIRS = [...CACHE_KINDS.yarn.dirs, '/root/.yarn/berry/cache'];

// gem ------------------------------------------------------------------------------------------

const GEM_SPEC: CliSpec = {
  long: new Set(['version', 'install-dir', 'bindir', 'document', 'source', 'http-proxy', 'platform', 'file', 'build-root', 'trust-policy', 'target-rbconfig', 'config-file']),
  short: new Set(['v', 'i', 'n', 's', 'p', 'g', 'P']),
  // `gem install mysql2 -- --with-mysql-config=...`: what follows `--` goes to the extension build.
  afterDashDash: 'stop',
};

/** `gem <subcommand> [options] gems [-- build options]`; null for other programs. */
export function gemCall(argv: readonly CliWord[], inst?: Inst): CliCall | null {
  if (!programIs(argv, 'gem')) return null;
  return readCli(argv, 1, GEM_SPEC, inst);
}

export function isGemInstall(call: CliCall): boolean { return call.action === 'install' || call.action === 'i'; }

/** A version given for the whole command (`-v 1.2`, `--version=1.2`). */
export function gemVersionOption(call: CliCall): boolean { return hasCliOption(call, 'v', 'version'); }

/** Whether a gem operand pins its version (`rails:7.1.3`) or is a local `.gem` file. */
export function gemOperandPinned(value: string): boolean {
  return value.includes(':') || value.endsWith('.gem');
}

// go -------------------------------------------------------------------------------------------

const GO_SPEC: CliSpec = {
  long: new Set(['o', 'C', 'p', 'ldflags', 'gcflags', 'asmflags', 'gccgoflags', 'tags', 'mod', 'modfile', 'pkgdir', 'toolexec', 'buildmode', 'compiler', 'installsuffix', 'overlay', 'pgo', 'exec', 'covermode', 'coverpkg', 'debug-actiongraph', 'debug-runtime-trace', 'debug-trace']),
  short: new Set([]),
  singleDashLong: true,
  afterDashDash: 'operands',
};

/** `go <subcommand> [flags] operands`; for `go run`, only the package (the rest are the program's arguments). */
export function goCall(argv: readonly CliWord[], inst?: Inst): CliCall | null {
  if (!programIs(argv, 'go')) return null;
  const call = readCli(argv, 1, GO_SPEC, inst);
  if (call.action === 'run') call.operands = call.operands.slice(0, 1);
  return call;
}

/**
 * A Go operand that names a module from the network: its first path element has a dot
 * (`github.com/x/y`, `golang.org/x/tools/cmd/goimports`), with or without `@version`. Local
 * paths (`.`, `./cmd/app`), patterns inside the main module (`./...`), standard-library
 * packages (`fmt`, `cmd/vet`) and `.go` files are not.
 */
export function goRemoteOperand(value: string): boolean {
  if (value.startsWith('.') || value.startsWith('/') || value.endsWith('.go')) return false;
  const path = value.split('@', 1)[0];
  const first = path.split('/', 1)[0];
  return first.includes('.');
}

/** The `@version` of a Go operand (`latest`, `v1.2.3`, a commit), or null when none is written. */
export function goOperandVersion(value: string): string | null {
  const at = value.indexOf('@');
  return at < 0 ? null : value.slice(at + 1);
}

/** Node release codenames whose npm is 7 or newer (Node 16 onwards). */
const NODE_CODENAMES_NPM7 = /^(gallium|hydrogen|iron|jod|krypton)/;
/** Tags of the official node image that always track a current release. */
const NODE_CURRENT_TAG = /^(lts|current|latest|alpine|slim|bookworm|bullseye|trixie|buster)/;

/**
 * Whether the stage's npm is known to understand `--omit=dev` (npm 7, shipped from Node 15):
 * the stage is built on the official `node` image with a tag of Node 15 or newer (or a tag
 * that tracks the current release). False when unknown.
 */
export function npmSupportsOmit(stage: Stage | null): boolean {
  if (!stage) return false;
  const ref = rootImage(stage);
  if (imageFamily(ref) !== 'node') return false;
  const tag = (ref.tag ?? 'latest').toLowerCase();
  const major = /^v?(\d+)/.exec(tag);
  if (major) return Number(major[1]) >= 15;
  return NODE_CURRENT_TAG.test(tag) || NODE_CODENAMES_NPM7.test(tag);
}

/** npm lockfiles: a COPY of one of these makes `npm ci` possible. */
export const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

/** A simple glob (`*`, `?`, `[...]`) over one path element, as a matcher. */
function globMatcher(pattern: string): (name: string) => boolean {
  if (!/[*?[]/.test(pattern)) return (name) => name === pattern;
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) { re += '\\['; continue; }
      re += '[' + pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
      i = close;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const rx = new RegExp(re + '$');
  return (name) => rx.test(name);
}

/**
 * Whether an instruction before `inst` (in its stage or a stage it builds on) brings one of
 * `files` from the build context: a COPY/ADD source naming it (`COPY package-lock.json ./`,
 * `COPY package*.json ./`), or a RUN bind mount of it (`inst`'s own mounts included). Copies of the whole context (`COPY . .`)
 * do not count: whether the file exists there is not known.
 */
export function copiedFromContext(inst: Inst, files: readonly string[]): boolean {
  if (!inst.stage) return false;
  for (const s of stageChain(inst.stage)) {
    for (const i of s.instructions) {
      if (s === inst.stage && i.index > inst.index) break;
      const sources: string[] = [];
      if (i !== inst && (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name.toLowerCase() === 'from')) {
        const words = i.form === 'exec' && i.json ? i.json.map((w) => w.value) : i.args.map((a) => a.value.replace(/^(["'])(.*)\1$/, '$2'));
        sources.push(...words.slice(0, -1));
      }
      if (i.keyword === 'RUN') {
        for (const f of i.flags) {
          if (f.name.toLowerCase() !== 'mount' || f.value === null) continue;
          const kv = new Map(f.value.split(',').map((p) => { const eq = p.indexOf('='); return [p.slice(0, eq < 0 ? p.length : eq).trim().toLowerCase(), eq < 0 ? '' : p.slice(eq + 1).trim()] as [string, string]; }));
          const src = kv.get('source') ?? kv.get('src');
          if ((kv.get('type') ?? 'bind').toLowerCase() === 'bind' && !kv.has('from') && src) sources.push(src);
        }
      }
      for (const src of sources) {
        if (src.includes('$')) continue;
        const base = src.replace(/\/+$/, '').split('/').pop() ?? '';
        const match = globMatcher(base);
        if (files.some((f) => match(f))) return true;
      }
    }
  }
  return false;
}

/** Package managers of OS distributions, as families (`apt` and `apt-get` share their lists). */
export type OsPackageFamily = 'apt' | 'apk' | 'rpm' | 'zypper';

export interface OsPackageAction {
  family: OsPackageFamily;
  /** The subcommand word (`update`, `add`, `install`). */
  sub: ShellWord;
  /** The subcommand, lower-cased. */
  action: string;
  /** Refreshes the package index only (`apt-get update`, `apk update`, `zypper refresh`, `dnf makecache`). */
  refresh: boolean;
  /** Installs or upgrades packages (and so reads the index). */
  installs: boolean;
}

const OS_INSTALL_ACTIONS: Record<OsPackageFamily, Set<string>> = {
  apt: new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source']),
  apk: new Set(['add', 'upgrade', 'fix']),
  rpm: new Set(['install', 'reinstall', 'localinstall', 'groupinstall', 'upgrade', 'update', 'distro-sync', 'downgrade', 'group', 'module', 'builddep']),
  zypper: new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si']),
};
const OS_REFRESH_ACTIONS: Record<OsPackageFamily, Set<string>> = {
  apt: new Set(['update']),
  apk: new Set(['update']),
  rpm: new Set(['makecache']),
  zypper: new Set(['refresh', 'ref']),
};

/**
 * What an OS package-manager command does: its family, subcommand, and whether it refreshes
 * the index or installs. Null for other commands and when the subcommand is not a literal.
 */
export function osPackageAction(cmd: ShellCommand): OsPackageAction | null {
  let family: OsPackageFamily;
  let sub: ShellWord | null = null;
  if (APT_TOOLS.has(cmd.name)) {
    family = 'apt';
    for (let i = 1; i < cmd.argv.length; i++) {
      const w = cmd.argv[i];
      if (w.dynamic) return null;
      if (w.value.startsWith('-')) { if (w.value === '-o' || w.value === '-c' || w.value === '-t') i++; continue; }
      sub = w; break;
    }
  } else {
    const t = toolOf(cmd);
    if (!t || (t.tool !== 'apk' && t.tool !== 'rpm' && t.tool !== 'zypper')) return null;
    family = t.tool;
    const s = toolSubcommand(cmd, t.tool, t.from);
    sub = s ? cmd.argv[s.index] : null;
  }
  if (!sub) return null;
  const action = sub.value.toLowerCase();
  return { family, sub, action, refresh: OS_REFRESH_ACTIONS[family].has(action), installs: OS_INSTALL_ACTIONS[family].has(action) };
}

// yum / dnf / microdnf / zypper ------------------------------------------------------------------

const RPM_SPEC: CliSpec = {
  long: new Set(['setopt', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'config', 'exclude', 'excludepkgs', 'includepkgs', 'disableexcludes', 'disableplugin', 'enableplugin', 'downloaddir', 'destdir', 'forcearch', 'rpmverbosity', 'debuglevel', 'errorlevel', 'color', 'setopt', 'comment', 'advisory', 'advisories', 'bz', 'cve', 'sec-severity', 'secseverity', 'nodocs-setopt']),
  short: new Set(['c', 'R', 'd', 'e', 'x']),
  afterDashDash: 'operands',
};

/**
 * `yum`, `dnf` (also `dnf5`, `tdnf`) or `microdnf` with global options, subcommand, options and
 * operands; null for other programs. `tools` narrows the programs (`'yum'`, or `'dnf',
 * 'dnf5', 'microdnf'`).
 */
export function rpmCall(argv: readonly CliWord[], inst: Inst | undefined, ...tools: string[]): CliCall | null {
  if (!programIs(argv, ...(tools.length ? tools : [...RPM_TOOLS]))) return null;
  return readCli(argv, 1, RPM_SPEC, inst);
}

/** The program name of an argv (`yum`, `microdnf`), without a directory. */
export function programName(argv: readonly CliWord[]): string {
  const v = argv[0]?.value ?? '';
  return v.slice(v.lastIndexOf('/') + 1);
}

/** yum/dnf subcommands that install packages named as operands. */
const RPM_INSTALL = new Set(['install', 'in', 'localinstall', 'groupinstall', 'reinstall']);

/** `yum install` (and `localinstall`, `groupinstall`, `reinstall`), `yum module install`. */
export function isRpmInstall(call: CliCall): boolean {
  if (call.action === null) return false;
  if (RPM_INSTALL.has(call.action)) return true;
  return (call.action === 'module' || call.action === 'group' || call.action === 'groups') && call.operands[0]?.value.toLowerCase() === 'install';
}

/** Whether the yum/dnf command answers its prompts itself: `-y`, `--assumeyes` (`--assumeno` does not). */
export function rpmAssumesYes(call: CliCall): boolean {
  return call.options.some((o) => o.name === 'y' || o.name === 'assumeyes');
}

/**
 * The package operands of a yum/dnf install: for `module install`/`group install` the words
 * after `install`. Groups (`@core`) and local/remote files are left out.
 */
export function rpmInstallPackages(call: CliCall): CliWord[] {
  const ops = call.action === 'module' || call.action === 'group' || call.action === 'groups' ? call.operands.slice(1) : call.operands;
  return ops.filter((w) => !w.value.startsWith('@') && !/^(\/|\.\/|\.\.\/|~\/|https?:\/\/|ftp:\/\/)/.test(w.value));
}

/**
 * Whether a yum/dnf operand names a version: `name-version` (a `-` followed by a digit:
 * `tomcat-9.2`, `openssl-1:1.1.1k-1.el8`), a local `.rpm`, or for modules a stream
 * (`nodejs:18`).
 */
export function rpmOperandPinned(value: string, module: boolean): boolean {
  if (value.endsWith('.rpm')) return true;
  if (module) return value.includes(':');
  return /-[0-9]/.test(value);
}

const ZYPPER_SPEC: CliSpec = {
  long: new Set(['root', 'reposd-dir', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'config', 'userdata', 'repo', 'from', 'type', 'plus-repo', 'plus-content', 'download', 'auto-agree-with-licenses-for']),
  short: new Set(['R', 'D', 'C', 'c', 'r', 't', 'p']),
  afterDashDash: 'operands',
};

/** `zypper [global options] <subcommand> [options] operands`; null for other programs. */
export function zypperCall(argv: readonly CliWord[], inst?: Inst): CliCall | null {
  if (!programIs(argv, 'zypper')) return null;
  return readCli(argv, 1, ZYPPER_SPEC, inst);
}

/** `zypper install` / `zypper in`. */
export function isZypperInstall(call: CliCall): boolean { return call.action === 'install' || call.action === 'in'; }

/**
 * Whether zypper runs without prompting: the global `--non-interactive`/`-n` (before the
 * subcommand), or `--no-confirm`/`-y` of `install`.
 */
export function zypperNonInteractive(call: CliCall): boolean {
  // `-n` after the subcommand is `install --name`, not the global option.
  const subIndex = call.sub ? call.argv.indexOf(call.sub) : call.argv.length;
  const beforeSub = (o: CliOption) => o.words.length > 0 && call.argv.indexOf(o.words[0]) < subIndex;
  return call.options.some((o) => o.name === 'non-interactive' || o.name === 'no-confirm' || o.name === 'y' || (o.name === 'n' && beforeSub(o)));
}

/** Whether a zypper operand names a version (`pkg=1.2`, `pkg>=1.2`, `pkg<2`) or is a local `.rpm`. */
export function zypperOperandPinned(value: string): boolean {
  return /[=<>]/.test(value) || value.endsWith('.rpm');
}

/**
 * The last command of a shell-form RUN that `installs` reports (with what it returned) and that
 * no later command of the RUN `cleans`; null when every such install is cleaned up after.
 */
export function lastUncleaned<T>(inst: Inst, installs: (cmd: ShellCommand) => T | null, cleans: (cmd: ShellCommand) => boolean): { cmd: ShellCommand; found: T } | null {
  let last: { cmd: ShellCommand; found: T } | null = null;
  for (const cmd of inst.shell?.commands ?? []) {
    const found = installs(cmd);
    if (found !== null) last = { cmd, found };
    else if (last && cleans(cmd)) last = null;
  }
  return last;
}

/** The yum/dnf cache directories (`/var/cache/yum`, `/var/cache/dnf`, dnf5's `/var/cache/libdnf5`). */
export const RPM_CACHE_DIRS = CACHE_KINDS.rpm.dirs;

/** `yum clean all` / `dnf clean all` / `microdnf clean all`, or `rm -rf` of a yum/dnf cache directory (or a parent). */
export function cleansRpmCache(cmd: ShellCommand, inst: Inst): boolean {
  if (RPM_CACHE_DIRS.some((d) => removesDir(cmd, d))) return true;
  const call = rpmCall(cmd.argv, inst);
  return call !== null && call.action === 'clean' && call.operands.some((w) => w.value.toLowerCase() === 'all');
}

/** `zypper clean` / `zypper cc` (any options), or `rm -rf` of `/var/cache/zypp` (or a parent). */
export function cleansZypperCache(cmd: ShellCommand, inst: Inst): boolean {
  if (CACHE_KINDS.zypper.dirs.some((d) => removesDir(cmd, d))) return true;
  const call = zypperCall(cmd.argv, inst);
  return call !== null && (call.action === 'clean' || call.action === 'cc');
}

// ---------------------------------------------------------------------------------------------
// Compile steps: commands that build an application (what belongs in a build stage).

export interface CompileStep {
  /** The toolchain: `go`, `node`, `java`, `rust`, `dotnet`, `c`. */
  tool: string;
  /** The words that say it (`go build`, `npm run build`, `mvn package`). */
  words: CliWord[];
}

const MAVEN_BUILD_GOALS = new Set(['package', 'install', 'verify', 'deploy']);
const GRADLE_BUILD_TASKS = new Set(['build', 'assemble', 'bootjar', 'jar', 'shadowjar', 'installdist', 'distzip', 'bootwar', 'war']);
const C_COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'make', 'cmake', 'ninja']);

/** Whether an argv compiles an application, and with which toolchain; null otherwise. */
export function compileStep(argv: readonly CliWord[]): CompileStep | null {
  if (!argv.length || argv[0].dynamic) return null;
  const prog = programName(argv);
  const words = argv.filter((w) => !w.dynamic);
  const op = (k: number) => words.slice(1).filter((w) => !w.value.startsWith('-'))[k];
  const first = op(0);
  const v = first?.value.toLowerCase() ?? '';
  switch (prog) {
    case 'go': return v === 'build' ? { tool: 'go', words: [argv[0], first!] } : null;
    case 'cargo': return v === 'build' || v === 'install' ? { tool: 'rust', words: [argv[0], first!] } : null;
    case 'dotnet': return v === 'publish' || v === 'build' ? { tool: 'dotnet', words: [argv[0], first!] } : null;
    case 'npm': case 'pnpm': case 'yarn': {
      const script = v === 'run' || v === 'run-script' ? op(1) : prog !== 'npm' ? first : undefined;
      return script && /^build(:|$)/.test(script.value) ? { tool: 'node', words: [argv[0], script] } : null;
    }
    case 'mvn': case 'mvnw': {
      const goal = words.slice(1).find((w) => MAVEN_BUILD_GOALS.has(w.value.toLowerCase()));
      return goal ? { tool: 'java', words: [argv[0], goal] } : null;
    }
    case 'gradle': case 'gradlew': {
      const task = words.slice(1).find((w) => GRADLE_BUILD_TASKS.has(w.value.toLowerCase()));
      return task ? { tool: 'java', words: [argv[0], task] } : null;
    }
    default:
      if (C_COMPILERS.has(prog)) return prog === 'cmake' && !words.some((w) => w.value === '--build') ? null : { tool: 'c', words: [argv[0]] };
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// BuildKit cache mounts: which directory a download/build step caches in, per tool.

export interface CacheTarget { dir: string; sharing?: 'locked' }
export interface CacheableStep {
  /** Tool label for messages (`apt-get`, `pip`, `npm`, `go`, `cargo`, `mvn`, `gradle` ...). */
  tool: string;
  /** The words that say it (`apt-get install`, `go build`). */
  words: CliWord[];
  /** The directories a cache mount should cover. */
  targets: CacheTarget[];
}

/** A known value of an ENV/ARG in the instruction's scope (absolute paths only). */
function envDir(inst: Inst, name: string): string | null | undefined {
  if (!inst.scope.has(name)) return undefined;
  const v = inst.scope.get(name);
  return v && v.startsWith('/') ? v : null;
}

/**
 * A package download or build step whose tool keeps a cache that a `RUN --mount=type=cache`
 * can carry between builds: apt-get/apt install, pip install, npm install/ci, yarn install,
 * pnpm install, go mod download/build/install/test, cargo build/fetch/install, Maven and
 * Gradle (also their wrappers). Null for anything else, for installs that turn their cache
 * off (`pip --no-cache-dir`, `PIP_NO_CACHE_DIR`), and where a cache directory is moved by a
 * variable whose value is unknown. Directories are root's (the caller checks the user).
 */
export function cacheableStep(argv: readonly CliWord[], cmd: ShellCommand | null, inst: Inst): CacheableStep | null {
  if (!argv.length || argv[0].dynamic) return null;
  const prog = programName(argv);
  const official = inst.stage ? officialImageName(rootImage(inst.stage)) : null;
  const words = (sub: CliWord | null | undefined): CliWord[] => (sub ? [argv[0], sub] : [argv[0]]);
  if (cmd && (prog === 'apt-get' || prog === 'apt')) {
    const call = aptCall(cmd, inst);
    if (!call || !['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep'].includes(call.action ?? '')) return null;
    return { tool: prog, words: words(call.sub), targets: [{ dir: APT_CACHE_DIR, sharing: 'locked' }, { dir: '/var/lib/apt', sharing: 'locked' }] };
  }
  const pip = pipCall(argv);
  if (pip) {
    if (pip.sub?.value !== 'install' && pip.sub?.value !== 'wheel' && pip.sub?.value !== 'download') return null;
    if (pipNoCacheDir(argv, pip)) return null;
    if (inst.scope.has('PIP_NO_CACHE_DIR') || cmd?.assignments.some((a) => a.text.startsWith('PIP_NO_CACHE_DIR='))) return null;
    const dir = envDir(inst, 'PIP_CACHE_DIR');
    if (dir === null) return null;
    return { tool: 'pip', words: [argv[pip.pipIndex], pip.sub], targets: [{ dir: dir ?? '/root/.cache/pip' }] };
  }
  const npm = npmCall(argv, inst);
  if (npm) {
    if (!isNpmInstall(npm) && !isNpmCi(npm)) return null;
    const dir = envDir(inst, 'npm_config_cache') ?? envDir(inst, 'NPM_CONFIG_CACHE');
    if (dir === null || cliOptionValue(npm, 'cache') !== null) return null;
    return { tool: 'npm', words: words(npm.sub), targets: [{ dir: dir ?? '/root/.npm' }] };
  }
  const yarn = yarnCall(argv, inst);
  if (yarn) {
    if (!isYarnInstall(yarn) || cliOptionValue(yarn, 'cache-folder') !== null || inst.scope.has('YARN_CACHE_FOLDER')) return null;
    return { tool: 'yarn', words: words(yarn.sub), targets: [{ dir: '/usr/local/share/.cache/yarn' }] };
  }
  if (prog === 'pnpm') {
    const sub = argv.slice(1).find((w) => !w.value.startsWith('-'));
    if (!sub || sub.dynamic || !['install', 'i', 'add'].includes(sub.value)) return null;
    return { tool: 'pnpm', words: words(sub), targets: [{ dir: '/root/.local/share/pnpm/store' }] };
  }
  const go = goCall(argv, inst);
  if (go) {
    const a = go.action ?? '';
    const download = a === 'mod' && go.operands[0]?.value === 'download';
    if (!download && !['build', 'install', 'test'].includes(a)) return null;
    const gopath = envDir(inst, 'GOPATH');
    const modcache = envDir(inst, 'GOMODCACHE');
    const gocache = envDir(inst, 'GOCACHE');
    if (gopath === null || modcache === null || gocache === null) return null;
    const mod = modcache ?? `${gopath ?? (official === 'golang' ? '/go' : '/root/go')}/pkg/mod`;
    const targets: CacheTarget[] = [{ dir: mod }];
    if (!download) targets.push({ dir: gocache ?? '/root/.cache/go-build' });
    return { tool: 'go', words: download ? [argv[0], go.sub!, go.operands[0]] : words(go.sub), targets };
  }
  if (prog === 'cargo') {
    const sub = argv.slice(1).find((w) => !w.value.startsWith('-') && !w.value.startsWith('+'));
    if (!sub || sub.dynamic || !['build', 'fetch', 'install', 'test'].includes(sub.value)) return null;
    const home = envDir(inst, 'CARGO_HOME');
    if (home === null) return null;
    return { tool: 'cargo', words: words(sub), targets: [{ dir: `${home ?? (official === 'rust' ? '/usr/local/cargo' : '/root/.cargo')}/registry` }] };
  }
  if (prog === 'mvn' || prog === 'mvnw') {
    if (inst.scope.has('MAVEN_OPTS') || argv.some((w) => w.value.startsWith('-Dmaven.repo.local'))) return null;
    return { tool: 'mvn', words: [argv[0]], targets: [{ dir: '/root/.m2' }] };
  }
  if (prog === 'gradle' || prog === 'gradlew') {
    if (inst.scope.has('GRADLE_USER_HOME') || argv.some((w) => w.value === '-g' || w.value.startsWith('--gradle-user-home'))) return null;
    return { tool: 'gradle', words: [argv[0]], targets: [{ dir: '/root/.gradle' }] };
  }
  return null;
}
