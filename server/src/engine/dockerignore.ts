// `.dockerignore` semantics for the build-context rules (LW1030, LW1031, LW1112) and the
// "create .dockerignore" fixes. Pure: the host reads the file and lists the context; this module
// only sees text. Pattern cleaning, the glob itself and parent-directory matching come from
// @balena/dockerignore, a port of Docker's own matcher; this module adds what it lacks:
// - which line decided (last match wins, as in Docker), for messages;
// - guards: a pattern the library would turn into a regular expression that throws (`foo(`) or
//   backtracks for seconds (many `*`) is not evaluated, and answers about paths it could decide
//   become "unknown" (null) instead of a wrong yes/no or a hang;
// - characters that are literal in Go's filepath.Match but special in JavaScript regular
//   expressions (`+ ( ) { } | ^`) are wrapped in a one-character class first, which means the
//   same in both.
import ignore from '@balena/dockerignore';
import type { FileChange, Range, TextEdit } from '../../../shared/types';
import type { BuildContextFacts } from './rule';
import type { Inst, Model, Word } from './model';
import { copySources, unquote } from './helpers';

export interface IgnoreRule {
  /** 0-based line in the file. */
  readonly line: number;
  /** The line as written, trimmed. */
  readonly text: string;
  /** A `!` exception. */
  readonly negative: boolean;
  /** The pattern without `!`, cleaned the way Docker cleans it (no `./`, no leading or trailing `/`). */
  readonly pattern: string;
}

export interface IgnoreProblem { readonly line: number; readonly message: string }

export interface IgnoreVerdict {
  readonly excluded: boolean;
  /** The last rule that matched (null: none matched, the path is included). */
  readonly rule: IgnoreRule | null;
}

/** More `*` runs than this in one pattern and the library's regular expression may backtrack for seconds. */
export const MAX_WILDCARD_RUNS = 3;
/** Longer paths are not judged (bounds the regular expressions' work). */
export const MAX_PATH_LENGTH = 255;

const SPECIAL = new Set(['+', '(', ')', '{', '}', '|', '^']);

/** Go-literal characters that JavaScript regular expressions treat specially, made literal for both. */
function escapeForRegex(body: string): string {
  // The library would read a leading `#` as a comment and a leading `!` as another exception.
  if (body[0] === '#' || body[0] === '!') body = `[${body[0]}]${body.slice(1)}`;
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) { out += c + body[i + 1]; i++; continue; }
    if (inClass) { if (c === ']') inClass = false; out += c; continue; }
    if (c === '[') { inClass = true; out += c; continue; }
    out += SPECIAL.has(c) ? (c === '^' ? '[\\^]' : `[${c}]`) : c;
  }
  return out;
}

function wildcardRuns(body: string): number {
  let n = 0;
  for (let i = 0; i < body.length; i++) if (body[i] === '*' && body[i - 1] !== '*') n++;
  return n;
}

/** Docker's path cleaning of a pattern (filepath.Clean, leading `/` dropped), POSIX flavour. */
export function cleanPattern(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { if (parts.length && parts[parts.length - 1] !== '..') parts.pop(); continue; }
    parts.push(seg);
  }
  return parts.length ? parts.join('/') : '.';
}

interface CompiledRule extends IgnoreRule { readonly matcher: { ignores(path: string): boolean } | null }

export class IgnoreFile {
  readonly rules: readonly IgnoreRule[];
  readonly problems: readonly IgnoreProblem[];
  private readonly compiled: readonly CompiledRule[];
  /** Some pattern could not be evaluated: answers it might change are unknown. */
  readonly uncertain: boolean;

  constructor(text: string) {
    const rules: CompiledRule[] = [];
    const problems: IgnoreProblem[] = [];
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
    for (let i = 0; i < lines.length; i++) {
      // As Docker reads it: a `#` in column 1 is a comment; then blanks around are dropped.
      if (lines[i].startsWith('#')) continue;
      let body = lines[i].trim();
      if (!body) continue;
      const textLine = body;
      const negative = body[0] === '!';
      if (negative) body = body.slice(1).trim();
      if (!body) { problems.push({ line: i, message: `line ${i + 1}: '!' without a pattern` }); continue; }
      const pattern = cleanPattern(body);
      let matcher: CompiledRule['matcher'] = null;
      if (wildcardRuns(body) > MAX_WILDCARD_RUNS) {
        problems.push({ line: i, message: `line ${i + 1}: '${textLine}' has more than ${MAX_WILDCARD_RUNS} '*' wildcards; Layerwise does not evaluate it` });
      } else {
        try {
          const m = ignore({ ignorecase: false }).add(escapeForRegex(body));
          m.ignores('probe'); // compiles the pattern: an invalid one throws here
          matcher = m;
        } catch {
          problems.push({ line: i, message: `line ${i + 1}: '${textLine}' is not a valid pattern` });
        }
      }
      rules.push({ line: i, text: textLine, negative, pattern, matcher });
    }
    this.compiled = rules;
    this.rules = rules.map(({ line, text: t, negative, pattern }) => ({ line, text: t, negative, pattern }));
    this.problems = problems;
    this.uncertain = rules.some((r) => !r.matcher);
  }

  /**
   * Whether Docker leaves `path` (relative to the context, `/`-separated, already cleaned) out
   * of the build context; null when that depends on a pattern this module does not evaluate or
   * the path is too long to judge.
   */
  verdict(path: string): IgnoreVerdict | null {
    if (path.length > MAX_PATH_LENGTH || !path) return null;
    // The last rule that matches decides: walk back from the end. A rule we cannot evaluate
    // before that one is decided makes the answer unknown.
    for (let k = this.compiled.length - 1; k >= 0; k--) {
      const r = this.compiled[k];
      if (!r.matcher) return null;
      if (r.matcher.ignores(path)) return { excluded: !r.negative, rule: this.rules[k] };
    }
    return { excluded: false, rule: null };
  }

  /** Shorthand: true/false/null. */
  excludes(path: string): boolean | null {
    const v = this.verdict(path);
    return v ? v.excluded : null;
  }

  /**
   * Whether an exception (`!pattern`) could bring back something below the directory `path`,
   * so that copying `path` still copies part of it. Conservative: a wildcard segment is taken
   * to match, `**` to reach any depth.
   */
  mayReinclude(path: string): boolean {
    const segs = path.split('/');
    for (const r of this.rules) {
      if (!r.negative) continue;
      const p = r.pattern.split('/');
      const deep = p.includes('**') || p.some((s) => s.includes('**'));
      if (!deep && p.length <= segs.length) continue;
      let ok = true;
      for (let k = 0; k < segs.length && k < p.length; k++) {
        if (p[k].includes('**')) break;
        if (/[*?[\\]/.test(p[k])) continue;
        if (p[k] !== segs[k]) { ok = false; break; }
      }
      if (ok) return true;
    }
    return false;
  }
}

const parsed = new WeakMap<BuildContextFacts, IgnoreFile>();
/** The parsed ignore file of the facts (memoised per facts object), or null when there is none. */
export function ignoreFileOf(facts: BuildContextFacts): IgnoreFile | null {
  if (facts.dockerignore === null) return null;
  let f = parsed.get(facts);
  if (!f) parsed.set(facts, (f = new IgnoreFile(facts.dockerignore)));
  return f;
}

/** The file name of the ignore file in effect, for messages (`.dockerignore`, `app.Dockerfile.dockerignore`). */
export function ignoreFileName(facts: BuildContextFacts): string {
  const p = facts.dockerignorePath;
  if (!p) return '.dockerignore';
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return p.slice(i + 1) || '.dockerignore';
}

// ---- copy sources ----------------------------------------------------------------------------

/**
 * A COPY/ADD source as a path relative to the build context root (`./a/../b/` → `b`, `/x` → `x`,
 * `.` for the root), or null when it is not a plain local path: a URL, a git address, a variable,
 * a path leaving the context. Wildcards are kept.
 */
export function contextPath(source: string): string | null {
  if (!source || source.includes('$')) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^git@/.test(source)) return null;
  const parts: string[] = [];
  for (const seg of source.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { if (!parts.length) return null; parts.pop(); continue; }
    parts.push(seg);
  }
  return parts.length ? parts.join('/') : '.';
}

export const hasGlob = (p: string) => /[*?[]/.test(p);

/** The local sources (not `--from`, not heredocs) of a COPY/ADD, with their context paths. */
export function localSources(inst: Inst): { word: Word; value: string; path: string | null }[] {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return [];
  if (inst.flags.some((f) => f.name.toLowerCase() === 'from')) return [];
  const out: { word: Word; value: string; path: string | null }[] = [];
  for (const w of copySources(inst)) {
    const v = inst.form === 'exec' ? w.value : unquote(w.value);
    if (v.startsWith('<<')) continue;
    out.push({ word: w, value: v, path: contextPath(v) });
  }
  return out;
}

/** The first source word in the file that copies the whole context (`COPY . .`, `ADD ./ /app`, `COPY * ./`). */
export function firstWholeContextCopy(model: Model): Word | null {
  for (const inst of model.instructions) {
    for (const s of localSources(inst)) {
      if (s.path === '.' || s.path === '*') return s.word;
    }
  }
  return null;
}

// ---- what should be ignored ------------------------------------------------------------------

/** `.env.example` and friends: templates without real values, fine to copy. */
export const isEnvTemplate = (name: string) => /^\.env\..*\b(example|sample|template|dist|defaults?)$/i.test(name);
const isEnvFile = (name: string) => name === '.env' || (name.startsWith('.env.') && !isEnvTemplate(name));

/** Top-level entries that should never reach an image: version control, secrets, host-installed dependencies. */
export function sensitiveEntries(topLevel: readonly string[]): string[] {
  return topLevel.filter((n) => n === '.git' || n === 'node_modules' || isEnvFile(n));
}

/** Sensitive entries that exist and the ignore file does not exclude (unknown verdicts are left out). */
export function unexcludedEntries(facts: BuildContextFacts, file: IgnoreFile): string[] {
  return sensitiveEntries(facts.topLevel).filter((n) => file.excludes(n) === false);
}

/** Lines that would exclude the given entries (one per entry; `.env.*` once for several env files). */
export function linesFor(entries: readonly string[], topLevel: readonly string[]): string[] {
  const out: string[] = [];
  const envs = entries.filter((e) => e.startsWith('.env.'));
  for (const e of entries) if (!e.startsWith('.env.')) out.push(e);
  if (envs.length > 1 || (envs.length === 1 && !topLevel.includes('.env'))) {
    out.push('.env.*');
    for (const t of topLevel) if (isEnvTemplate(t)) out.push(`!${t}`);
  } else out.push(...envs);
  return out;
}

const PYTHON_MARKERS = ['requirements.txt', 'pyproject.toml', 'setup.py', 'Pipfile', 'poetry.lock', 'uv.lock'];
/** Present at the top level → listed. */
const IF_PRESENT = ['.venv', 'venv', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', 'coverage', '.nyc_output', '.next', '.idea', '.vscode', '.terraform'];
const DOCKERFILE_LIKE = /^(dockerfile|containerfile)(\..+)?$|\.dockerfile$|^(docker-)?compose([.-].*)?\.ya?ml$/i;

/**
 * The content of a new `.dockerignore` for a context with these top-level entries. No line
 * excludes a source this Dockerfile copies by name (checked with the matcher), so creating it
 * cannot break a COPY that works today.
 */
export function dockerignoreTemplate(topLevel: readonly string[], model: Model | null): string {
  // Never exclude what the Dockerfile copies by name.
  const copied: string[] = [];
  if (model) for (const inst of model.instructions) for (const s of localSources(inst)) if (s.path && s.path !== '.' && !hasGlob(s.path)) copied.push(s.path);
  // Kept per listing (the Dockerfiles of one folder share it) and copied names: the template is
  // LW1030's fix, offered on every lint.
  let byCopied = templates.get(topLevel);
  if (!byCopied) templates.set(topLevel, (byCopied = new Map()));
  const key = copied.join('\u0000');
  let t = byCopied.get(key);
  if (t === undefined) {
    if (byCopied.size >= 64) byCopied.clear();
    byCopied.set(key, (t = buildTemplate(topLevel, copied)));
  }
  return t;
}
const templates = new WeakMap<readonly string[], Map<string, string>>();

function buildTemplate(topLevel: readonly string[], copied: readonly string[]): string {
  const has = (n: string) => topLevel.includes(n);
  const sections: [string, string[]][] = [];
  sections.push(['Version control and secrets', ['.git', '.env', '.env.*', ...topLevel.filter(isEnvTemplate).map((t) => `!${t}`)]]);
  const deps: string[] = [];
  if (has('node_modules') || has('package.json')) deps.push('node_modules');
  if (has('__pycache__') || PYTHON_MARKERS.some(has)) deps.push('**/__pycache__', '**/*.pyc');
  if (has('Cargo.toml') && has('target')) deps.push('target');
  deps.push(...IF_PRESENT.filter(has));
  if (deps.length) sections.push(['Installed or built on the host, tool caches, editor settings', deps]);
  sections.push(['Logs and OS files', ['**/*.log', '**/.DS_Store']]);
  sections.push(['Docker files themselves (the build still reads the Dockerfile)', ['.dockerignore', ...topLevel.filter((n) => DOCKERFILE_LIKE.test(n) && !n.toLowerCase().endsWith('.dockerignore'))]]);

  const keep = (line: string) => {
    if (line.startsWith('!') || !copied.length) return true;
    const m = lineMatcher(line);
    return copied.every((c) => m.excludes(c) !== true);
  };
  const out = ['# Keeps secrets, version control data and host artifacts out of the build context', '# (created by Layerwise; review it: COPY and ADD cannot see what is listed here).'];
  for (const [title, lines] of sections) {
    const kept = lines.filter(keep);
    if (!kept.length) continue;
    out.push('', `# ${title}`, ...kept);
  }
  return out.join('\n') + '\n';
}

/**
 * The matcher of one template line, kept: the template's lines are nearly the same for every
 * context, and LW1030 offers the template as its fix on every lint (a CLI run over 520 files
 * spent a second compiling the same dozen lines again).
 */
const lineMatchers = new Map<string, IgnoreFile>();
function lineMatcher(line: string): IgnoreFile {
  let m = lineMatchers.get(line);
  if (!m) {
    if (lineMatchers.size >= 512) lineMatchers.clear();
    lineMatchers.set(line, (m = new IgnoreFile(line)));
  }
  return m;
}

// ---- edits of the ignore file ----------------------------------------------------------------

const origin: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A FileChange creating the ignore file with `content`. */
export function createIgnoreFile(path: string, content: string): FileChange {
  return { path, create: true, edits: [{ range: origin, newText: content }] };
}

/** A FileChange appending `lines` to the existing ignore file `text` (its line breaks kept). */
export function appendToIgnoreFile(path: string, text: string, lines: readonly string[]): FileChange {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const all = text.split(/\r\n|\n|\r/);
  const end = { line: all.length - 1, character: all[all.length - 1].length };
  const sep = text === '' || /[\r\n]$/.test(text) ? '' : eol;
  const edit: TextEdit = { range: { start: end, end }, newText: sep + lines.join(eol) + eol };
  return { path, create: false, edits: [edit] };
}
