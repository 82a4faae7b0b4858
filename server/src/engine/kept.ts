// A bounded map of kept results (parses reused between document versions), least recently
// used first: a hit moves an entry to the end, and past the bounds (entries, or characters
// of the keys, which hold the source text) the oldest go. Shared by the Dockerfile chunk
// parses (parse.ts) and the shell parses (shell.ts).
export class KeptMap<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;
  constructor(private readonly maxEntries: number, private readonly maxChars: number) {}

  get size(): number { return this.map.size; }

  /** The kept value (now the most recently used), or undefined. */
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) { this.map.delete(key); this.map.set(key, v); }
    return v;
  }

  /** Keep `value` (replacing what `key` held); drops the least recently used past the bounds. */
  set(key: string, value: V): void {
    if (this.map.has(key)) this.map.delete(key);
    else this.chars += key.length;
    this.map.set(key, value);
    while (this.map.size > this.maxEntries || this.chars > this.maxChars) this.dropOldest();
  }

  /** Drop entries from the least recently used end while `stale` says so. */
  dropWhile(stale: (value: V) => boolean): void {
    for (const [, v] of this.map) { if (!stale(v)) break; this.dropOldest(); }
  }

  clear(): void { this.map.clear(); this.chars = 0; }

  private dropOldest(): void {
    const oldest = this.map.keys().next().value as string;
    this.map.delete(oldest);
    this.chars -= oldest.length;
  }
}
