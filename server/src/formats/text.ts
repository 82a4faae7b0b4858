// Text output: one line per finding, `file:line:column: level code message` (1-based,
// columns in characters). Colour only when the caller says so (a TTY without NO_COLOR).
import type { RuleMeta } from '../../../shared/types';
import { levelOf, locate, type FileReport, type Level } from './common';

const ESC = '\x1b[';
const paint = (on: boolean, code: string, s: string) => (on ? `${ESC}${code}m${s}${ESC}0m` : s);
const LEVEL_COLOUR: Record<Level, string> = { error: '31', warning: '33', info: '36', style: '2' };

export interface TextOptions { color?: boolean }

export function formatText(reports: readonly FileReport[], opts: TextOptions = {}): string {
  const c = !!opts.color;
  let out = '';
  for (const l of locate(reports)) {
    out += `${paint(c, '1', `${l.file}:${l.line}:${l.column}:`)} ${paint(c, LEVEL_COLOUR[l.level], l.level)} ${paint(c, '2', l.finding.code)} ${l.finding.message}\n`;
  }
  return out;
}

/** The --list-rules table. */
export function formatRulesText(rules: readonly { meta: RuleMeta }[]): string {
  const head = ['CODE', 'NAME', 'LEVEL', 'DEFAULT', 'FIXABLE', 'CATEGORY', 'ALIASES'];
  const rows = rules.map(({ meta: m }) => [
    m.code, m.name, levelOf(m.severity), m.enabledByDefault ? 'on' : 'off', m.fixable, m.category, m.aliases.join(', '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((s, i) => (i === cells.length - 1 ? s : s.padEnd(widths[i]))).join('  ').trimEnd() + '\n';
  return line(head) + rows.map(line).join('');
}
