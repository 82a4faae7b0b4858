// A small, strict reader for the subset of YAML that hadolint configuration files use:
// block mappings, block sequences, flow sequences of scalars (`[a, b]`), the empty flow
// map `{}`, plain / 'single' / "double" quoted scalars, comments and a leading `---`.
// Anything else (anchors, aliases, tags, block scalars `|` `>`, several documents, tabs in
// indentation, sequences of mappings) is refused with a line number instead of guessed at.
//
// Why not a YAML library: the only YAML package in node_modules (js-yaml) is a transitive
// dependency of dev tooling, and the CLI bundle must not rely on it; hadolint's config
// shape is small enough that a strict reader with clear errors is the safer choice.
// Pure: text in, value out. Regular expressions here are linear (no nested quantifiers).

export type YamlValue = string | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export class YamlSubsetError extends Error {
  constructor(readonly line: number, message: string) { super(`line ${line}: ${message}`); }
}

interface Line { no: number; indent: number; text: string }

/** Strips a trailing comment (a `#` at the start or after whitespace, outside quotes). */
function stripComment(s: string, no: number): string {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') { i++; continue; }
      if (c === quote) {
        if (quote === "'" && s[i + 1] === "'") { i++; continue; }
        quote = null;
      }
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[,:{-]/.test(s[i - 1]))) { quote = c; continue; }
    if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i).trimEnd();
  }
  if (quote) throw new YamlSubsetError(no, `unterminated ${quote === '"' ? 'double' : 'single'}-quoted string`);
  return s.trimEnd();
}

function toLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let started = false;
  raw.forEach((l, i) => {
    const no = i + 1;
    const ws = /^[ \t]*/.exec(l)![0];
    const body = stripComment(l.slice(ws.length), no);
    if (body === '') return;
    if (ws.includes('\t')) throw new YamlSubsetError(no, 'tab in indentation (YAML indents with spaces)');
    if (ws.length === 0 && (body === '---' || body.startsWith('--- '))) {
      if (started || out.length) throw new YamlSubsetError(no, 'several YAML documents in one file are not supported');
      started = true;
      if (body !== '---') throw new YamlSubsetError(no, 'content after "---" is not supported');
      return;
    }
    if (ws.length === 0 && body === '...') return;
    out.push({ no, indent: ws.length, text: body });
  });
  return out;
}

function unsupported(s: string, no: number): void {
  const c = s[0];
  if (c === '&') throw new YamlSubsetError(no, 'anchors (&) are not supported');
  if (c === '*') throw new YamlSubsetError(no, 'aliases (*) are not supported');
  if (c === '!') throw new YamlSubsetError(no, 'tags (!) are not supported');
  if (c === '|' || c === '>') throw new YamlSubsetError(no, 'block scalars (| and >) are not supported');
  if (c === '@' || c === '`') throw new YamlSubsetError(no, `a plain value cannot start with ${c}`);
}

function parseQuoted(s: string, no: number): { value: string; rest: string } {
  const q = s[0];
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (q === "'") {
      if (c === "'") {
        if (s[i + 1] === "'") { out += "'"; i++; continue; }
        return { value: out, rest: s.slice(i + 1) };
      }
      out += c;
      continue;
    }
    if (c === '"') return { value: out, rest: s.slice(i + 1) };
    if (c === '\\') {
      const e = s[++i];
      const map: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', r: '\r', '0': '\0', ' ': ' ' };
      if (e === undefined || !(e in map)) throw new YamlSubsetError(no, `unsupported escape \\${e ?? ''} in a double-quoted string`);
      out += map[e];
      continue;
    }
    out += c;
  }
  throw new YamlSubsetError(no, 'unterminated quoted string');
}

function plainScalar(s: string): YamlValue {
  if (/^(true|True|TRUE)$/.test(s)) return true;
  if (/^(false|False|FALSE)$/.test(s)) return false;
  if (/^(null|Null|NULL|~)$/.test(s)) return null;
  return s;
}

/** A scalar or flow collection written on one line after `key:` or `- `. */
function parseInline(s: string, no: number): YamlValue {
  if (s === '{}') return {};
  if (s.startsWith('{')) throw new YamlSubsetError(no, 'flow mappings ({...}) are not supported, except the empty {}');
  if (s.startsWith('[')) {
    if (!s.endsWith(']')) throw new YamlSubsetError(no, 'a flow sequence must end with ] on the same line');
    const inner = s.slice(1, -1).trim();
    if (inner === '') return [];
    const items: YamlValue[] = [];
    let rest = inner;
    for (;;) {
      rest = rest.trimStart();
      let item: YamlValue;
      if (rest[0] === '"' || rest[0] === "'") {
        const q = parseQuoted(rest, no);
        item = q.value;
        rest = q.rest.trimStart();
      } else {
        const comma = rest.indexOf(',');
        const tok = (comma < 0 ? rest : rest.slice(0, comma)).trim();
        if (tok === '') throw new YamlSubsetError(no, 'empty item in a flow sequence');
        if (/[[\]{}]/.test(tok)) throw new YamlSubsetError(no, 'nested flow collections are not supported');
        unsupported(tok, no);
        item = plainScalar(tok);
        rest = comma < 0 ? '' : rest.slice(comma);
      }
      items.push(item);
      if (rest === '') break;
      if (rest[0] !== ',') throw new YamlSubsetError(no, `expected , or ] in a flow sequence, found '${rest[0]}'`);
      rest = rest.slice(1);
      if (rest.trim() === '') break; // trailing comma
    }
    return items;
  }
  if (s[0] === '"' || s[0] === "'") {
    const q = parseQuoted(s, no);
    if (q.rest.trim() !== '') throw new YamlSubsetError(no, 'unexpected text after a quoted string');
    return q.value;
  }
  unsupported(s, no);
  if (s.startsWith('- ') || s === '-') throw new YamlSubsetError(no, 'a sequence cannot start on the same line as its key');
  if (/:(\s|$)/.test(s)) throw new YamlSubsetError(no, 'a mapping cannot start on the same line as its key');
  return plainScalar(s);
}

/** `key: rest` → key and rest, or null when the line is not a mapping entry. */
function splitKey(text: string, no: number): { key: string; rest: string } | null {
  if (text[0] === '"' || text[0] === "'") {
    const q = parseQuoted(text, no);
    const m = /^\s*:(?:\s+|$)/.exec(q.rest);
    if (!m) return null;
    return { key: q.value, rest: q.rest.slice(m[0].length).trim() };
  }
  const m = /:(?:\s|$)/.exec(text);
  if (!m) return null;
  const key = text.slice(0, m.index).trim();
  if (key === '' || key.startsWith('- ')) return null;
  if (key === '?' || key.startsWith('? ')) throw new YamlSubsetError(no, 'complex keys (?) are not supported');
  unsupported(key, no);
  return { key, rest: text.slice(m.index + 1).trim() };
}

const isSeqItem = (t: string) => t === '-' || t.startsWith('- ');

export function parseYamlSubset(text: string): YamlValue {
  const lines = toLines(text);
  let pos = 0;

  function node(indent: number): YamlValue {
    const l = lines[pos];
    if (isSeqItem(l.text)) return seq(l.indent);
    if (splitKey(l.text, l.no)) return map(l.indent);
    if (pos === 0 && lines.length === 1) { pos++; return parseInline(l.text, l.no); }
    throw new YamlSubsetError(l.no, indent < 0 ? 'expected a mapping of keys to values' : 'expected a mapping entry (key: value) or a list item (- value)');
  }

  function valueAfterKey(parentIndent: number, rest: string, no: number, inSeq: boolean): YamlValue {
    if (rest !== '') return parseInline(rest, no);
    const next = lines[pos];
    if (!next) return null;
    if (next.indent > parentIndent) return node(parentIndent);
    // YAML lets a key's list sit at the key's own indentation.
    if (!inSeq && next.indent === parentIndent && isSeqItem(next.text)) return seq(parentIndent);
    return null;
  }

  function map(indent: number): YamlValue {
    const out: { [key: string]: YamlValue } = {};
    while (pos < lines.length && lines[pos].indent === indent) {
      const l = lines[pos];
      if (isSeqItem(l.text)) break; // a sibling list at the same indent ends this mapping
      const kv = splitKey(l.text, l.no);
      if (!kv) throw new YamlSubsetError(l.no, 'expected "key: value"');
      if (Object.prototype.hasOwnProperty.call(out, kv.key)) throw new YamlSubsetError(l.no, `duplicate key '${kv.key}'`);
      pos++;
      Object.defineProperty(out, kv.key, { value: valueAfterKey(indent, kv.rest, l.no, false), enumerable: true, writable: true, configurable: true });
    }
    if (pos < lines.length && lines[pos].indent > indent) throw new YamlSubsetError(lines[pos].no, 'unexpected indentation');
    return out;
  }

  function seq(indent: number): YamlValue {
    const out: YamlValue[] = [];
    while (pos < lines.length && lines[pos].indent === indent && isSeqItem(lines[pos].text)) {
      const l = lines[pos];
      const rest = l.text.slice(1).trim();
      pos++;
      if (rest === '') {
        const next = lines[pos];
        out.push(next && next.indent > indent ? node(indent) : null);
        continue;
      }
      if (isSeqItem(rest) || (rest[0] !== '"' && rest[0] !== "'" && rest[0] !== '[' && /:(\s|$)/.test(rest))) {
        throw new YamlSubsetError(l.no, 'list items that are mappings or lists are not supported here; write one value per item');
      }
      out.push(parseInline(rest, l.no));
    }
    if (pos < lines.length && lines[pos].indent > indent) throw new YamlSubsetError(lines[pos].no, 'unexpected indentation');
    return out;
  }

  if (lines.length === 0) return null;
  const v = node(-1);
  if (pos < lines.length) throw new YamlSubsetError(lines[pos].no, 'unexpected indentation or content after the end of the document');
  return v;
}
