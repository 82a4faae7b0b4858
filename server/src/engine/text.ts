// Offsets, positions and text edits over a plain string. No LSP or file-system types.
import type { Position, Range, TextEdit } from '../../../shared/types';

export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.starts = starts;
  }
  get lineCount(): number { return this.starts.length; }
  offsetAt(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    if (p.line < 0) return 0;
    const end = this.lineEnd(p.line);
    return Math.min(this.starts[p.line] + Math.max(0, p.character), end);
  }
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 < this.starts.length) {
      let e = this.starts[line + 1] - 1;
      if (this.text.charCodeAt(e) === 10 && this.text.charCodeAt(e - 1) === 13) e--;
      return e;
    }
    return this.text.length;
  }
  lineText(line: number): string { return this.text.slice(this.starts[line], this.lineEnd(line)); }
  range(start: number, end: number): Range { return { start: this.positionAt(start), end: this.positionAt(end) }; }
  textOf(r: Range): string { return this.text.slice(this.offsetAt(r.start), this.offsetAt(r.end)); }
}

/** The line break the text uses most (CRLF or LF), so fixes keep the user's line endings. */
export function detectEol(text: string): string {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Apply non-overlapping edits. Throws on overlap: callers choose which edits to keep. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const idx = new LineIndex(text);
  const abs = edits
    .map((e, i) => ({ s: idx.offsetAt(e.range.start), e: idx.offsetAt(e.range.end), t: e.newText, i }))
    .sort((a, b) => a.s - b.s || a.e - b.e || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const e of abs) {
    if (e.s < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.s) + e.t;
    pos = e.e;
  }
  return out + text.slice(pos);
}

export function editsOverlap(a: TextEdit[], b: TextEdit[]): boolean {
  for (const x of a) for (const y of b) {
    // Two insertions at one point also conflict (order would be ambiguous).
    if (comparePos(x.range.start, y.range.end) < 0 && comparePos(y.range.start, x.range.end) < 0) return true;
    if (comparePos(x.range.start, y.range.start) === 0) return true;
  }
  return false;
}
