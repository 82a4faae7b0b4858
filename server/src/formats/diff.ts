// Unified diff (the `diff -u` / `git diff` shape) of two texts, for `--fix-dry-run`.
// Line diff by Myers' O((N+M)·D) algorithm; lines keep their own end-of-line characters so
// a CRLF file diffs as CRLF and a missing final newline is reported the way diff does.

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { out.push(text.slice(start, i + 1)); start = i + 1; }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Shortest edit script between two line arrays (Myers, with a trace to walk back). */
function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      next[offset + k] = x;
      if (x >= n && y >= m) { done = true; break; }
    }
    v = next;
  }
  trace.push(v.slice());
  // Walk back from (n, m).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = (k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1])) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { ops.push({ kind: ' ', line: a[x - 1] }); x--; y--; }
    if (d === 0) break;
    if (x === prevX) { ops.push({ kind: '+', line: b[y - 1] }); y--; } else { ops.push({ kind: '-', line: a[x - 1] }); x--; }
  }
  while (x > 0 && y > 0) { ops.push({ kind: ' ', line: a[x - 1] }); x--; y--; }
  return ops.reverse();
}

/**
 * `--- a/<name>` / `+++ b/<name>` and hunks with `context` lines around each change.
 * Empty when the texts are equal.
 */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = myers(a, b);
  const out: string[] = [`--- a/${name}\n`, `+++ b/${name}\n`];
  // Index of every changed op; group into hunks whose gaps are ≤ 2·context.
  const changed: number[] = [];
  ops.forEach((o, i) => { if (o.kind !== ' ') changed.push(i); });
  let i = 0;
  while (i < changed.length) {
    let j = i;
    while (j + 1 < changed.length && changed[j + 1] - changed[j] <= 2 * context + 1) j++;
    const from = Math.max(0, changed[i] - context);
    const to = Math.min(ops.length - 1, changed[j] + context);
    // Line numbers at `from`.
    let aLine = 1;
    let bLine = 1;
    for (let k = 0; k < from; k++) { if (ops[k].kind !== '+') aLine++; if (ops[k].kind !== '-') bLine++; }
    let aCount = 0;
    let bCount = 0;
    const body: string[] = [];
    for (let k = from; k <= to; k++) {
      const o = ops[k];
      if (o.kind !== '+') aCount++;
      if (o.kind !== '-') bCount++;
      const text = o.line.endsWith('\n') ? o.line : `${o.line}\n\\ No newline at end of file\n`;
      body.push(o.kind + text);
    }
    const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);
    out.push(`@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@\n`, ...body);
    i = j + 1;
  }
  return out.join('');
}
