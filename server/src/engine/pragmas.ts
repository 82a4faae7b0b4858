// Suppression comments users already write:
//   # hadolint ignore=DL3008,DL3015      next instruction
//   # hadolint global ignore=DL3059      whole file
//   # check=skip=JSONArgsRecommended     BuildKit; as a parser directive it is file-wide,
//                                        as a comment directly above an instruction, local
//   # layerwise ignore=DL3008            next instruction (code, name or alias)
//   # layerwise global ignore=...        whole file
//   # hadolint shell=bash                declares the shell for RUN bodies
// A pragma applies to the next instruction when only comment lines stand between them.
import type { ParsedDockerfile } from './parse';
import type { Inst } from './model';
import type { LineIndex } from './text';
import type { Range } from '../../../shared/types';

/** Where an ignore pragma is written (for DL1001, which flags them). */
export interface PragmaComment {
  /** The comment from its `#` to the end of the line. */
  range: Range;
  kind: 'local' | 'global';
  tool: 'hadolint' | 'layerwise' | 'check';
  ids: string[];
}

export interface Pragmas {
  /** Lower-cased ids ignored in the whole file. */
  global: Set<string>;
  /** Lower-cased ids ignored per instruction index. */
  perInstruction: Map<number, Set<string>>;
  /** From `# hadolint shell=...`. */
  shell: string | null;
  /** Every ignore pragma comment, in source order (BuildKit's `# check=` parser directive is not one). */
  comments: PragmaComment[];
}

export function collectPragmas(ast: ParsedDockerfile, instructions: Inst[], lines: LineIndex): Pragmas {
  const p: Pragmas = { global: new Set(), perInstruction: new Map(), shell: null, comments: [] };
  // dockerfile-ast reads a first-line `# hadolint global ignore=...` as a parser directive,
  // so the directive lines are read as comments too.
  const comments = [
    ...ast.getDirectives().map((d) => ({ line: d.getRange().start.line, content: lines.lineText(d.getRange().start.line).replace(/^\s*#/, ''), directive: true })),
    ...ast.getComments().map((c) => ({ line: c.getRange().start.line, content: c.getContent(), directive: false })),
  ];
  if (!comments.length) return p;
  const commentLines = new Set(comments.map((c) => c.line));
  let next = 0;
  for (const c of comments) {
    const line = c.line;
    const parsed = parsePragma(c.content);
    if (!parsed) continue;
    if (parsed.kind === 'shell') { p.shell = parsed.ids[0] ?? null; continue; }
    if (!(parsed.tool === 'check' && c.directive)) {
      const text = lines.lineText(line);
      const hash = text.indexOf('#');
      const start = lines.starts[line] + Math.max(0, hash);
      p.comments.push({ range: lines.range(start, start + text.trimEnd().length - Math.max(0, hash)), kind: parsed.kind, tool: parsed.tool, ids: parsed.ids });
    }
    if (parsed.kind === 'global') { for (const id of parsed.ids) p.global.add(id); continue; }
    while (next < instructions.length && instructions[next].range.end.line < line) next++;
    const inst = instructions[next];
    if (!inst || inst.range.start.line <= line) continue; // inside an instruction
    let ok = true;
    for (let l = line + 1; l < inst.range.start.line; l++) if (!commentLines.has(l)) { ok = false; break; }
    if (!ok) continue;
    let set = p.perInstruction.get(inst.index);
    if (!set) p.perInstruction.set(inst.index, (set = new Set()));
    for (const id of parsed.ids) set.add(id);
  }
  return p;
}

export function parsePragma(content: string): { kind: 'local' | 'global' | 'shell'; ids: string[]; tool: 'hadolint' | 'layerwise' | 'check' } | null {
  const t = content.trim();
  const lower = t.toLowerCase();
  const list = (s: string) => s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  for (const tool of ['hadolint', 'layerwise'] as const) {
    if (!lower.startsWith(tool)) continue;
    const rest = t.slice(tool.length).trim();
    const m = /^(global\s+)?ignore\s*=\s*(.*)$/i.exec(rest);
    if (m) return { kind: m[1] ? 'global' : 'local', ids: list(m[2]), tool };
    const sh = /^shell\s*=\s*(\S+)/i.exec(rest);
    if (sh && tool === 'hadolint') return { kind: 'shell', ids: [sh[1]], tool };
    return null;
  }
  const ck = /^check\s*=\s*(.*)$/i.exec(t);
  if (ck) {
    for (const part of ck[1].split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim().toLowerCase() === 'skip') return { kind: 'local', ids: list(part.slice(eq + 1)), tool: 'check' };
    }
  }
  return null;
}
