// What every CLI output format shares: hadolint's level names, the threshold order, and
// 1-based positions in characters (code points) as an editor shows them.
import type { Finding, Position, Severity } from '../../../shared/types';
import { LineIndex } from '../engine/text';

/** hadolint's level names; our `hint` is hadolint's `style`. */
export type Level = 'error' | 'warning' | 'info' | 'style';

export function levelOf(severity: Severity): Level {
  return severity === 'hint' ? 'style' : severity;
}

/** Rank for --failure-threshold: higher is more severe. */
export const LEVEL_RANK: Record<Level, number> = { style: 0, info: 1, warning: 2, error: 3 };

/** The findings of one linted input, with the text their ranges refer to. */
export interface FileReport {
  /** The path as the user gave it (or as found under a directory); `-` for stdin. */
  file: string;
  text: string;
  findings: Finding[];
}

/** A finding with 1-based line/column (columns in code points, end exclusive). */
export interface Located {
  file: string;
  finding: Finding;
  level: Level;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Convert a 0-based UTF-16 position to a 1-based line and column counted in characters
 * (Unicode code points), so an emoji or other astral character counts once.
 */
export function toDisplay(index: LineIndex, p: Position): { line: number; column: number } {
  if (p.line >= index.lineCount) return { line: p.line + 1, column: p.character + 1 };
  const lineText = index.lineText(p.line);
  const before = lineText.slice(0, Math.min(p.character, lineText.length));
  let chars = 0;
  for (const _ of before) chars++;
  // Positions past the line's end (rare) keep their extra UTF-16 units as characters.
  chars += Math.max(0, p.character - lineText.length);
  return { line: p.line + 1, column: chars + 1 };
}

export function locate(reports: readonly FileReport[]): Located[] {
  const out: Located[] = [];
  for (const r of reports) {
    const index = new LineIndex(r.text);
    for (const f of r.findings) {
      const s = toDisplay(index, f.range.start);
      const e = toDisplay(index, f.range.end);
      out.push({ file: r.file, finding: f, level: levelOf(f.severity), line: s.line, column: s.column, endLine: e.line, endColumn: e.column });
    }
  }
  return out;
}
