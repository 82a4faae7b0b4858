// JSON output: ONE array, hadolint's field names (file, line, column, level, code, message)
// plus endLine, endColumn, name, aliases, fixable and fixSafety. Positions are 1-based,
// columns in characters, the end exclusive.
import type { FixSafety, RuleMeta } from '../../../shared/types';
import { levelOf, locate, type FileReport, type Level } from './common';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: Level;
  code: string;
  name: string;
  aliases: string[];
  message: string;
  /** The finding carries at least one fix. */
  fixable: boolean;
  /** `safe` when --fix would apply a fix, `suggestion` when only a suggested fix exists. */
  fixSafety: FixSafety | null;
}

export function toJsonFindings(reports: readonly FileReport[]): JsonFinding[] {
  return locate(reports).map((l) => {
    const f = l.finding;
    const fixSafety: FixSafety | null = f.fixes.length === 0 ? null : f.fixes.some((x) => x.safety === 'safe') ? 'safe' : 'suggestion';
    return {
      file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn,
      level: l.level, code: f.code, name: f.name, aliases: [...f.aliases], message: f.message,
      fixable: f.fixes.length > 0, fixSafety,
    };
  });
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(toJsonFindings(reports)) + '\n';
}

export interface JsonRule {
  code: string;
  name: string;
  aliases: string[];
  level: Level;
  enabledByDefault: boolean;
  fixable: RuleMeta['fixable'];
  category: RuleMeta['category'];
}

export function formatRulesJson(rules: readonly { meta: RuleMeta }[]): string {
  const out: JsonRule[] = rules.map(({ meta: m }) => ({
    code: m.code, name: m.name, aliases: [...m.aliases], level: levelOf(m.severity),
    enabledByDefault: m.enabledByDefault, fixable: m.fixable, category: m.category,
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
