// ShellCheck for shell-form RUN bodies, the pure half: which script each RUN gives the shell
// (continuations joined, comment lines of a continuation dropped, heredoc bodies as they are)
// with a map from every character of it back to the Dockerfile, and ShellCheck's json1 output
// mapped back to findings at their exact position, with our suppression and settings applied.
// Running the executable is host work (server/src/host/shellcheck.ts); nothing here does I/O.
import type { Finding, Fix, LintOptions, Severity, TextEdit } from '../../../shared/types';
import type { Inst, Model } from './model';
import { joinContinuations } from './model';
import { defaultShellUnknown, effectiveShell } from './fixes';

/** The dialects ShellCheck's `-s` takes that a Dockerfile's shell can be. */
export type ShellcheckDialect = 'sh' | 'bash' | 'dash' | 'ksh';

/**
 * Codes never reported, because in a Dockerfile they are noise rather than advice. Measured with
 * ShellCheck 0.9.0 and no exclusions: the 33 RUN scripts of test/fixtures/corpus drew one
 * comment (SC2046 on `-j$(nproc)`), the 140 scripts of the rule docs' examples two SC1091 (on
 * `. /etc/os-release`) and one SC3046 (`source` in sh: a real bug), the 30 RUN bodies of
 * bench/shell-corpus.json three SC2086 (unquoted `$VAR`: kept, as hadolint keeps it). The rest
 * of this list are codes our own script building would otherwise cause:
 * - SC1090, SC1091: "can't follow sourced file". The file (`. /etc/os-release`, `. ~/.nvm/nvm.sh`)
 *   lives in the image being built, never next to the Dockerfile; ShellCheck can never follow it.
 * - SC2148: "unknown shell". We always say which shell runs the RUN (`-s`).
 * - SC1017: "literal carriage return". CRLF Dockerfiles are fine; the script we hand over has
 *   its carriage returns removed anyway, so this could only come from a lone `\r`.
 * - SC2317: "command appears unreachable". It fires on the declarations we append after a body
 *   ending in `exit`, and Dockerfile RUNs have no functions or traps it could be about.
 */
export const SHELLCHECK_EXCLUDED: readonly string[] = ['SC1017', 'SC1090', 'SC1091', 'SC2148', 'SC2317'];

/**
 * Codes off unless turned on (`--enable SC2046`, `rules: { SC2046: on }`): on the corpus the
 * only ShellCheck finding at warning level was SC2046 on `make -j$(nproc)`, and unquoted
 * `$(...)` in a RUN is nearly always word splitting on purpose (`-j$(nproc)`,
 * `apt-get install $(cat packages.txt)`, `$(go env GOPATH)`).
 */
export const SHELLCHECK_OFF_BY_DEFAULT: readonly string[] = ['SC2046'];

export const SHELLCHECK_WIKI = 'https://www.shellcheck.net/wiki/';
export const isShellcheckCode = (id: string): boolean => /^SC\d{4}$/i.test(id.trim());

/** One script to check: a RUN body as its shell sees it. */
export interface ShellcheckJob {
  /** Index of the RUN instruction in model.instructions. */
  inst: number;
  dialect: ShellcheckDialect;
  /** What ShellCheck reads on stdin: the body (LF line breaks), then the declarations. */
  script: string;
  /** Document offset of each character of `script`, plus one for its end (length script.length + 1). */
  map: Int32Array;
  /** Characters of `script` from here on are the appended declarations, not the body. */
  bodyLength: number;
  /** The ARG/ENV names declared to ShellCheck. */
  declared: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The ShellCheck dialect of a shell program (`/bin/bash`, `sh`, `busybox`), or null for other programs. */
export function dialectOf(program: string): ShellcheckDialect | null {
  const base = program.trim().split(/[/\\]/).pop()!.toLowerCase().replace(/\.exe$/, '');
  if (base === 'sh' || base === 'ash' || base === 'busybox') return 'sh';
  if (base === 'bash') return 'bash';
  if (base === 'dash') return 'dash';
  if (base === 'ksh' || base === 'mksh' || base === 'ksh93' || base === 'pdksh') return 'ksh';
  return null;
}

/**
 * The shell running `inst`'s body: a `RUN <<EOF` script's shebang, else the stage's SHELL
 * (inherited from the stage it builds on), else the `# hadolint shell=` pragma, else `/bin/sh`.
 * Null when that is not a shell ShellCheck knows (PowerShell, cmd, zsh, python ...) or when the
 * default shell is unknown (Windows images, a non-backslash escape character without SHELL).
 */
export function shellcheckDialect(model: Model, inst: Inst): ShellcheckDialect | null {
  const h = inst.heredocs[0];
  if (h && inst.args[0]?.value.startsWith('<<') && h.content.startsWith('#!')) {
    const words = h.content.slice(2, (h.content + '\n').indexOf('\n')).trim().split(/[ \t]+/);
    const prog = words[0] && /(^|\/)env$/.test(words[0]) ? words.slice(1).find((w) => !w.startsWith('-')) ?? '' : words[0] ?? '';
    return dialectOf(prog);
  }
  const shell = effectiveShell(inst);
  if (shell) {
    // `SHELL ["busybox", "sh", "-c"]`, `SHELL ["/usr/bin/env", "bash", "-c"]`
    if (/(^|[/\\])(env|busybox)$/.test(shell[0]) && shell[1] && !shell[1].startsWith('-')) return dialectOf(shell[1]) ?? dialectOf(shell[0]);
    return dialectOf(shell[0]);
  }
  if (model.pragmas.shell) return dialectOf(model.pragmas.shell);
  return defaultShellUnknown(model, inst) ? null : 'sh';
}

/** One job per shell-form RUN that a shell ShellCheck knows runs (in document order). */
export function shellcheckJobs(model: Model): ShellcheckJob[] {
  const jobs: ShellcheckJob[] = [];
  for (const inst of model.instructions) {
    const job = shellcheckJob(model, inst);
    if (job) jobs.push(job);
  }
  return jobs;
}

export function shellcheckJob(model: Model, inst: Inst): ShellcheckJob | null {
  if (inst.keyword !== 'RUN' || inst.form !== 'shell' || !inst.args.length) return null;
  const dialect = shellcheckDialect(model, inst);
  if (!dialect) return null;
  const { lines, text } = model;
  const startOff = lines.offsetAt(inst.args[0].range.start);
  const endOff = lines.offsetAt(inst.range.end);
  let srcText: string;
  let srcMap: ArrayLike<number>;
  const h = inst.heredocs[0];
  if (h && inst.args[0].value.startsWith('<<')) {
    // `RUN <<EOF`: the heredoc body is the script.
    if (!h.contentRange) return null;
    const s = lines.offsetAt(h.contentRange.start);
    srcText = h.content;
    const m = new Int32Array(srcText.length);
    for (let k = 0; k < m.length; k++) m[k] = s + k;
    srcMap = m;
  } else {
    const joined = joinContinuations(text, startOff, endOff, model.escapeChar, inst.heredocs.length > 0);
    srcText = joined.text;
    srcMap = joined.map;
  }
  if (srcText.trim() === '') return null;
  // LF only: a CR before LF is dropped, a lone CR is a line break.
  const chars: string[] = [];
  const map: number[] = [];
  for (let k = 0; k < srcText.length; k++) {
    const c = srcText[k];
    if (c === '\r') {
      if (srcText[k + 1] === '\n') continue;
      chars.push('\n');
    } else chars.push(c);
    map.push(srcMap[k]);
  }
  const body = chars.join('');
  const bodyEndDoc = map.length ? map[map.length - 1] + 1 : startOff;
  const declared = [...inst.scope.keys()].filter((n) => NAME.test(n)).sort();
  let script = body;
  if (declared.length) {
    // Declared after the body, so a `# shellcheck disable=...` at the top of a heredoc script
    // still applies to the whole script, and the body's lines keep their numbers.
    if (!script.endsWith('\n')) script += '\n';
    script += `export ${declared.join(' ')}\n`;
  }
  const full = new Int32Array(script.length + 1);
  for (let k = 0; k < map.length; k++) full[k] = map[k];
  for (let k = map.length; k <= script.length; k++) full[k] = bodyEndDoc;
  return { inst: inst.index, dialect, script, map: full, bodyLength: map.length, declared };
}

// ---- ShellCheck's output ---------------------------------------------------------------------

export interface ShellcheckReplacement { line: number; column: number; endLine: number; endColumn: number; replacement: string }
export interface ShellcheckComment {
  line: number; column: number; endLine: number; endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
  fix: { replacements: ShellcheckReplacement[] } | null;
}

const LEVELS = new Set(['error', 'warning', 'info', 'style']);
const isPos = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/** `--format=json1` output read into comments; throws on anything else (the caller reports it). */
export function parseShellcheckJson1(out: string): ShellcheckComment[] {
  let doc: unknown;
  try { doc = JSON.parse(out); } catch { throw new Error('ShellCheck did not print JSON (is it ShellCheck 0.7 or later?)'); }
  const list = (doc as { comments?: unknown })?.comments;
  if (!Array.isArray(list)) throw new Error('ShellCheck printed JSON without a "comments" list');
  const comments: ShellcheckComment[] = [];
  for (const c of list as Record<string, unknown>[]) {
    if (!c || !isPos(c.line) || !isPos(c.column) || !isPos(c.endLine) || !isPos(c.endColumn) || typeof c.code !== 'number'
      || typeof c.message !== 'string' || typeof c.level !== 'string' || !LEVELS.has(c.level)) continue;
    let fix: ShellcheckComment['fix'] = null;
    const reps = (c.fix as { replacements?: unknown } | null)?.replacements;
    if (Array.isArray(reps) && reps.every((r) => r && isPos(r.line) && isPos(r.column) && isPos(r.endLine) && isPos(r.endColumn) && typeof r.replacement === 'string')) {
      fix = { replacements: reps.map((r) => ({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, replacement: r.replacement })) };
    }
    comments.push({ line: c.line, column: c.column, endLine: c.endLine, endColumn: c.endColumn, level: c.level as ShellcheckComment['level'], code: c.code, message: c.message, fix });
  }
  return comments;
}

const LEVEL_SEVERITY: Record<ShellcheckComment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/**
 * The severity of a ShellCheck code under the user's options (null: off). Default: ShellCheck's
 * level (style is our hint); SHELLCHECK_OFF_BY_DEFAULT codes need `enable` (the code or `all`).
 * `rules` (`SC2086: off|on|error|...`, or `all`), in the order given, then `disable` (the code
 * or `all`) win.
 */
export function shellcheckSeverity(code: string, level: ShellcheckComment['level'], options: LintOptions = {}): Severity | null {
  const c = code.toUpperCase();
  if (SHELLCHECK_EXCLUDED.includes(c)) return null;
  const enabled = (options.enable ?? []).some((id) => { const k = id.trim().toUpperCase(); return k === c || k === 'ALL'; });
  let sev: Severity | null = SHELLCHECK_OFF_BY_DEFAULT.includes(c) && !enabled ? null : LEVEL_SEVERITY[level];
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    const k = id.trim().toUpperCase();
    if (k !== c && k !== 'ALL') continue;
    const s = String(setting).toLowerCase();
    if (s === 'off') sev = null;
    else if (s === 'on') sev = LEVEL_SEVERITY[level];
    else if (s === 'error' || s === 'warning' || s === 'info' || s === 'hint') sev = s;
    else if (s === 'style') sev = 'hint';
  }
  for (const id of options.disable ?? []) {
    const k = id.trim().toUpperCase();
    if (k === c || k === 'ALL') return null;
  }
  return sev;
}

/** Suppressed by `# hadolint ignore=`, `# layerwise ignore=` (local or global) or a `# check=skip=`. */
function suppressedAt(model: Model, inst: number, code: string, options: LintOptions): boolean {
  const id = code.toLowerCase();
  const has = (s: Set<string> | undefined) => !!s && (s.has(id) || s.has('all'));
  if (model.directives.check.skip.some((s) => s.toLowerCase() === id)) return true;
  if (options.ignorePragmas === false) return false;
  return has(model.pragmas.global) || has(model.pragmas.perInstruction.get(inst));
}

/** Offsets in `script` of each line start (ShellCheck's lines are LF-separated). */
function lineStarts(script: string): number[] {
  const starts = [0];
  for (let k = 0; k < script.length; k++) if (script.charCodeAt(k) === 10) starts.push(k + 1);
  return starts;
}

/** Offset in `script` of ShellCheck's 1-based line and column (columns count code points, a tab is one). */
function scriptOffset(script: string, starts: number[], line: number, column: number): number {
  if (line > starts.length) return script.length;
  let off = starts[line - 1];
  const end = line < starts.length ? starts[line] - 1 : script.length;
  for (let col = 1; col < column && off < end; col++) {
    const cc = script.charCodeAt(off);
    off += cc >= 0xd800 && cc <= 0xdbff && off + 1 < end ? 2 : 1;
  }
  return off;
}

/**
 * ShellCheck's comments on `job.script` as findings in the document: positions mapped back
 * through continuations, dropped comment lines, heredocs and CRLF; excluded, disabled and
 * pragma-suppressed codes left out; ShellCheck's own fix offered as a suggestion where it maps
 * onto one stretch of the document.
 */
export function shellcheckFindings(model: Model, job: ShellcheckJob, comments: readonly ShellcheckComment[], options: LintOptions = {}): Finding[] {
  const starts = lineStarts(job.script);
  const out: Finding[] = [];
  const toDoc = (s: number, e: number): { start: number; end: number } | null => {
    if (s >= job.bodyLength) return null;
    e = Math.min(Math.max(e, s), job.bodyLength);
    if (e === s) {
      // A point: widen to the character there, unless that is the end of a line.
      const c = job.script[s];
      if (c !== undefined && c !== '\n') e = s + 1;
    }
    return { start: job.map[s], end: e > s ? job.map[e - 1] + 1 : job.map[s] };
  };
  for (const c of comments) {
    const code = `SC${String(c.code).padStart(4, '0')}`;
    let severity = shellcheckSeverity(code, c.level, options);
    if (!severity || suppressedAt(model, job.inst, code, options)) continue;
    if (model.directives.check.error) severity = 'error';
    const s = scriptOffset(job.script, starts, c.line, c.column);
    const e = c.endLine < c.line || (c.endLine === c.line && c.endColumn < c.column) ? s : scriptOffset(job.script, starts, c.endLine, c.endColumn);
    const r = toDoc(s, e);
    if (!r) continue;
    const fixes: Fix[] = [];
    const f = c.fix && mapFix(model, job, starts, c.fix.replacements);
    if (f) fixes.push({ title: `Apply ShellCheck's fix for ${code}`, edits: f, safety: 'suggestion' });
    out.push({
      code, name: 'shellcheck', aliases: [], severity, message: c.message,
      range: model.lines.range(r.start, r.end), fixes,
    });
  }
  return out;
}

/** ShellCheck's replacements as document edits, or null where one does not map onto contiguous text. */
function mapFix(model: Model, job: ShellcheckJob, starts: number[], reps: readonly ShellcheckReplacement[]): TextEdit[] | null {
  if (!reps.length) return null;
  const edits: TextEdit[] = [];
  for (const r of reps) {
    if (/[\r\n]/.test(r.replacement)) return null;
    const s = scriptOffset(job.script, starts, r.line, r.column);
    const e = scriptOffset(job.script, starts, r.endLine, r.endColumn);
    if (e < s || e > job.bodyLength) return null;
    const ds = job.map[s];
    const de = e > s ? job.map[e - 1] + 1 : ds;
    // A replacement across a joined continuation or a dropped comment line would delete it.
    if (de - ds !== e - s) return null;
    edits.push({ range: model.lines.range(ds, de), newText: r.replacement });
  }
  return edits;
}

/** Engine findings and ShellCheck's in one list, in the engine's order. */
export function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  return [...a, ...b].sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || x.code.localeCompare(y.code));
}
