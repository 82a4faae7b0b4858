// The engine's public surface for the front ends (server, CLI) and tests.
export { lint, lintModel, fixAll, findRule, effectiveSeverities, unknownRuleIds } from './engine';
export type { LintResult, RuleError, FixAllResult } from './engine';
export { buildModel } from './model';
export type { Model, Inst, Stage, Word, InstFlag } from './model';
export { applyEdits, LineIndex, detectEol } from './text';
export { initShellParser, shellParserReady, clearShellCache } from './shell';
export { clearParseCache } from './parse';
import { clearShellCache as clearShell } from './shell';
import { clearParseCache as clearParse } from './parse';
/** Forget every parse kept between documents and versions (shell and Dockerfile): the cold path. */
export function clearEngineCaches(): void { clearShell(); clearParse(); }
export type { ShellCommand, ShellDeclaration, ShellScript, ShellWord } from './shell';
export { allRules } from '../rules';
export type { Rule, RawFinding, RuleContext } from './rule';
