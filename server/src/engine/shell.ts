// Shell-form RUN bodies parsed by a real shell parser: tree-sitter-bash through web-tree-sitter.
// Chosen by measurement (see README, "Choosing the shell parser"): as correct as mvdan-sh on
// our corpus of real RUN bodies, ~14x faster, and error-tolerant (a half-typed RUN still
// yields its complete commands), which matters in an editor. Its one cost is an async WASM
// initialisation, done once by the host (server or CLI) before the first lint.
import { Parser, Language, type Tree } from 'web-tree-sitter';
import type { Range } from '../../../shared/types';
import { LineIndex } from './text';
import { KeptMap } from './kept';

let parser: Parser | null = null;
let initPromise: Promise<void> | null = null;

/**
 * Load the WASM runtime and the bash grammar. `locate(file)` returns the path or URL of
 * `web-tree-sitter.wasm` / `tree-sitter-bash.wasm`; the host decides where they live.
 */
export function initShellParser(locate: (file: string) => string): Promise<void> {
  if (!initPromise) {
    initPromise = (async () => {
      await Parser.init({ locateFile: (f: string) => locate(f) });
      const lang = await Language.load(locate('tree-sitter-bash.wasm'));
      const p = new Parser();
      p.setLanguage(lang);
      parser = p;
    })();
    initPromise.catch(() => { initPromise = null; });
  }
  return initPromise;
}

export function shellParserReady(): boolean { return parser !== null; }

export interface ShellWord {
  /** Source text of the word as written (quotes included). */
  text: string;
  /** The word with quotes removed; equal to `text` where it is dynamic. */
  value: string;
  /** True when the word contains expansions or substitutions. */
  dynamic: boolean;
  range: Range;
}

export type Connector = '&&' | '||' | ';' | '|' | '&' | null;

export interface ShellCommand {
  /** Basename of the program after unwrapping sudo/env/xargs/sh -c (`apt-get`). */
  name: string;
  /** argv[0] is the program word; the rest its arguments (redirections excluded). */
  argv: ShellWord[];
  /** Wrappers that were peeled off, outermost first (`sudo`, `env`, `sh -c`). */
  wrappers: string[];
  /** The operator joining this command to the previous one in its list. */
  connector: Connector;
  /** Inside `$(...)`, backticks or a process substitution. */
  inSubstitution: boolean;
  /** Inside a `( ... )` subshell (its `cd`/`export` do not outlive the parentheses). */
  inSubshell?: boolean;
  /** The program words of the wrappers peeled off in this command (`sudo`, `env` ...), in order; not those of an enclosing `sh -c`. */
  wrapperWords?: ShellWord[];
  /** `NAME=value` words set for this command only (`A=1 cmd`, `env A=1 cmd`), as written. */
  assignments: ShellWord[];
  range: Range;
}

export interface ShellScript {
  commands: ShellCommand[];
  hasErrors: boolean;
  /** When the whole script is one command of static words, those words; else null. */
  simpleArgv: string[] | null;
  /** The top-level list structure, for edits that append to or group the script. */
  shape: ShellShape;
  /** `export`/`declare`/`readonly`/`local`/`typeset` statements (not commands), in source order. */
  declarations: ShellDeclaration[];
}

/** `export A=1 B` and its kin: the keyword and the assignments / names it declares. */
export interface ShellDeclaration {
  keyword: string;
  /** `NAME=value` assignments as words (bare names are left out). */
  assignments: ShellWord[];
  /** Inside `$(...)`, backticks or a process substitution. */
  inSubstitution: boolean;
  range: Range;
}

/** How the script's top-level list is put together (`a && b || c; d &`). */
export interface ShellShape {
  /** Top-level and-or lists, separated by `;`, `&` or line breaks. */
  lists: number;
  /** A top-level and-or list uses `||`. */
  or: boolean;
  /** A top-level list runs in the background (`a & b`, `a &`). */
  background: boolean;
  /** The operator after the last list (`a;`, `a &`), if any. */
  terminator: ';' | '&' | null;
  /** The script has a `#` comment: it runs to the end of the line, so nothing can follow it. */
  comment: boolean;
  /**
   * The script changes its shell's own state, which later commands of the same shell would
   * see: the directory (`cd`), variables (`A=1`, `export`, `unset`), options (`set`), or ends
   * the shell (`exit`, `exec`). Commands inside `( )`, `$( )` and `sh -c` do not count.
   */
  stateful: boolean;
}

const EMPTY_SHAPE: ShellShape = { lists: 0, or: false, background: false, terminator: null, comment: false, stateful: false };
/** Builtins whose effect outlives the command in the shell that runs them. */
const STATEFUL_BUILTINS = new Set([
  'cd', 'pushd', 'popd', 'export', 'unset', 'set', 'shopt', 'source', '.', 'umask', 'ulimit', 'alias', 'unalias', 'trap',
  'exec', 'exit', 'return', 'eval', 'readonly', 'declare', 'typeset', 'local', 'hash', 'enable', 'shift', 'builtin',
]);
const OWN_SHELL = new Set(['subshell', 'command_substitution', 'process_substitution']);

/** A piece of source to parse: `text[i]` sits at document offset `map[i]`. */
export interface ShellSource { text: string; map: ArrayLike<number> }

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const WRAPPERS_WITH_ARG: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-U', '-C', '-D', '-h', '-p', '-r', '-t', '-T']),
  xargs: new Set(['-I', '-n', '-P', '-d', '-L', '-s', '-a', '-E', '-i']),
  env: new Set(['-u', '-C', '-S']),
  nice: new Set(['-n']),
  timeout: new Set(['-s', '-k']),
};
const SIMPLE_WRAPPERS = new Set(['nohup', 'time', 'command', 'exec', 'stdbuf']);
const MAX_DEPTH = 4;

export function parseShell(src: ShellSource, index: LineIndex): ShellScript {
  if (!parser) throw new Error('Layerwise: the shell parser is not initialised (call initShellParser first)');
  const out: ShellCommand[] = [];
  let simpleArgv: string[] | null = null;
  let shape = EMPTY_SHAPE;
  const declarations: ShellDeclaration[] = [];
  // One parse per body: the shape and the argv of a one-command script come from the same tree.
  const hasErrors = parseInto(src, index, out, [], 0, declarations, (root, hasError) => {
    shape = shapeOf(root, src.text);
    if (!hasError && out.length === 1 && out[0].wrappers.length === 0 && src.text.trim().length > 0) {
      const named = root.children.filter((c) => c.named);
      if (named.length === 1 && named[0].type === 'command') simpleArgv = staticArgv(named[0], src.text);
    }
  });
  return { commands: out, hasErrors, simpleArgv, shape, declarations };
}

/**
 * Shell parses of unchanged RUN bodies, reused between document versions: while the user
 * types, one body changes and the others keep their text, and their positions or all move by
 * the same number of lines. The key is the stretch of source the body comes from, its start
 * column and the form of the source (the joined text is a function of these); each entry
 * keeps the line the body started on, so a hit returns the same script, ranges included, that
 * a fresh parse would: the kept one, or a copy moved to the body's new line. Results are
 * shared and must not be mutated. Bounded: least recently used entries are dropped past
 * MAX_CACHED (and very long bodies are not kept at all), so memory stays flat however many
 * files a CLI run reads.
 */
const MAX_CACHED_CHARS = 20_000;
const shellCache = new KeptMap<{ line: number; script: ShellScript }>(4000, 2_000_000);

export function parseShellCached(src: ShellSource, index: LineIndex, form: string): ShellScript {
  const n = src.text.length;
  if (n === 0 || n > MAX_CACHED_CHARS) return parseShell(src, index);
  const first = src.map[0];
  const raw = index.text.slice(first, src.map[n - 1] + 1);
  const at = index.positionAt(first);
  // Keyed without the line: a body that only moved up or down (lines added or removed above
  // it, as typing Enter does) gets the kept parse with its ranges moved by as many lines.
  const key = `${form}\u0000${at.character}\u0000${raw}`;
  const hit = shellCache.get(key);
  if (hit && hit.line !== at.line) {
    const script = shiftScript(hit.script, at.line - hit.line);
    shellCache.set(key, { line: at.line, script });
    return script;
  }
  return cached(key, () => parseShell(src, index), at.line);
}

/** A copy of `s` with every range `by` lines further down (shared words stay shared). */
export function shiftScript(s: ShellScript, by: number): ShellScript {
  const range = (r: Range): Range => ({ start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } });
  const words = new Map<ShellWord, ShellWord>();
  const word = (w: ShellWord): ShellWord => {
    let c = words.get(w);
    if (!c) words.set(w, (c = { ...w, range: range(w.range) }));
    return c;
  };
  return {
    ...s,
    commands: s.commands.map((c) => ({
      ...c,
      argv: c.argv.map(word),
      ...(c.wrapperWords ? { wrapperWords: c.wrapperWords.map(word) } : {}),
      assignments: c.assignments.map(word),
      range: range(c.range),
    })),
    declarations: s.declarations.map((d) => ({ ...d, assignments: d.assignments.map(word), range: range(d.range) })),
  };
}

/**
 * A parse of text that is not a stretch of the document (a fix's candidate result, parsed to
 * verify the fix keeps the commands): cached by `key`, which must determine the text, so the
 * fixes computed on every keystroke do not re-parse the bodies they checked before. Only
 * for callers that do not read the ranges of the result.
 */
export function parseDetachedCached(key: string, parse: () => ShellScript): ShellScript {
  if (key.length > MAX_CACHED_CHARS) return parse();
  return cached(`detached\u0000${key}`, parse, 0);
}

function cached(key: string, parse: () => ShellScript, line: number): ShellScript {
  const hit = shellCache.get(key);
  if (hit) return hit.script;
  const script = parse();
  shellCache.set(key, { line, script });
  return script;
}

/** Empty the parse cache (tests, memory pressure). */
export function clearShellCache(): void { shellCache.clear(); }

/**
 * A syntax node copied out of the WASM tree into plain JS: web-tree-sitter's node API marshals
 * a new Node object through the WASM heap on every access (`children`, `parent`, `type` ...),
 * which cost more than the parse itself; one TreeCursor walk per tree reads each node once.
 * `start`/`end` are UTF-16 code-unit indices into the parsed text (-1 where not fetched, see
 * POS_TYPES).
 */
interface SNode {
  type: string;
  named: boolean;
  start: number;
  end: number;
  /** Field name in the parent; only read under `command` and `variable_assignment`. */
  field: string | null;
  children: SNode[];
  parent: SNode | null;
}

const FIELD_PARENTS = new Set(['command', 'variable_assignment']);
/**
 * The nodes whose positions (and so text and range) are read: the root, the node types read for
 * their text, range or by the shape, and every child of a command, a command name, a
 * declaration and an assignment (words of any type). Other nodes (lists, pipelines, quotes,
 * operators, the insides of expansions) are only looked at by type, so their positions are
 * not fetched from the tree (each fetch is a call through the WASM heap); they keep -1.
 */
const POS_TYPES = new Set(['command', 'word', 'number', 'raw_string', 'string', 'concatenation', 'variable_assignment', 'command_name', 'comment', 'declaration_command', 'unset_command']);
const POS_PARENTS = new Set(['command', 'command_name', 'declaration_command', 'variable_assignment']);

/**
 * Whether a node type is named, per type id, filled from the cursor as types are met (a type
 * id is named or anonymous for every node of the tree's language).
 */
const namedById = new Map<number, boolean>();

function copyTree(tree: Tree): SNode {
  const c = tree.walk();
  const types = tree.language.types;
  const make = (parent: SNode | null): SNode => {
    const id = c.nodeTypeId;
    const type = types[id] || 'ERROR';
    let named = namedById.get(id);
    if (named === undefined) namedById.set(id, (named = c.nodeIsNamed));
    const pos = !parent || POS_TYPES.has(type) || POS_PARENTS.has(parent.type);
    return {
      type, named, start: pos ? c.startIndex : -1, end: pos ? c.endIndex : -1,
      field: parent && FIELD_PARENTS.has(parent.type) ? c.currentFieldName : null, children: [], parent,
    };
  };
  try {
    const root = make(null);
    let parent: SNode | null = root;
    if (!c.gotoFirstChild()) return root;
    for (;;) {
      const n = make(parent);
      parent.children.push(n);
      if (c.gotoFirstChild()) { parent = n; continue; }
      while (!c.gotoNextSibling()) {
        if (!c.gotoParent()) return root;
        parent = parent.parent;
        if (!parent) return root;
      }
    }
  } finally {
    c.delete();
  }
}

const textOf = (n: SNode, text: string): string => text.slice(n.start, n.end);
const namedChildren = (n: SNode): SNode[] => n.children.filter((c) => c.named);

const SHAPE_TYPES = new Set(['comment', 'declaration_command', 'unset_command', 'variable_assignment', 'command_name']);

function shapeOf(root: SNode, text: string): ShellShape {
  const shape: ShellShape = { lists: 0, or: false, background: false, terminator: null, comment: false, stateful: false };
  // Every descendant, as tree-sitter's descendantsOfType finds them (it skips a node, and what
  // it holds, that ends at the very start of the text: only zero-width nodes, so checking the
  // nodes that have positions is enough), each with whether it sits inside a `( )`, `$( )` or
  // process substitution.
  const stack: { n: SNode; own: boolean }[] = root.end !== 0 ? [{ n: root, own: false }] : [];
  while (stack.length) {
    const { n, own } = stack.pop()!;
    const inner = own || OWN_SHELL.has(n.type);
    for (const d of n.children) {
      if (d.end === 0) continue;
      if (SHAPE_TYPES.has(d.type)) {
        if (d.type === 'comment') shape.comment = true;
        else if (!shape.stateful && !inner
          && !(d.type === 'variable_assignment' && n.type === 'command') // `A=1 cmd`: for cmd only
          && !(d.type === 'command_name' && !STATEFUL_BUILTINS.has(textOf(d, text)))) shape.stateful = true;
      }
      if (d.children.length) stack.push({ n: d, own: inner });
    }
  }
  const hasOr = (n: SNode): boolean => n.type === 'list' && n.children.some((c) => c.type === '||' || (c.type === 'list' && hasOr(c)));
  let last: string | null = null;
  for (const c of root.children) {
    if (c.type === 'comment') continue;
    if (c.named) {
      shape.lists++;
      if (hasOr(c)) shape.or = true;
      last = null;
    } else {
      if (c.type === '&') shape.background = true;
      last = c.type;
    }
  }
  shape.terminator = last === ';' || last === '&' ? last : null;
  return shape;
}

function parseInto(src: ShellSource, index: LineIndex, out: ShellCommand[], wrappers: string[], depth: number, decls: ShellDeclaration[], onRoot?: (root: SNode, hasError: boolean) => void): boolean {
  const tree = parser!.parse(src.text);
  if (!tree) return true;
  let root: SNode;
  let hasError: boolean;
  try {
    hasError = tree.rootNode.hasError;
    root = copyTree(tree);
  } finally {
    tree.delete();
  }
  const text = src.text;
  const rangeOf = (n: SNode): Range => {
    const s = src.map[Math.min(n.start, text.length - 1)] ?? 0;
    const e = n.end > n.start ? (src.map[n.end - 1] ?? s) + 1 : s;
    return index.range(s, e);
  };
  let lastOp: Connector = null;
  let seen = 0;
  let subshells = 0;
  const visit = (n: SNode, inSub: boolean): void => {
    if (!n.named) {
      const t = n.type;
      if (t === '&&' || t === '||' || t === ';' || t === '|' || t === '&' || t === '|&') lastOp = (t === '|&' ? '|' : t) as Connector;
      return;
    }
    if (n.type === 'command') {
      const words: { node: SNode; w: ShellWord }[] = [];
      const assigns: ShellWord[] = [];
      const kids = namedChildren(n);
      for (const c of kids) {
        if (c.type === 'variable_assignment') { assigns.push(toWord(c, text, rangeOf)); continue; }
        if (c.type === 'command_name' || c.field === 'argument') {
          const node = c.type === 'command_name' ? (c.children.find((x) => x.named) ?? c) : c;
          words.push({ node, w: toWord(node, text, rangeOf) });
        }
      }
      const connector: Connector = seen === 0 ? null : (lastOp ?? ';');
      seen++;
      lastOp = null;
      if (words.length > 0) emit(words, connector, inSub, rangeOf(n), assigns);
      // Substitutions inside arguments hold commands too.
      for (const c of kids) if (c.type !== 'command_name') visitSubs(c);
      return;
    }
    if (n.type === 'declaration_command') {
      const kw = n.children[0];
      const assignments: ShellWord[] = [];
      for (const c of n.children) if (c.named && c.type === 'variable_assignment') assignments.push(toWord(c, text, rangeOf));
      decls.push({ keyword: kw ? textOf(kw, text) : '', assignments, inSubstitution: inSub, range: rangeOf(n) });
    }
    const sub = inSub || n.type === 'command_substitution' || n.type === 'process_substitution';
    if (n.type === 'subshell') subshells++;
    for (const c of n.children) visit(c, sub);
    if (n.type === 'subshell') subshells--;
  };
  const visitSubs = (n: SNode): void => {
    if (n.type === 'command_substitution' || n.type === 'process_substitution') {
      const saved = [seen, lastOp] as const;
      seen = 0; lastOp = null;
      for (const c of n.children) visit(c, true);
      [seen, lastOp] = saved;
      return;
    }
    for (const c of n.children) if (c.named) visitSubs(c);
  };
  const emit = (words: { node: SNode; w: ShellWord }[], connector: Connector, inSub: boolean, range: Range, assigns: ShellWord[] = []): void => {
    let i = 0;
    const wr = [...wrappers];
    const wrWords: ShellWord[] = [];
    // Peel wrappers: sudo, env, xargs, nohup ...
    for (;;) {
      if (i >= words.length) return;
      const name = basename(words[i].w.value);
      if (SIMPLE_WRAPPERS.has(name) && i + 1 < words.length) { wr.push(name); wrWords.push(words[i].w); i++; continue; }
      const withArg = WRAPPERS_WITH_ARG[name];
      if (withArg && i + 1 < words.length) {
        let j = i + 1;
        while (j < words.length) {
          const v = words[j].w.value;
          if (v === '--') { j++; break; }
          if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) { assigns.push(words[j].w); j++; continue; }
          if (name === 'timeout' && j === i + 1 + countFlags(words, i + 1) && /^[0-9.]+[smhd]?$/.test(v)) { j++; break; }
          if (!v.startsWith('-') || v === '-') break;
          j += withArg.has(v) ? 2 : 1;
        }
        if (j >= words.length) break;
        wr.push(name); wrWords.push(words[i].w); i = j; continue;
      }
      break;
    }
    const argv = words.slice(i);
    const name = basename(argv[0].w.value);
    // sh -c "script": parse the script too.
    if (SHELLS.has(name) && depth < MAX_DEPTH) {
      const ci = argv.findIndex((a, k) => k > 0 && /^-[a-z]*c[a-z]*$/.test(a.w.value));
      if (ci > 0 && ci + 1 < argv.length) {
        out.push({ name, argv: argv.map((a) => a.w), wrappers: wr, connector, inSubstitution: inSub, inSubshell: subshells > 0, wrapperWords: wrWords, range, assignments: assigns });
        const body = argv[ci + 1];
        const inner = innerSource(body.node, src);
        parseInto(inner, index, out, [...wr, `${name} -c`], depth + 1, decls);
        return;
      }
    }
    out.push({ name, argv: argv.map((a) => a.w), wrappers: wr, connector, inSubstitution: inSub, inSubshell: subshells > 0, wrapperWords: wrWords, range, assignments: assigns });
  };
  visit(root, false);
  onRoot?.(root, hasError);
  return hasError;
}

function countFlags(words: { w: ShellWord }[], from: number): number {
  let k = 0;
  while (from + k < words.length && words[from + k].w.value.startsWith('-')) k++;
  return k;
}

function basename(v: string): string {
  const i = v.lastIndexOf('/');
  return i >= 0 ? v.slice(i + 1) : v;
}

/** The source of a quoted `sh -c` argument, mapped back to document offsets. */
function innerSource(node: SNode, src: ShellSource): ShellSource {
  const text = textOf(node, src.text);
  const quoted = (node.type === 'raw_string' || node.type === 'string') && text.length >= 2;
  const start = node.start + (quoted ? 1 : 0);
  const body = quoted ? text.slice(1, -1) : text;
  const map = new Int32Array(body.length);
  for (let k = 0; k < body.length; k++) map[k] = src.map[start + k] ?? 0;
  return { text: body, map };
}

function toWord(n: SNode, src: string, rangeOf: (n: SNode) => Range): ShellWord {
  const text = textOf(n, src);
  const v = staticValue(n, src);
  return { text, value: v ?? text, dynamic: v === null, range: rangeOf(n) };
}

/** The value of a word if it has no expansions, else null. */
function staticValue(n: SNode, src: string): string | null {
  switch (n.type) {
    case 'word':
    case 'number':
      return unescapeWord(textOf(n, src));
    case 'raw_string':
      return textOf(n, src).slice(1, -1);
    case 'variable_assignment': {
      const name = n.children.find((c) => c.field === 'name');
      const value = n.children.find((c) => c.field === 'value');
      if (!name) return null;
      if (!value) return `${textOf(name, src)}=`;
      const v = staticValue(value, src);
      return v === null ? null : `${textOf(name, src)}=${v}`;
    }
    case 'string': {
      for (const c of n.children) if (c.named && c.type !== 'string_content') return null;
      return textOf(n, src).slice(1, -1).replace(/\\([$`"\\\n])/g, '$1');
    }
    case 'concatenation': {
      let s = '';
      for (const c of n.children) {
        const v = staticValue(c, src);
        if (v === null) return null;
        s += v;
      }
      return s;
    }
    default:
      return null;
  }
}

function unescapeWord(t: string): string {
  let s = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && i + 1 < t.length) { s += t[++i]; continue; }
    s += t[i];
  }
  return s;
}

const GLOB = /[*?[\]{}~]/;
function staticArgv(cmd: SNode, src: string): string[] | null {
  const argv: string[] = [];
  for (const c of namedChildren(cmd)) {
    if (c.type === 'command_name') {
      const w = c.children.find((x) => x.named);
      if (!w) return null;
      const v = staticValue(w, src);
      if (v === null || (w.type === 'word' && GLOB.test(textOf(w, src)))) return null;
      argv.push(v);
    } else if (c.field === 'argument') {
      const v = staticValue(c, src);
      if (v === null || (c.type === 'word' && GLOB.test(textOf(c, src)))) return null;
      if (c.type === 'concatenation' && c.children.some((x) => x.type === 'word' && GLOB.test(textOf(x, src)))) return null;
      argv.push(v);
    } else {
      return null; // variable assignment, redirect, herestring ...
    }
  }
  return argv.length ? argv : null;
}
