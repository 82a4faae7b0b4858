// parse → model → rules → findings. Pure: no LSP, no file system, no network.
import type { Finding, LintOptions, Severity, TextEdit } from '../../../shared/types';
import { buildModel, type Model } from './model';
import type { Rule, RuleContext } from './rule';
import { applyEdits, editsOverlap } from './text';
import { allRules } from '../rules';
import { isShellcheckCode } from './shellcheck';

export interface RuleError { code: string; message: string }
export interface LintResult { model: Model; findings: Finding[]; ruleErrors: RuleError[] }

const idIndex = new Map<string, Rule>();
function indexRules(rules: readonly Rule[]): Map<string, Rule> {
  if (rules === allRules && idIndex.size) return idIndex;
  const m = rules === allRules ? idIndex : new Map<string, Rule>();
  for (const r of rules) for (const id of [r.meta.code, r.meta.name, ...r.meta.aliases]) m.set(id.toLowerCase(), r);
  return m;
}

/** A rule by code, kebab-case name or alias (case-insensitive). */
export function findRule(id: string, rules: readonly Rule[] = allRules): Rule | undefined {
  return indexRules(rules).get(id.trim().toLowerCase());
}

/** Ids the user wrote that match no rule nor ShellCheck code (for clear errors in the front ends). */
export function unknownRuleIds(ids: Iterable<string>, rules: readonly Rule[] = allRules): string[] {
  const out: string[] = [];
  for (const id of ids) if (id.toLowerCase() !== 'all' && !findRule(id, rules) && !isShellcheckCode(id)) out.push(id);
  return out;
}

/** The effective severity of each rule (absent: off). */
export function effectiveSeverities(options: LintOptions, rules: readonly Rule[] = allRules): Map<Rule, Severity> {
  const out = new Map<Rule, Severity>();
  const enableAll = (options.enable ?? []).some((e) => e.toLowerCase() === 'all');
  for (const r of rules) if (r.meta.enabledByDefault || enableAll) out.set(r, r.meta.severity);
  for (const id of options.enable ?? []) { const r = findRule(id, rules); if (r && !out.has(r)) out.set(r, r.meta.severity); }
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    const targets = id.toLowerCase() === 'all' ? rules : [findRule(id, rules)].filter((x): x is Rule => !!x);
    for (const r of targets) {
      const s = String(setting).toLowerCase();
      if (s === 'off') out.delete(r);
      else if (s === 'on') out.set(r, r.meta.severity);
      else if (s === 'error' || s === 'warning' || s === 'info' || s === 'hint') out.set(r, s);
      else if (s === 'style') out.set(r, 'hint');
    }
  }
  const disableAll = (options.disable ?? []).some((e) => e.toLowerCase() === 'all');
  if (disableAll) out.clear();
  for (const id of options.disable ?? []) { const r = findRule(id, rules); if (r) out.delete(r); }
  return out;
}

/** The rules the options turn on by name (`enable`, `enable: all`, a `rules` entry other than `off`), as opposed to by default. */
export function explicitlyEnabled(options: LintOptions, rules: readonly Rule[] = allRules): Set<Rule> {
  const out = new Set<Rule>();
  if ((options.enable ?? []).some((e) => e.toLowerCase() === 'all')) for (const r of rules) out.add(r);
  for (const id of options.enable ?? []) { const r = findRule(id, rules); if (r) out.add(r); }
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    if (String(setting).toLowerCase() === 'off') continue;
    if (id.toLowerCase() === 'all') for (const r of rules) out.add(r);
    else { const r = findRule(id, rules); if (r) out.add(r); }
  }
  return out;
}

function suppressed(rule: Rule, ids: Set<string> | undefined): boolean {
  if (!ids || ids.size === 0) return false;
  if (ids.has('all')) return true;
  const m = rule.meta;
  if (ids.has(m.code.toLowerCase()) || ids.has(m.name)) return true;
  for (const a of m.aliases) if (ids.has(a.toLowerCase())) return true;
  return false;
}

export function lint(text: string, options: LintOptions = {}, rules: readonly Rule[] = allRules, ctx: RuleContext = {}): LintResult {
  const model = buildModel(text);
  return lintModel(model, options, rules, ctx);
}

export function lintModel(model: Model, options: LintOptions = {}, rules: readonly Rule[] = allRules, ctx: RuleContext = {}): LintResult {
  const severities = effectiveSeverities(options, rules);
  const explicit = explicitlyEnabled(options, rules);
  const findings: Finding[] = [];
  const ruleErrors: RuleError[] = [];
  const skipIds = new Set(model.directives.check.skip.map((s) => s.toLowerCase()));
  const usePragmas = options.ignorePragmas !== false;
  const { pragmas } = model;
  for (const [rule, severity] of severities) {
    if (model.directives.check.skipAll && rule.meta.aliases.some(isBuildKitName)) continue;
    if ((usePragmas && suppressed(rule, pragmas.global)) || suppressed(rule, skipIds)) continue;
    let raw;
    try {
      raw = rule.check(model, explicit.has(rule) ? { ...ctx, explicitlyEnabled: true } : ctx);
    } catch (e) {
      ruleErrors.push({ code: rule.meta.code, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    for (const f of raw) {
      const inst = model.instructionAt(f.range.start.line);
      if (usePragmas && inst && suppressed(rule, pragmas.perInstruction.get(inst.index))) continue;
      findings.push({
        code: rule.meta.code, name: rule.meta.name, aliases: rule.meta.aliases,
        severity: model.directives.check.error ? 'error' : severity,
        message: f.message, range: f.range, fixes: f.fixes ?? [],
      });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { model, findings, ruleErrors };
}

const isBuildKitName = (a: string) => /^[A-Z][A-Za-z]+$/.test(a);

export interface FixAllResult { text: string; applied: { code: string; title: string; line: number }[]; passes: number }

/**
 * Apply every safe fix (or those `accept` allows), re-linting between passes until nothing
 * changes. Fixes whose edits overlap one already chosen in a pass wait for the next pass.
 */
export function fixAll(text: string, options: LintOptions = {}, accept: (f: Finding) => boolean = () => true, rules: readonly Rule[] = allRules, maxPasses = 10, ctx: RuleContext = {}): FixAllResult {
  const applied: FixAllResult['applied'] = [];
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    const { findings } = lint(text, options, rules, ctx);
    const chosen: TextEdit[] = [];
    let any = false;
    for (const f of findings) {
      const fix = f.fixes.find((x) => x.safety === 'safe');
      if (!fix || !accept(f) || fix.edits.length === 0) continue;
      if (editsOverlap(chosen, fix.edits)) continue;
      chosen.push(...fix.edits);
      applied.push({ code: f.code, title: fix.title, line: f.range.start.line + 1 });
      any = true;
    }
    if (!any) break;
    const next = applyEdits(text, chosen);
    if (next === text) break;
    text = next;
  }
  return { text, applied, passes };
}
