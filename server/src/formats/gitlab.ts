// GitLab Code Quality report (a JSON array, the CodeClimate issue subset GitLab reads):
// description, check_name, fingerprint, severity, location.path and location.lines.begin.
// The fingerprint is what GitLab compares between the source and target branch of a merge
// request, so it must not change when unrelated lines move: it hashes the path, the rule
// code and the finding's line content (trimmed), plus a counter for identical repeats.
import { createHash } from 'node:crypto';
import { LineIndex } from '../engine/text';
import { locate, type FileReport, type Level } from './common';
import { repoPath } from './paths';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
/** style → info, info → minor, warning → major, error → critical (blocker is not used). */
export const GITLAB_SEVERITY: Record<Level, GitlabSeverity> = { style: 'info', info: 'minor', warning: 'major', error: 'critical' };

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

export function toGitlab(reports: readonly FileReport[], opts: { cwd: string; root?: string }): GitlabIssue[] {
  const indexes = new Map(reports.map((r) => [r.file, new LineIndex(r.text)]));
  const seen = new Map<string, number>();
  return locate(reports).map((l) => {
    const p = repoPath(l.file, opts.cwd, opts.root);
    const index = indexes.get(l.file)!;
    const content = l.line - 1 < index.lineCount ? index.lineText(l.line - 1).trim() : '';
    const key = JSON.stringify([p, l.finding.code, content]);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const fingerprint = createHash('sha256').update(n === 0 ? key : `${key}#${n}`).digest('hex');
    return {
      description: `${l.finding.code}: ${l.finding.message}`,
      check_name: l.finding.code,
      fingerprint,
      severity: GITLAB_SEVERITY[l.level],
      location: { path: p, lines: { begin: l.line, end: l.endLine } },
    };
  });
}

export function formatGitlab(reports: readonly FileReport[], opts: { cwd: string; root?: string }): string {
  return JSON.stringify(toGitlab(reports, opts), null, 2) + '\n';
}
