// dockerfile-ast's parse of a document, in pieces that are kept between versions of it.
//
// While the user types, one line changes and the rest of the file keeps its text and its line
// numbers. dockerfile-ast parses a whole text at once (a 5,000-line file takes tens of
// milliseconds, on every keystroke); here the document is cut, at lines that start an
// instruction, into chunks of about CHUNK_LINES lines, each chunk is parsed on its own and the
// parse is kept, keyed by the chunk's text, its first line and the escape character. A
// keystroke then re-parses one chunk; an edit that adds or removes lines re-parses the chunks
// from there down (their line numbers changed).
//
// Correctness does not depend on where the cuts fall. A chunk is parsed with a sentinel line
// after it: if the sentinel comes out as an instruction of its own, the parser was between
// instructions at the end of the chunk, exactly as the whole-document parse is at that line
// (the same text parsed from the same state), so the next chunk starts where a whole parse
// would. If the sentinel was swallowed (a continuation or a heredoc runs on past the cut),
// the chunk is joined with the next one. The instructions carry their real positions: each
// chunk is parsed against a text document whose line numbers start at the chunk's first line
// (dockerfile-ast computes every position through its document's positionAt/offsetAt).
import { DockerfileParser, type Comment, type Instruction, type ParserDirective } from 'dockerfile-ast';
import type { LineIndex } from './text';
import { KeptMap } from './kept';

/** What the model reads of a parse: dockerfile-ast's Dockerfile API, for the whole document. */
export interface ParsedDockerfile {
  getInstructions(): Instruction[];
  getComments(): Comment[];
  getDirectives(): ParserDirective[];
  getEscapeCharacter(): string;
}

const CHUNK_LINES = 32;
/** Below this many lines a document is parsed whole (nothing worth keeping). */
const MIN_CHUNKED_LINES = 2 * CHUNK_LINES;
const SENTINEL = 'LWCHUNKEND';
/** Joins tried before the rest of the document is parsed as one chunk (bounds the work). */
const MAX_JOINS = 3;

interface Chunk { instructions: Instruction[]; comments: Comment[]; directives: ParserDirective[]; escape: string }
/** A kept parse: the chunk, or null when a continuation or heredoc runs on past its end. */
interface Kept { chunk: Chunk | null; used: number }

// Kept parses, least recently used first. A chunk not used by any of the last KEEP_PARSES
// parses is dropped (the chunks of versions the user typed past: after an Enter near the top
// of a 30,000-line file every chunk below is new, and keeping the old ones for long held
// hundreds of megabytes); the bounds cap the rest.
const MAX_CHUNK_CHARS = 4_000_000;
const chunkCache = new KeptMap<Kept>(3000, MAX_CHUNK_CHARS);
const KEEP_PARSES = 4;
let parses = 0;

/** Forget every kept parse (tests, benchmarks of the cold path). */
export function clearParseCache(): void { chunkCache.clear(); }

/** How many chunks are kept (tests). */
export function keptChunks(): number { return chunkCache.size; }

export function parseDockerfile(text: string, lines: LineIndex): ParsedDockerfile {
  const n = lines.lineCount;
  if (n < MIN_CHUNKED_LINES || !shiftingAvailable()) return DockerfileParser.parse(text);
  parses++;
  const instructions: Instruction[] = [];
  const comments: Comment[] = [];
  // The first chunk holds the directives; they give the escape character of the others.
  let escape = '\\';
  let directives: ParserDirective[] = [];
  let from = 0;
  while (from < n) {
    let to = nextCut(text, lines, from + CHUNK_LINES);
    let chunk: Chunk | null;
    for (let joins = 0; ; joins++) {
      if (joins >= MAX_JOINS) to = n; // stop cutting here: the rest in one piece
      chunk = parseChunk(text, lines, from, to, escape);
      if (chunk) break;
      to = nextCut(text, lines, to + CHUNK_LINES);
    }
    if (from === 0) { escape = chunk.escape; directives = chunk.directives; }
    for (const i of chunk.instructions) instructions.push(i);
    for (const c of chunk.comments) comments.push(c);
    from = to;
  }
  chunkCache.dropWhile((k) => k.used <= parses - KEEP_PARSES);
  return {
    getInstructions: () => instructions,
    getComments: () => comments,
    getDirectives: () => directives,
    getEscapeCharacter: () => escape,
  };
}

/**
 * The first line at or after `line` where a chunk may start: one beginning with a letter in
 * column 0 (an instruction keyword, if the parser is between instructions there; never a
 * comment, which could read as a parser directive at the top of a chunk). The line count if
 * there is none.
 */
function nextCut(text: string, lines: LineIndex, line: number): number {
  const n = lines.lineCount;
  for (let l = line; l < n; l++) {
    const c = text.charCodeAt(lines.starts[l]);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return l;
  }
  return n;
}

/**
 * dockerfile-ast's parse of lines [from, to) with the document's real line numbers, or null
 * when the parser is not between instructions at line `to` (a continuation or a heredoc runs
 * on). `escape` is the document's escape character (read from the first chunk).
 */
function parseChunk(text: string, lines: LineIndex, from: number, to: number, escape: string): Chunk | null {
  const last = to >= lines.lineCount;
  const body = text.slice(lines.starts[from], last ? text.length : lines.starts[to]);
  // Chunks below the top do not see the file's `# escape=` directive: they get their own line
  // above them (as the line before the chunk, so positions stay real).
  const prefix = from > 0 && escape !== '\\' ? `# escape=${escape}\n` : '';
  const shift = from - (prefix ? 1 : 0);
  // Not the last chunk: `body` ends with a line break, and the sentinel is line `to`.
  const source = prefix + body + (last ? '' : SENTINEL + '\n');
  const key = `${shift}\u0000${from === 0 ? '' : escape}\u0000${source}`;
  const hit = chunkCache.get(key);
  if (hit) { hit.used = parses; return hit.chunk; }
  const chunk = readChunk(source, shift, from, to, last, prefix !== '');
  // Kept either way: a cut a continuation runs past is not parsed again on the next keystroke.
  if (key.length <= MAX_CHUNK_CHARS / 8) chunkCache.set(key, { chunk, used: parses });
  return chunk;
}

function readChunk(source: string, shift: number, from: number, to: number, last: boolean, prefixed: boolean): Chunk | null {
  const df = parseShifted(source, shift);
  let instructions = df.getInstructions();
  if (!last) {
    const tail = instructions[instructions.length - 1];
    if (!tail || tail.getKeyword() !== SENTINEL || tail.getRange().start.line !== to) return null;
    instructions = instructions.slice(0, -1);
  }
  // Only what lies in the chunk's own lines (not the escape line above it).
  const comments = prefixed ? df.getComments().filter((c) => c.getRange().start.line >= from) : df.getComments();
  return { instructions, comments, directives: df.getDirectives(), escape: df.getEscapeCharacter() };
}

// ---------------------------------------------------------------------------------------
// dockerfile-ast makes its text document with vscode-languageserver-textdocument's
// TextDocument.create; for a chunk, that document is wrapped so its positions are shifted by
// the chunk's first line. The factory is swapped only for the synchronous parse call.

interface TextDoc { getText(range?: { start: Pos; end: Pos }): string; positionAt(offset: number): Pos; offsetAt(p: Pos): number }
interface Pos { line: number; character: number }
interface TextDocumentNs { create(uri: string, languageId: string, version: number, content: string): TextDoc }

// eslint-disable-next-line @typescript-eslint/no-require-imports
const textDocumentNs: TextDocumentNs | undefined = (() => { try { return require('vscode-languageserver-textdocument').TextDocument; } catch { return undefined; } })();
let shifting: boolean | null = null;

/** Whether a shifted parse gives what it should here (checked once, on a probe). */
function shiftingAvailable(): boolean {
  if (shifting === null) {
    try {
      const probe = parseShifted('RUN a \\\n  b\nCOPY x y\n', 7).getInstructions();
      shifting = probe.length === 2 && probe[0].getRange().start.line === 7 && probe[0].getRange().end.line === 8
        && probe[1].getRange().start.line === 9 && probe[1].getArguments()[1]?.getRange().start.character === 7;
    } catch { shifting = false; }
  }
  return shifting;
}

function parseShifted(source: string, shift: number): ReturnType<typeof DockerfileParser.parse> {
  if (!textDocumentNs) return DockerfileParser.parse(source);
  const create = textDocumentNs.create;
  textDocumentNs.create = (uri, lang, version, content) => shifted(create(uri, lang, version, content), shift);
  try { return DockerfileParser.parse(source); } finally { textDocumentNs.create = create; }
}

function shifted(inner: TextDoc, shift: number): TextDoc {
  const back = (p: Pos): Pos => ({ line: p.line - shift, character: p.character });
  return {
    getText: (range) => (range ? inner.getText({ start: back(range.start), end: back(range.end) }) : inner.getText()),
    positionAt: (offset) => { const p = inner.positionAt(offset); p.line += shift; return p; },
    offsetAt: (p) => inner.offsetAt(back(p)),
  };
}
