// Build-context facts for the rules (RuleContext.buildContext): the context folder, the ignore
// file Docker would use and the names at the top of the context. The only file-system access of
// the build-context rules happens here; the engine gets text and names.
//
// Which ignore file: Docker prefers `<Dockerfile name>.dockerignore` beside the Dockerfile
// (e.g. `web.Dockerfile.dockerignore`), then `.dockerignore` at the root of the context.
// Results are cached per (Dockerfile, context) and revalidated by modification times, so a
// lint on every keystroke costs three `stat` calls. Never throws: anything unreadable gives
// null facts (the rules stay silent) and one log line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuildContextFacts } from '../engine/rule';

/** Bigger ignore files are not read (no real one comes near it). */
export const MAX_IGNORE_BYTES = 1024 * 1024;
/** Top-level names kept (a context this wide is unusual; the sensitive names are kept anyway). */
export const MAX_TOP_LEVEL = 5000;
const KEEP_ALWAYS = new Set(['.git', '.env', 'node_modules']);

export interface BuildContextOptions {
  /** Entries kept (least recently used dropped first). Default 64. */
  maxEntries?: number;
  /** Where problems go (unreadable folder or ignore file); each message once per change. */
  log?: (message: string) => void;
  /** How the context folder is shown in messages (default: the absolute path). */
  display?: (absDir: string) => string;
}

interface Entry { stamp: string; facts: BuildContextFacts | null }

const mtime = (p: string): string => {
  try { const st = fs.statSync(p); return `${st.mtimeMs}:${st.size}:${st.isDirectory() ? 'd' : 'f'}`; } catch (e) {
    return `-${(e as NodeJS.ErrnoException).code ?? 'err'}`;
  }
};

const reason = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
};

/** The ignore files Docker would look at for this Dockerfile and context, most preferred first. */
export function ignoreFileCandidates(dockerfile: string, contextDir: string): string[] {
  return [path.join(path.dirname(dockerfile), `${path.basename(dockerfile)}.dockerignore`), path.join(contextDir, '.dockerignore')];
}

export class BuildContextCache {
  private readonly entries = new Map<string, Entry>();
  private readonly max: number;
  private readonly log: (m: string) => void;
  private readonly display: (d: string) => string;
  private readonly logged = new Set<string>();
  private readonly shared = new Map<string, BuildContextFacts>();
  private readonly listings = new Map<string, { stamp: string; names: string[] }>();

  constructor(opts: BuildContextOptions = {}) {
    this.max = Math.max(1, opts.maxEntries ?? 64);
    this.log = opts.log ?? (() => {});
    this.display = opts.display ?? ((d) => d);
  }

  /**
   * Facts for `dockerfile` (a file-system path) built with `contextDir` (default: the
   * Dockerfile's folder). Null when the context cannot be read.
   */
  factsFor(dockerfile: string, contextDir?: string): BuildContextFacts | null {
    try {
      const file = path.resolve(dockerfile);
      const dir = path.resolve(contextDir ?? path.dirname(file));
      const candidates = ignoreFileCandidates(file, dir);
      const key = `${file}\0${dir}`;
      const stamp = [dir, ...candidates].map(mtime).join('|');
      const hit = this.entries.get(key);
      if (hit && hit.stamp === stamp) {
        this.entries.delete(key);
        this.entries.set(key, hit);
        return hit.facts;
      }
      const facts = this.intern(this.gather(file, dir, candidates, stamp, contextDir !== undefined));
      this.entries.set(key, { stamp, facts });
      while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
      return facts;
    } catch (e) {
      this.warn(`build context of ${dockerfile}: ${reason(e)}`, 'x');
      return null;
    }
  }

  /** Forget everything (e.g. a watched .dockerignore changed). */
  clear(): void { this.entries.clear(); this.shared.clear(); this.listings.clear(); }

  /**
   * Equal facts as one object: the Dockerfiles of one folder share their context, and the
   * engine keeps what it derives from the facts (the parsed ignore file) per object.
   */
  private intern(facts: BuildContextFacts | null): BuildContextFacts | null {
    if (!facts) return null;
    const key = [facts.path, facts.dockerignorePath, facts.dockerignore ?? '\u0001', ...facts.topLevel].join('\u0000');
    const hit = this.shared.get(key);
    if (hit) return hit;
    if (this.shared.size >= this.max) this.shared.delete(this.shared.keys().next().value as string);
    this.shared.set(key, facts);
    return facts;
  }

  /** The sorted names in `dir`, listed once per modification of the folder. */
  private list(dir: string, stamp: string): string[] {
    const hit = this.listings.get(dir);
    if (hit && hit.stamp === stamp) return hit.names;
    const names = fs.readdirSync(dir).sort();
    if (this.listings.size >= this.max) this.listings.delete(this.listings.keys().next().value as string);
    this.listings.set(dir, { stamp, names });
    return names;
  }

  get size(): number { return this.entries.size; }

  private warn(message: string, stamp: string) {
    const k = `${message}\0${stamp}`;
    if (this.logged.has(k)) return;
    if (this.logged.size > 1000) this.logged.clear();
    this.logged.add(k);
    this.log(message);
  }

  private gather(file: string, dir: string, candidates: string[], stamp: string, explicit: boolean): BuildContextFacts | null {
    let names: string[];
    // A Dockerfile whose own folder is gone (an editor buffer of a deleted or virtual file): no facts, nothing to say.
    if (!explicit && stamp.startsWith('-ENOENT')) return null;
    try {
      const st = fs.statSync(dir);
      if (!st.isDirectory()) { this.warn(`build context ${dir} is not a directory; the .dockerignore rules are skipped for ${file}`, stamp); return null; }
      names = this.list(dir, `${st.mtimeMs}:${st.size}`);
    } catch (e) {
      this.warn(`cannot read the build context ${dir} (${reason(e)}); the .dockerignore rules are skipped for ${file}`, stamp);
      return null;
    }
    if (names.length > MAX_TOP_LEVEL) names = [...names.slice(0, MAX_TOP_LEVEL), ...names.slice(MAX_TOP_LEVEL).filter((n) => KEEP_ALWAYS.has(n) || n.startsWith('.env'))];
    let dockerignore: string | null = null;
    let dockerignorePath = candidates[candidates.length - 1];
    for (const c of candidates) {
      let st: fs.Stats;
      try { st = fs.statSync(c); } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
        this.warn(`cannot read ${c} (${reason(e)}); the .dockerignore rules are skipped for ${file}`, stamp);
        return null;
      }
      try {
        if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: st.isDirectory() ? 'EISDIR' : undefined });
        if (st.size > MAX_IGNORE_BYTES) throw new Error(`larger than ${MAX_IGNORE_BYTES / 1024} KiB`);
        dockerignore = fs.readFileSync(c, 'utf8');
        dockerignorePath = c;
        break;
      } catch (e) {
        this.warn(`cannot read ${c} (${reason(e)}); the .dockerignore rules are skipped for ${file}`, stamp);
        return null;
      }
    }
    return { path: this.display(dir), dockerignore, dockerignorePath, topLevel: names };
  }
}

/**
 * The context folder for a Dockerfile from the `layerwise.buildContext` setting: empty means
 * the Dockerfile's folder; an absolute path is used as it is; a relative one is taken from the
 * workspace folder holding the Dockerfile (or, outside any, from the Dockerfile's folder).
 * `${workspaceFolder}` and `${fileDirname}` are replaced first.
 */
export function contextDirFromSetting(setting: string, dockerfile: string, workspaceFolder: string | null): string {
  // `${workspaceFolder}` and `${fileDirname}` as VS Code users write them in other settings.
  const s = setting.trim()
    .replace(/\$\{workspaceFolder\}/g, workspaceFolder ?? path.dirname(dockerfile))
    .replace(/\$\{fileDirname\}/g, path.dirname(dockerfile));
  if (!s) return path.dirname(dockerfile);
  if (path.isAbsolute(s)) return path.normalize(s);
  return path.resolve(workspaceFolder ?? path.dirname(dockerfile), s);
}
