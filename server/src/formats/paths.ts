// How CI consumers want a file named: relative to the repository checkout (the CLI passes
// the repository root as `cwd`), with forward slashes. Used by the sarif, gitlab and github
// formats.
import * as path from 'node:path';

/**
 * `file` (relative to `cwd`, or absolute) as a forward-slash path relative to `root` when it
 * lies under it; a path outside `root` stays absolute (forward slashes too); `-` (stdin)
 * stays `-`.
 */
export function repoPath(file: string, cwd: string, root: string = cwd): string {
  if (file === '-') return '-';
  const abs = path.resolve(cwd, file);
  const rel = path.relative(root, abs);
  const out = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return out.split(path.sep).join('/');
}

/** The repository's web address from package.json's `repository` (git+, .git and ssh forms accepted). */
export function repoWebUrl(repository: string | { url?: string } | undefined): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return undefined;
  let u = raw.trim().replace(/^git\+/, '').replace(/\.git$/, '');
  const ssh = /^git@([^:]+):(.+)$/.exec(u);
  if (ssh) u = `https://${ssh[1]}/${ssh[2]}`;
  if (/^github:/.test(u)) u = `https://github.com/${u.slice(7)}`;
  if (/^[\w.-]+\/[\w.-]+$/.test(u)) u = `https://github.com/${u}`;
  return /^https?:\/\//.test(u) ? u.replace(/\/+$/, '') : undefined;
}
