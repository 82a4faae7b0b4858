// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line
// per finding, which the runner turns into annotations on the commit and pull request.
// info and style become notices. Columns are given only for a one-line range, as GitHub
// ignores them otherwise. Escaping follows the runner: in the message %, CR and LF are
// percent-encoded; in property values also `:` and `,`.
import { locate, type FileReport, type Level } from './common';
import { repoPath } from './paths';

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' };

export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(reports: readonly FileReport[], opts: { cwd: string; root?: string }): string {
  let out = '';
  for (const l of locate(reports)) {
    const props: [string, string | number][] = [['file', repoPath(l.file, opts.cwd, opts.root)], ['line', l.line], ['endLine', l.endLine]];
    if (l.endLine === l.line) props.push(['col', l.column], ['endColumn', l.endColumn]);
    props.push(['title', l.finding.code]);
    const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
    out += `::${COMMAND[l.level]} ${p}::${escapeData(l.finding.message)}\n`;
  }
  return out;
}
