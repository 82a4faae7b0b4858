// SARIF 2.1.0 (OASIS), the format code-scanning services take (GitHub's upload-sarif, Azure
// DevOps, GitLab's SARIF import): one run, the tool's rules with their documentation links,
// and one result per finding with its region and, where Layerwise has them, its fixes.
// Columns are counted in Unicode code points, as in every Layerwise format, and the run says
// so (columnKind), since SARIF's default would be UTF-16 code units.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Range, RuleMeta, Severity } from '../../../shared/types';
import { LineIndex } from '../engine/text';
import { SHELLCHECK_WIKI, isShellcheckCode } from '../engine/shellcheck';
import { toDisplay, type FileReport } from './common';
import { repoPath } from './paths';

export interface SarifOptions {
  /** Every rule (the driver lists those the results refer to). */
  rules: readonly { meta: RuleMeta }[];
  version: string;
  /** The repository's web address: rule help links point at docs/rules/<CODE>.md there. */
  repoUrl?: string;
  /** Relative paths are resolved against this folder. */
  cwd: string;
  /** URIs are relative to this folder (the repository root); default `cwd`. */
  root?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';
export const SARIF_LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A path as a SARIF artifact URI: relative (percent-encoded segments) or a file: URI. */
export function artifactUri(file: string, cwd: string, root: string = cwd): string {
  if (file === '-') return 'stdin';
  const p = repoPath(file, cwd, root);
  if (path.isAbsolute(p) || /^[A-Za-z]:\//.test(p)) return pathToFileURL(p).href;
  return p.split('/').map(encodeURIComponent).join('/');
}

export function ruleHelpUri(code: string, repoUrl: string | undefined): string | undefined {
  return repoUrl ? `${repoUrl}/blob/main/docs/rules/${code}.md` : undefined;
}

const firstSentence = (s: string) => {
  const m = /^(.+?[.!?])(\s|$)/s.exec(s.trim());
  return (m ? m[1] : s.trim()).replace(/\s+/g, ' ');
};

function sarifRule(m: RuleMeta, repoUrl: string | undefined): Record<string, unknown> {
  const helpUri = ruleHelpUri(m.code, repoUrl);
  const fence = (s: string) => '```dockerfile\n' + s.replace(/\n$/, '') + '\n```';
  return {
    id: m.code,
    name: m.name,
    shortDescription: { text: firstSentence(m.docs.what) },
    fullDescription: { text: `${m.docs.what} ${m.docs.why}`.replace(/\s+/g, ' ').trim() },
    ...(helpUri ? { helpUri } : {}),
    help: {
      text: `${m.docs.what}\n\n${m.docs.why}\n\nFix: ${m.docs.fix}`,
      markdown: `${m.docs.what}\n\n${m.docs.why}\n\nBad:\n\n${fence(m.docs.bad)}\n\nGood:\n\n${fence(m.docs.good)}\n\n${m.docs.fix}`,
    },
    defaultConfiguration: { enabled: m.enabledByDefault, level: SARIF_LEVEL[m.severity] },
    properties: {
      tags: [m.category, ...m.aliases],
      ...(m.category === 'security' ? { 'security-severity': { error: '8.0', warning: '5.5', info: '3.0', hint: '1.0' }[m.severity] } : {}),
    },
  };
}

function shellcheckRule(code: string, severity: Severity): Record<string, unknown> {
  return {
    id: code,
    shortDescription: { text: `ShellCheck ${code}` },
    fullDescription: { text: `ShellCheck's check ${code} on the shell script of a RUN instruction; the ShellCheck wiki explains it.` },
    helpUri: `${SHELLCHECK_WIKI}${code}`,
    defaultConfiguration: { level: SARIF_LEVEL[severity] },
    properties: { tags: ['shellcheck'] },
  };
}

function region(index: LineIndex, r: Range) {
  const s = toDisplay(index, r.start);
  const e = toDisplay(index, r.end);
  return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

export function toSarif(reports: readonly FileReport[], opts: SarifOptions): Record<string, unknown> {
  const metas = new Map(opts.rules.map((r) => [r.meta.code, r.meta]));
  // ShellCheck's codes are not Layerwise rules: each gets a short entry linking to its wiki page.
  const shellcheck = new Map<string, Severity>();
  for (const r of reports) for (const f of r.findings) if (!metas.has(f.code) && isShellcheckCode(f.code) && !shellcheck.has(f.code)) shellcheck.set(f.code, f.severity);
  const used = [...new Set(reports.flatMap((r) => r.findings.map((f) => f.code)))].filter((c) => metas.has(c) || shellcheck.has(c)).sort();
  const ruleIndex = new Map(used.map((c, i) => [c, i]));
  const results: Record<string, unknown>[] = [];
  const artifacts: Record<string, unknown>[] = [];
  for (const rep of reports) {
    const uri = artifactUri(rep.file, opts.cwd, opts.root);
    const artifactIndex = artifacts.length;
    artifacts.push({ location: { uri } });
    const index = new LineIndex(rep.text);
    for (const f of rep.findings) {
      const location = { artifactLocation: { uri, index: artifactIndex }, region: region(index, f.range) };
      const fixes = f.fixes.filter((x) => x.edits.length > 0).map((x) => ({
        description: { text: x.safety === 'safe' ? x.title : `${x.title} (suggestion: review before applying)` },
        artifactChanges: [{
          artifactLocation: { uri, index: artifactIndex },
          replacements: x.edits.map((e) => ({ deletedRegion: region(index, e.range), insertedContent: { text: e.newText } })),
        }],
      }));
      results.push({
        ruleId: f.code,
        ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: location }],
        ...(fixes.length ? { fixes } : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Layerwise',
          version: opts.version,
          semanticVersion: opts.version,
          ...(opts.repoUrl ? { informationUri: opts.repoUrl } : {}),
          rules: used.map((c) => (metas.has(c) ? sarifRule(metas.get(c)!, opts.repoUrl) : shellcheckRule(c, shellcheck.get(c)!))),
        },
      },
      columnKind: 'unicodeCodePoints',
      artifacts,
      results,
    }],
  };
}

export function formatSarif(reports: readonly FileReport[], opts: SarifOptions): string {
  return JSON.stringify(toSarif(reports, opts), null, 2) + '\n';
}
