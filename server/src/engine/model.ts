// The document model: built once per document version from dockerfile-ast's parse and shared
// by every rule. Rules ask the model; they never re-split strings themselves.
import { Instruction, type Variable } from 'dockerfile-ast';
import { parseDockerfile, type ParsedDockerfile } from './parse';
import type { Range } from '../../../shared/types';
import { LineIndex, detectEol } from './text';
import { parseShellCached, type ShellScript, type ShellSource } from './shell';
import { expand, type Scope } from './vars';
import { parseImageRef, type ImageRef } from './image';
import { collectPragmas, type Pragmas } from './pragmas';

export interface Word { value: string; range: Range }
export interface InstFlag { name: string; value: string | null; range: Range; nameRange: Range; valueRange: Range | null }
export interface HeredocInfo { name: string; contentRange: Range | null; content: string }

export interface Inst {
  index: number;
  /** Upper-cased keyword (`RUN`). */
  keyword: string;
  node: Instruction;
  range: Range;
  keywordRange: Range;
  /** Arguments after the flags (dockerfile-ast's split, quotes kept). */
  args: Word[];
  flags: InstFlag[];
  stage: Stage | null;
  /** ARG/ENV values visible to this instruction (null: declared, value unknown). */
  scope: Scope;
  /**
   * RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK: exec (JSON array) or shell form. For HEALTHCHECK this
   * and the fields below describe the command after `CMD` (null for `HEALTHCHECK NONE`).
   */
  form: 'exec' | 'shell' | null;
  /** Exec form: the array's strings with their ranges. */
  json: Word[] | null;
  /** Range from the first argument after the flags to the end of the instruction. */
  bodyRange: Range | null;
  /** Shell form: the body as the shell sees it (continuations joined, comment lines dropped). */
  shellText: string | null;
  /** Shell form: the parsed commands (RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD). */
  shell: ShellScript | null;
  heredocs: HeredocInfo[];
}

export interface Stage {
  index: number;
  name: string | null;
  nameRange: Range | null;
  from: Inst;
  image: ImageRef;
  /** The earlier stage this one builds on (`FROM builder`), if any. */
  baseStage: Stage | null;
  instructions: Inst[];
  isFinal: boolean;
  /** Names set by ENV in this stage or inherited from its base stage. */
  envNames: Set<string>;
}

export interface Directives { syntax: string | null; escape: string; check: { skip: string[]; skipAll: boolean; error: boolean } }

export interface Model {
  text: string;
  lines: LineIndex;
  eol: string;
  escapeChar: string;
  ast: ParsedDockerfile;
  instructions: Inst[];
  stages: Stage[];
  /** ARGs declared before the first FROM, with defaults. */
  globalScope: Scope;
  directives: Directives;
  pragmas: Pragmas;
  /** The instruction whose lines contain `line`, if any. */
  instructionAt(line: number): Inst | null;
  /** A stage by name (case-insensitive) or index. */
  stageByRef(ref: string): Stage | null;
}

const SHELL_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK', 'ADD', 'COPY', 'VOLUME']);

export function buildModel(text: string): Model {
  const lines = new LineIndex(text);
  const ast = parseDockerfile(text, lines);
  const escapeChar = ast.getEscapeCharacter();
  const directives = readDirectives(ast);
  const instructions: Inst[] = [];
  const stages: Stage[] = [];
  let globalScope: Scope = new Map();
  let scope: Scope = globalScope;
  let stage: Stage | null = null;

  for (const node of ast.getInstructions()) {
    // What depends on the instruction alone is kept with dockerfile-ast's node, which the
    // parse keeps between versions of the document (engine/parse.ts) while its text and
    // position do not change.
    let own = nodeFacts.get(node);
    if (!own) {
      const keyword = node.getKeyword().toUpperCase();
      const range = node.getRange();
      const flagNodes = 'getFlags' in node && typeof (node as { getFlags?: unknown }).getFlags === 'function'
        ? (node as unknown as { getFlags(): import('dockerfile-ast').Flag[] }).getFlags() : [];
      const flags: InstFlag[] = flagNodes.map((f) => ({ name: f.getName(), value: f.getValue(), range: f.getRange(), nameRange: f.getNameRange(), valueRange: f.getValueRange() }));
      const args: Word[] = node.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() }));
      own = {
        index: -1, keyword, node, range, keywordRange: node.getInstructionRange(), args, flags,
        stage: null, scope: globalScope, form: null, json: null, bodyRange: null, shellText: null, shell: null, heredocs: [],
      };
      if (FORM_KEYWORDS.has(keyword)) {
        // dockerfile-ast can throw on strange input (see heredocsOf): the instruction then has
        // no form, and the rest of the document is still linted.
        try { analyseForm(own, text, lines, escapeChar); } catch {
          Object.assign(own, { args, form: null, json: null, bodyRange: null, shellText: null, shell: null, heredocs: [] });
        }
      }
      nodeFacts.set(node, own);
    }
    const { keyword, range, args, flags } = own;
    const inst: Inst = { ...own, index: instructions.length, stage: null, scope };

    if (keyword === 'FROM') {
      const imageArg = args[0];
      const asIdx = args.findIndex((a, i) => i > 0 && a.value.toUpperCase() === 'AS');
      const nameArg = asIdx > 0 ? args[asIdx + 1] : undefined;
      const raw = imageArg ? imageArg.value : '';
      const resolved = imageArg ? expand(raw, globalScope) : { value: '', unresolved: [] };
      const baseStage = resolved.value !== null ? stages.find((s) => s.name !== null && s.name === resolved.value!.toLowerCase()) ?? null : null;
      const platform = flags.find((f) => f.name === 'platform')?.value ?? null;
      const image = parseImageRef(raw, resolved.value, resolved.unresolved, imageArg ? imageArg.range : range, platform, lines);
      // A stage starts from its base stage's ENV (ARGs are not inherited).
      const inherited = new Map<string, string | null>();
      if (baseStage) for (const [k, v] of baseStage.instructions[baseStage.instructions.length - 1].scope) if (baseStage.envNames.has(k)) inherited.set(k, v);
      stage = {
        index: stages.length, name: nameArg ? nameArg.value.toLowerCase() : null, nameRange: nameArg ? nameArg.range : null,
        from: inst, image, baseStage, instructions: [], isFinal: false, envNames: new Set(baseStage?.envNames ?? []),
      };
      stages.push(stage);
      scope = inherited;
      inst.scope = scope;
    } else if (keyword === 'ARG') {
      const decls = joinQuotedWords(args, text, lines);
      if (stage === null) {
        globalScope = declare(globalScope, decls, globalScope, false);
        scope = globalScope;
      } else {
        scope = declare(scope, decls, globalScope, true);
      }
      inst.scope = scope;
    } else if (keyword === 'ENV') {
      const before = scope;
      const next = new Map(scope);
      for (const [k, v] of envPairs(node, before)) {
        next.set(k, v);
        if (stage) stage.envNames.add(k);
      }
      scope = next;
      inst.scope = scope;
    }
    inst.stage = stage;
    if (stage) stage.instructions.push(inst);

    instructions.push(inst);
  }
  if (stages.length) stages[stages.length - 1].isFinal = true;

  const starts = instructions.map((i) => i.range.start.line);
  let byName: Map<string, Stage> | null = null;
  const model: Model = {
    text, lines, eol: detectEol(text), escapeChar, ast, instructions, stages, globalScope, directives,
    pragmas: collectPragmas(ast, instructions, lines),
    instructionAt(line: number): Inst | null {
      let lo = 0, hi = starts.length - 1, found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= line) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      if (found < 0) return null;
      const i = instructions[found];
      return line <= i.range.end.line ? i : null;
    },
    stageByRef(ref: string): Stage | null {
      if (/^[0-9]+$/.test(ref)) return stages[Number(ref)] ?? null;
      if (!byName) {
        // The first stage of each name, as a scan from the top would find it; built once.
        byName = new Map();
        for (const s of stages) if (s.name !== null && !byName.has(s.name)) byName.set(s.name, s);
      }
      return byName.get(ref.toLowerCase()) ?? null;
    },
  };
  return model;
}

/**
 * dockerfile-ast re-tokenises an instruction's arguments on every getArguments/getFlags/
 * getProperties call, its own constructors and heredoc pass included (three to five times per
 * instruction while parsing), and the model asks several times more. The tokens depend only on
 * what the constructor sets, so they are kept per instance, once, on the prototype: a fresh
 * array each time (ModifiableInstruction.getArguments shifts the flags off it).
 */
function memoiseArguments(): void {
  const proto = Instruction.prototype as unknown as { getRawArguments(): unknown[]; __lwMemo?: true };
  if (proto.__lwMemo) return;
  const raw = proto.getRawArguments;
  const tokens = new WeakMap<object, unknown[]>();
  proto.getRawArguments = function (this: object): unknown[] {
    let t = tokens.get(this);
    if (!t) { t = raw.call(this); tokens.set(this, t); }
    return t.slice();
  };
  proto.__lwMemo = true;
}
memoiseArguments();

/**
 * dockerfile-ast splits `ARG OPTS="-y --no-install-recommends"` at the space; a word whose
 * quote is still open runs on to the word that closes it (the source text between them kept).
 */
function joinQuotedWords(words: Word[], text: string, lines: LineIndex): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const open = openQuote(w.value);
    if (!open) { out.push(w); continue; }
    let j = i + 1;
    while (j < words.length && !words[j].value.includes(open)) j++;
    if (j >= words.length) { out.push(w); continue; }
    const range = { start: w.range.start, end: words[j].range.end };
    out.push({ value: text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)), range });
    i = j;
  }
  return out;
}

/** The quote character left open at the end of `NAME=<value>` (unescaped), if any. */
function openQuote(word: string): string | null {
  const eq = word.indexOf('=');
  if (eq <= 0) return null;
  let q: string | null = null;
  for (let k = eq + 1; k < word.length; k++) {
    const c = word[k];
    if (c === '\\' && q !== "'") { k++; continue; }
    if (q === null && (c === '"' || c === "'")) q = c;
    else if (q !== null && c === q) q = null;
  }
  return q;
}

function declare(scope: Scope, args: Word[], globalScope: Scope, inStage: boolean): Scope {
  const next = new Map(scope);
  for (const a of args) {
    const eq = a.value.indexOf('=');
    if (eq > 0) {
      const name = a.value.slice(0, eq);
      next.set(name, expand(stripQuotes(a.value.slice(eq + 1)), scope).value);
    } else if (a.value.length) {
      // `ARG NAME` in a stage picks up the global default, if there is one.
      next.set(a.value, inStage && globalScope.has(a.value) ? globalScope.get(a.value)! : scope.get(a.value) ?? null);
    }
  }
  return next;
}

function envPairs(node: Instruction, scope: Scope): [string, string | null][] {
  const props = (node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
  return props.map((p) => [p.getName(), p.getValue() === null ? null : expand(p.getValue()!, scope).value]);
}

function stripQuotes(v: string): string {
  if (v.length >= 2 && ((v[0] === '"' && v[v.length - 1] === '"') || (v[0] === "'" && v[v.length - 1] === "'"))) return v.slice(1, -1);
  return v;
}

function readDirectives(ast: ParsedDockerfile): Directives {
  const d: Directives = { syntax: null, escape: ast.getEscapeCharacter(), check: { skip: [], skipAll: false, error: false } };
  for (const dir of ast.getDirectives()) {
    const name = dir.getName().toLowerCase();
    const value = dir.getValue();
    if (name === 'syntax') d.syntax = value;
    if (name === 'check') {
      for (const part of value.split(';')) {
        const eq = part.indexOf('=');
        if (eq < 0) continue;
        const k = part.slice(0, eq).trim().toLowerCase();
        const v = part.slice(eq + 1).trim();
        if (k === 'skip') {
          if (v.toLowerCase() === 'all') d.check.skipAll = true;
          else d.check.skip.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
        } else if (k === 'error') d.check.error = v.toLowerCase() === 'true';
      }
    }
  }
  return d;
}

/**
 * dockerfile-ast's heredocs of an instruction; none when it fails on the input (it throws on
 * `RUN \` + a next line starting with an escaped `\#`, found by the ShellCheck mapping fuzz).
 */
function heredocsOf(node: Instruction): import('dockerfile-ast').Heredoc[] {
  try { return (node as unknown as { getHeredocs(): import('dockerfile-ast').Heredoc[] }).getHeredocs(); } catch { return []; }
}

/** Decide exec vs shell form and, for shell form, parse the body with the shell parser. */
function analyseForm(inst: Inst, text: string, lines: LineIndex, escapeChar: string): void {
  let first = inst.args[0];
  // `HEALTHCHECK [options] CMD <command>`: the command is what has a form; `NONE` has none.
  if (inst.keyword === 'HEALTHCHECK') {
    if (!first || first.value.toUpperCase() !== 'CMD' || !inst.args[1]) { inst.form = null; return; }
    first = inst.args[1];
  }
  if (!first) { inst.form = null; return; }
  const startOff = lines.offsetAt(first.range.start);
  const endOff = lines.offsetAt(inst.range.end);
  inst.bodyRange = lines.range(startOff, endOff);
  const heredocNodes = (inst.keyword === 'RUN' || inst.keyword === 'COPY') && 'getHeredocs' in inst.node ? heredocsOf(inst.node) : [];
  inst.heredocs = heredocNodes.map((h) => {
    const cr = h.getContentRange();
    return { name: h.getName(), contentRange: cr, content: cr ? lines.textOf(cr) : '' };
  });
  // `COPY <<EOF /dst` + body: dockerfile-ast's arguments run on into the heredoc body and its
  // terminator; the instruction's own arguments are the ones before the first body.
  // The body starts on the line after the `<<NAME` marker (the content range is null when the
  // body is empty, so the marker's line is what counts).
  if (inst.keyword === 'COPY' && heredocNodes.length) {
    const marker = heredocNodes[0].getStartRange();
    const cut = marker.end.line + 1 < lines.lineCount ? lines.starts[marker.end.line + 1] : text.length;
    inst.args = inst.args.filter((a) => lines.offsetAt(a.range.start) < cut);
  }
  const joined = joinContinuations(text, startOff, endOff, escapeChar, inst.heredocs.length > 0);
  const trimmed = joined.text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const arr: unknown = JSON.parse(trimmed);
      if (Array.isArray(arr) && arr.every((x) => typeof x === 'string')) {
        inst.form = 'exec';
        const jsonStrings = (inst.node as unknown as { getJSONStrings?: () => { getValue(): string; getJSONValue?: () => string; getRange(): Range }[] }).getJSONStrings?.() ?? [];
        const tokens = jsonStrings.length === arr.length ? null : jsonStringRanges(joined, lines);
        inst.json = jsonStrings.length === arr.length
          ? jsonStrings.map((j, k) => ({ value: arr[k] as string, range: j.getRange() }))
          : (arr as string[]).map((v, k) => ({ value: v, range: tokens && tokens.length === arr.length ? tokens[k] : inst.bodyRange! }));
        return;
      }
    } catch { /* not JSON: shell form, as Docker does */ }
  }
  inst.form = 'shell';
  if (!SHELL_FORM_KEYWORDS.has(inst.keyword)) return;
  let src: ShellSource = joined;
  let form = `joined${escapeChar}${inst.heredocs.length > 0 ? 'h' : ''}`;
  // `RUN <<EOF` with nothing before the heredoc: the heredoc body is the script.
  const h = inst.heredocs[0];
  if (h && first.value.startsWith('<<') && h.contentRange) {
    const shebang = /^#!\s*(\S+)/.exec(h.content);
    if (shebang && !/(^|\/)(env\s+)?(ba|da|a|z|k)?sh$/.test(shebang[1])) { inst.shellText = h.content; return; }
    const s = lines.offsetAt(h.contentRange.start);
    const map = new Int32Array(h.content.length);
    for (let k = 0; k < map.length; k++) map[k] = s + k;
    src = { text: h.content, map };
    form = 'heredoc';
  }
  inst.shellText = src.text;
  inst.shell = parseShellCached(src, lines, form);
}

/** The ranges of the string tokens (quotes included) of a JSON array of strings, in order. */
function jsonStringRanges(src: ShellSource, lines: LineIndex): Range[] {
  const out: Range[] = [];
  const t = src.text;
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== '"') continue;
    let j = i + 1;
    while (j < t.length && t[j] !== '"') j += t[j] === '\\' ? 2 : 1;
    if (j >= t.length) break;
    out.push(lines.range(src.map[i], src.map[j] + 1));
    i = j;
  }
  return out;
}

/**
 * The instruction body as the shell receives it: escape-newline continuations removed, and
 * comment lines inside a continuation dropped (as BuildKit does). With heredocs, only the
 * first line is joined; heredoc bodies pass through unchanged.
 */
export function joinContinuations(text: string, start: number, end: number, esc: string, heredoc: boolean): ShellSource {
  const out: string[] = [];
  const map: number[] = [];
  let i = start;
  let joining = true;
  while (i < end) {
    const c = text[i];
    if (joining && c === esc) {
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j >= end || text[j] === '\n' || text[j] === '\r') {
        if (text[j] === '\r') j++;
        if (text[j] === '\n') j++;
        // Drop comment lines and empty lines that follow a continuation.
        for (;;) {
          let k = j;
          while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
          if (k < end && text[k] === '#') {
            while (k < end && text[k] !== '\n') k++;
            j = k < end ? k + 1 : k;
          } else if (k < end && (text[k] === '\n' || text[k] === '\r')) {
            if (text[k] === '\r') k++;
            j = k < end && text[k] === '\n' ? k + 1 : k;
          } else break;
        }
        i = j;
        continue;
      }
      // An escaped escape character stays as written for the shell.
      out.push(c);
      map.push(i);
      i++;
      if (i < end) { out.push(text[i]); map.push(i); i++; }
      continue;
    }
    if (heredoc && (c === '\n' || c === '\r')) joining = false;
    out.push(c);
    map.push(i);
    i++;
  }
  return { text: out.join(''), map };
}

/**
 * The `$VAR` / `${VAR...}` references in an instruction's arguments, as dockerfile-ast's
 * `getVariables()` finds them (same names, ranges, modifiers; LABEL values in single quotes
 * left out), without what makes that call slow: for every reference dockerfile-ast also
 * resolves the name and asks whether it is a build variable, each by walking the instructions
 * of the whole stage, which is quadratic on large files (a 30,000-line file spent seconds
 * there). Rules judge definitions against the model's scopes, so here both answers are
 * stubbed for the duration of the call: `isDefined()` and `isBuildVariable()` of the returned
 * variables mean nothing. Computed once per instruction.
 */
export function variableRefs(inst: Inst): Variable[] {
  let refs = variableMemo.get(inst.node);
  if (refs) return refs;
  // Most instructions have no `$` at all: no need to ask dockerfile-ast.
  const doc = (inst.node as unknown as { document: { getText(): string; offsetAt(p: Range['start']): number } }).document;
  const text = doc.getText();
  let dollar = false;
  for (let i = doc.offsetAt(inst.range.start), end = doc.offsetAt(inst.range.end); i < end && !dollar; i++) dollar = text.charCodeAt(i) === 36;
  if (!dollar) { variableMemo.set(inst.node, NO_REFS); return NO_REFS; }
  type Resolver = (...a: unknown[]) => unknown;
  const node = inst.node as unknown as { dockerfile: { resolveVariable: Resolver }; isBuildVariable: Resolver; getVariables(): Variable[] };
  const df = node.dockerfile;
  const resolve = df.resolveVariable;
  const build = node.isBuildVariable;
  // Stubs set as own properties and put back as own properties holding the original methods
  // (never `delete`d: that would turn these objects into slow dictionaries).
  df.resolveVariable = unresolved;
  node.isBuildVariable = notBuildVariable;
  try { refs = node.getVariables(); } finally {
    df.resolveVariable = resolve;
    node.isBuildVariable = build;
  }
  variableMemo.set(inst.node, refs);
  return refs;
}
const variableMemo = new WeakMap<Instruction, Variable[]>();
/** Per dockerfile-ast node: the model's facts about the instruction alone (see buildModel). */
const nodeFacts = new WeakMap<Instruction, Inst>();
const NO_REFS: Variable[] = [];
const unresolved = (): undefined => undefined;
const notBuildVariable = (): boolean => false;
