// Expands a VS Code snippet body the way the editor inserts it when the user accepts every
// default: `${1:default}` → default (nested placeholders expanded), `$1`/`${1}` → the default
// of tabstop 1 wherever it is given, `${1|a,b|}` → `a`, `$0` → '', `$VAR`/`${VAR}` → a sample
// value for the known variables (else the name, as VS Code does), `${VAR:default}` → the
// value or the default. Escapes: `\$`, `\}`, `\\` (and `\,`, `\|` inside choices).
// Transforms (`${1/re/fmt/}`) are rejected: the snippets do not use them.

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; n: number; body: Node[] | null; choice: string[] | null }
  | { kind: 'variable'; name: string; body: Node[] | null };

export const SAMPLE_VARIABLES: Record<string, string> = {
  TM_FILENAME: 'Dockerfile', TM_FILENAME_BASE: 'Dockerfile', TM_FILEPATH: '/work/app/Dockerfile',
  TM_DIRECTORY: '/work/app', TM_LINE_INDEX: '0', TM_LINE_NUMBER: '1', TM_SELECTED_TEXT: '', TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '', WORKSPACE_NAME: 'app', WORKSPACE_FOLDER: '/work/app', RELATIVE_FILEPATH: 'Dockerfile',
  CURRENT_YEAR: '2026', LINE_COMMENT: '#', BLOCK_COMMENT_START: '', BLOCK_COMMENT_END: '',
};

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  /** Nodes until `stop` (not consumed) or the end. */
  parse(stop: '}' | null): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => { if (text) out.push({ kind: 'text', value: text }); text = ''; };
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\' && this.i + 1 < this.s.length && '$}\\'.includes(this.s[this.i + 1])) {
        text += this.s[this.i + 1];
        this.i += 2;
      } else if (stop && c === stop) {
        break;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) { flush(); out.push(node); } else { text += '$'; this.i++; }
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return out;
  }

  /** A `$...` construct at this.i, or null (then `$` is literal text). */
  private dollar(): Node | null {
    const rest = this.s.slice(this.i + 1);
    let m = /^(\d+)/.exec(rest);
    if (m) { this.i += 1 + m[1].length; return { kind: 'tabstop', n: Number(m[1]), body: null, choice: null }; }
    m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) { this.i += 1 + m[1].length; return { kind: 'variable', name: m[1], body: null }; }
    if (rest[0] !== '{') return null;
    m = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([:|}/])/.exec(rest);
    if (!m) return null;
    const [head, id, sep] = m;
    this.i += 1 + head.length;
    const isTab = /^\d/.test(id);
    if (sep === '}') return isTab ? { kind: 'tabstop', n: Number(id), body: null, choice: null } : { kind: 'variable', name: id, body: null };
    if (sep === '/') throw new Error(`snippet transforms are not supported: \${${id}/...}`);
    if (sep === '|') {
      if (!isTab) throw new Error(`a choice needs a tabstop number, got ${id}`);
      const choice: string[] = [];
      let cur = '';
      for (;;) {
        if (this.i >= this.s.length) throw new Error('unterminated choice');
        const c = this.s[this.i];
        if (c === '\\' && ',|\\$}'.includes(this.s[this.i + 1] ?? '')) { cur += this.s[this.i + 1]; this.i += 2; continue; }
        if (c === ',') { choice.push(cur); cur = ''; this.i++; continue; }
        if (c === '|' && this.s[this.i + 1] === '}') { choice.push(cur); this.i += 2; break; }
        cur += c;
        this.i++;
      }
      return { kind: 'tabstop', n: Number(id), body: null, choice };
    }
    const body = this.parse('}');
    if (this.s[this.i] !== '}') throw new Error(`unterminated \${${id}:...`);
    this.i++;
    return isTab ? { kind: 'tabstop', n: Number(id), body, choice: null } : { kind: 'variable', name: id, body };
  }
}

/** The text VS Code inserts for `body` (lines joined with \n) when every default is kept. */
export function expandSnippet(body: string | string[], variables: Record<string, string> = SAMPLE_VARIABLES): string {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const parser = new Parser(src);
  const nodes = parser.parse(null);
  // Pass 1: the default of each tabstop is its first occurrence with a body or a choice.
  const defaults = new Map<number, Node[] | string>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (n.kind === 'tabstop') {
        if (!defaults.has(n.n)) { if (n.choice) defaults.set(n.n, n.choice[0] ?? ''); else if (n.body) defaults.set(n.n, n.body); }
        if (n.body) collect(n.body);
      } else if (n.kind === 'variable' && n.body) collect(n.body);
    }
  };
  collect(nodes);
  const render = (ns: Node[], depth: number): string => {
    if (depth > 20) throw new Error('snippet placeholders nest too deeply (a tabstop mirrors itself?)');
    let out = '';
    for (const n of ns) {
      if (n.kind === 'text') out += n.value;
      else if (n.kind === 'variable') {
        if (n.name in variables) out += variables[n.name];
        else out += n.body ? render(n.body, depth + 1) : n.name;
      } else if (n.n !== 0) {
        const d = defaults.get(n.n);
        out += d === undefined ? '' : typeof d === 'string' ? d : render(d, depth + 1);
      }
    }
    return out;
  };
  return render(nodes, 0);
}
