// Table tests for one rule: valid cases must produce no finding; invalid cases must produce
// exactly the listed ranges (1-based "line:col-line:col", end exclusive) and, where given,
// applying each finding's first fix must give exactly `output`, after which the rule is
// silent for safe fixes.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, applyEdits, type Rule, type RuleContext } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import type { Finding, LintOptions } from '../../shared/types';

export interface ValidCase { name?: string; code: string; options?: LintOptions; /** Host facts and settings (default: the table's). */ context?: RuleContext }
export interface InvalidCase {
  name?: string;
  code: string;
  options?: LintOptions;
  /** Host facts and settings (default: the table's). */
  context?: RuleContext;
  /** One entry per expected finding, in document order: "2:1-2:4" or { range, message }. */
  errors: (string | { range: string; message?: RegExp | string })[];
  /** Text after applying the first fix of every finding; null: no fix must be offered. */
  output?: string | null;
}

export function fmtRange(f: Finding): string {
  const r = f.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

export function findingsOf(rule: Rule, code: string, options: LintOptions = {}, context: RuleContext = {}): Finding[] {
  const opts: LintOptions = { ...options, enable: [...(options.enable ?? []), rule.meta.code] };
  return lint(code, opts, [rule], context).findings.filter((f) => f.code === rule.meta.code);
}

export function applyFirstFixes(code: string, findings: Finding[]): string {
  const edits = findings.filter((f) => f.fixes.length).flatMap((f) => f.fixes[0].edits);
  return applyEdits(code, edits);
}

/**
 * `context`: the settings/host facts every case (and the docs examples) is linted with, for
 * rules driven by configuration (label schema, trusted registries); a case may set its own.
 */
export function ruleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[]; context?: RuleContext }): void {
  const ctx = (c: { context?: RuleContext }) => c.context ?? cases.context ?? {};
  describe(`${rule.meta.code} ${rule.meta.name}`, () => {
    before(() => initEngine());
    it('has complete metadata and docs', () => {
      const m = rule.meta;
      assert.match(m.code, /^(DL|LW)\d{4}$/);
      assert.match(m.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const k of ['what', 'why', 'bad', 'good', 'fix'] as const) {
        assert.ok(m.docs[k] && m.docs[k] !== 'TODO' && m.docs[k].length > 10, `docs.${k} is missing`);
      }
      assert.ok(findingsOf(rule, m.docs.bad, {}, cases.context).length > 0, 'the bad example must trigger the rule');
      assert.equal(findingsOf(rule, m.docs.good, {}, cases.context).length, 0, 'the good example must not trigger the rule');
    });
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const got = findingsOf(rule, c.code, c.options, ctx(c));
        assert.deepEqual(got.map((f) => `${fmtRange(f)} ${f.message}`), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const got = findingsOf(rule, c.code, c.options, ctx(c));
        assert.deepEqual(got.map(fmtRange), c.errors.map((e) => (typeof e === 'string' ? e : e.range)));
        c.errors.forEach((e, k) => {
          if (typeof e !== 'string' && e.message !== undefined) {
            if (typeof e.message === 'string') assert.equal(got[k].message, e.message);
            else assert.match(got[k].message, e.message);
          }
        });
        if (c.output === null) assert.ok(got.every((f) => f.fixes.length === 0), 'no fix expected');
        else if (c.output !== undefined) {
          const fixed = applyFirstFixes(c.code, got);
          assert.equal(fixed, c.output);
          if (got.every((f) => f.fixes[0]?.safety === 'safe')) assert.deepEqual(findingsOf(rule, fixed, c.options, ctx(c)).map(fmtRange), [], 'rule still fires after its fix');
        }
      });
    });
  });
}
