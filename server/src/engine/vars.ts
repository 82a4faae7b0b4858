// ARG/ENV scopes and Dockerfile variable substitution ($VAR, ${VAR}, ${VAR:-x}, ${VAR:+x}).
// A linear scanner, no regular expressions.

/** Variables visible at a point: value, or null when declared without a known value. */
export type Scope = ReadonlyMap<string, string | null>;

export interface Expansion {
  /** The expanded text, or null when a variable it needs has no known value. */
  value: string | null;
  /** Names that could not be resolved. */
  unresolved: string[];
}

const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNameChar = (c: string) => isNameStart(c) || (c >= '0' && c <= '9');

export function expand(s: string, scope: Scope, escapeChar = '\\'): Expansion {
  if (s.indexOf('$') < 0) return { value: s, unresolved: [] };
  let out = '';
  const unresolved: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === escapeChar && s[i + 1] === '$') { out += '$'; i += 2; continue; }
    if (c !== '$') { out += c; i++; continue; }
    if (s[i + 1] === '{') {
      const close = s.indexOf('}', i + 2);
      if (close < 0) { out += s.slice(i); break; }
      const inner = s.slice(i + 2, close);
      let n = 0;
      while (n < inner.length && isNameChar(inner[n])) n++;
      const name = inner.slice(0, n);
      const rest = inner.slice(n);
      const v = scope.get(name);
      const known = v !== undefined && v !== null;
      if (rest.startsWith(':-') || rest.startsWith('-')) {
        const word = rest.slice(rest[0] === ':' ? 2 : 1);
        if (known && !(rest[0] === ':' && v === '')) out += v;
        else if (v === null) unresolved.push(name);
        else out += expand(word, scope, escapeChar).value ?? '';
      } else if (rest.startsWith(':+') || rest.startsWith('+')) {
        const word = rest.slice(rest[0] === ':' ? 2 : 1);
        if (v === null) unresolved.push(name);
        else if (known && !(rest[0] === ':' && v === '')) out += expand(word, scope, escapeChar).value ?? '';
      } else if (known) out += v;
      else unresolved.push(name);
      i = close + 1;
      continue;
    }
    if (i + 1 < s.length && isNameStart(s[i + 1])) {
      let j = i + 1;
      while (j < s.length && isNameChar(s[j])) j++;
      const name = s.slice(i + 1, j);
      const v = scope.get(name);
      if (v !== undefined && v !== null) out += v; else unresolved.push(name);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return { value: unresolved.length ? null : out, unresolved };
}
