// CLI output formats. Each takes per-file reports and returns the whole output as a string.
import type { RuleMeta } from '../../../shared/types';
import type { FileReport } from './common';
import { formatText } from './text';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatCheckstyle } from './checkstyle';
import { formatGitlab } from './gitlab';
import { formatGithub } from './github';

export { levelOf, LEVEL_RANK, locate, toDisplay } from './common';
export type { Level, FileReport, Located } from './common';
export { formatText, formatRulesText } from './text';
export type { TextOptions } from './text';
export { formatJson, formatRulesJson, toJsonFindings } from './json';
export type { JsonFinding, JsonRule } from './json';
export { formatSarif, toSarif, artifactUri, ruleHelpUri, SARIF_LEVEL } from './sarif';
export { formatCheckstyle, xmlAttr } from './checkstyle';
export { formatGitlab, toGitlab, GITLAB_SEVERITY } from './gitlab';
export type { GitlabIssue } from './gitlab';
export { formatGithub, escapeData, escapeProperty } from './github';
export { repoPath, repoWebUrl } from './paths';

export const FORMATS = ['text', 'json', 'sarif', 'checkstyle', 'gitlab', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** A format name as given (any case; hadolint's `tty` and `gitlab_codeclimate` accepted), or undefined. */
export function parseFormat(name: string): Format | undefined {
  const v = name.trim().toLowerCase();
  const f = v === 'tty' ? 'text' : v === 'gitlab_codeclimate' ? 'gitlab' : v;
  return (FORMATS as readonly string[]).includes(f) ? (f as Format) : undefined;
}

export interface RenderContext {
  color: boolean;
  rules: readonly { meta: RuleMeta }[];
  version: string;
  repoUrl?: string;
  /** The folder relative input paths are relative to (the working folder). */
  cwd: string;
  /** The folder CI formats make paths relative to: the repository root; default `cwd`. */
  root?: string;
}

/** The whole report in `format`. */
export function render(format: Format, reports: readonly FileReport[], ctx: RenderContext): string {
  switch (format) {
    case 'text': return formatText(reports, { color: ctx.color });
    case 'json': return formatJson(reports);
    case 'sarif': return formatSarif(reports, ctx);
    case 'checkstyle': return formatCheckstyle(reports);
    case 'gitlab': return formatGitlab(reports, ctx);
    case 'github': return formatGithub(reports, ctx);
  }
}
