// CLI output formats. Each takes per-file reports and returns the whole output as a string.
export { levelOf, LEVEL_RANK, locate, toDisplay } from './common';
export type { Level, FileReport, Located } from './common';
export { formatText, formatRulesText } from './text';
export type { TextOptions } from './text';
export { formatJson, formatRulesJson, toJsonFindings } from './json';
export type { JsonFinding, JsonRule } from './json';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];
