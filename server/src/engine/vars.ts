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

/** ARGs BuildKit defines for every build: usable in FROM without a declaration, in a stage after `ARG NAME`. */
export const PLATFORM_ARGS: ReadonlySet<string> = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
]);

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Optimal string alignment: insertions, deletions, substitutions and adjacent swaps cost 1.
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1);
      if (cur[j] < best) best = cur[j];
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate a misspelt variable name most likely meant: same name in another case, or
 * within a small edit distance (1 for short names, 2 from 6 characters on). Null when none or ambiguous.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const limit = name.length >= 6 ? 2 : 1;
  let best: string | null = null, bestD = limit + 1, tie = false;
  for (const c of candidates) {
    if (c === name) return null;
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, c, limit);
    if (d < bestD) { best = c; bestD = d; tie = false; } else if (d === bestD && c !== best) tie = true;
  }
  return bestD <= limit && !tie ? best : null;
}
