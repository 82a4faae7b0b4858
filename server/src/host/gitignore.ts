// .gitignore rules for the CLI's folder walk: the repository root's file, every nested one,
// the ones in the folders between the root and where the walk starts, and .git/info/exclude,
// with git's precedence (a deeper file's rules, and later rules in a file, win; a path in an
// ignored folder stays ignored because the walk never enters that folder). Matching is done
// by the `ignore` package, which implements git's pattern syntax.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Layer { base: string; ig: Ignore }

/** The repository `dir` lies in: the nearest folder up from it holding `.git`, or undefined. */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The rules in force in one folder: its own .gitignore on top of its parent's. */
export class GitIgnore {
  private constructor(private readonly layers: readonly Layer[]) {}

  /**
   * Rules for a walk that starts at `dir`: those of the repository it lies in (up to the first
   * folder holding `.git`), or none outside a repository. When `dir` itself is ignored by
   * them (the user named an ignored folder), only the rules from `dir` downwards apply.
   */
  static forWalk(dir: string): GitIgnore {
    const start = path.resolve(dir);
    const chain: string[] = [];
    let root: string | undefined;
    for (let d = start; ; d = path.dirname(d)) {
      chain.unshift(d);
      if (fs.existsSync(path.join(d, '.git'))) { root = d; break; }
      if (path.dirname(d) === d) break;
    }
    if (!root) return new GitIgnore([]);
    let g = new GitIgnore([]);
    const exclude = readText(path.join(root, '.git', 'info', 'exclude'));
    if (exclude) g = new GitIgnore([{ base: root, ig: ignore().add(exclude) }]);
    for (const d of chain.slice(0, -1)) {
      g = g.enter(d);
    }
    if (g.ignores(start, true)) return new GitIgnore([]).enter(start);
    return g.enter(start);
  }

  /** The rules inside `dir` (adds its .gitignore, if any). */
  enter(dir: string): GitIgnore {
    const text = readText(path.join(dir, '.gitignore'));
    return text ? new GitIgnore([...this.layers, { base: dir, ig: ignore().add(text) }]) : this;
  }

  /** Whether git would ignore `p` (an absolute path; `isDir` for a folder). */
  ignores(p: string, isDir: boolean): boolean {
    let ignored = false;
    for (const { base, ig } of this.layers) {
      const rel = path.relative(base, p);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const r = ig.test(rel.split(path.sep).join('/') + (isDir ? '/' : ''));
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}

function readText(p: string): string | undefined {
  try {
    const st = fs.statSync(p);
    return st.isFile() && st.size < 4 * 1024 * 1024 ? fs.readFileSync(p, 'utf8') : undefined;
  } catch { return undefined; }
}
