// The label value checks (engine/labels.ts) under hostile input: they never throw, stay
// linear on long values, and a whole Dockerfile with every label rule and schema type on
// lints without a rule error.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { emailProblem, gitHashProblem, labelKeyProblem, rfc3339Problem, semverProblem, spdxProblem, urlProblem } from '../../server/src/engine/labels';

const CHECKS: [string, (v: string) => unknown][] = [
  ['url', urlProblem], ['rfc3339', rfc3339Problem], ['semver', semverProblem], ['hash', gitHashProblem],
  ['email', emailProblem], ['spdx', spdxProblem], ['key', labelKeyProblem],
];
const SCHEMA = { u: 'url', t: 'rfc3339', s: 'semver', h: 'hash', e: 'email', l: 'spdx', x: 'text' };

describe('label value checks', () => {
  before(() => initEngine());

  it('never throw on arbitrary strings', () => {
    for (const [, check] of CHECKS) fc.assert(fc.property(fc.string({ maxLength: 80 }), (v) => { check(v); }), { numRuns: 300 });
    for (const [, check] of CHECKS) fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9.+:() @<>"-]{0,60}$/), (v) => { check(v); }), { numRuns: 300 });
  });

  it('stay fast on long and adversarial values', () => {
    const inputs = [
      'a'.repeat(200_000), '1.'.repeat(100_000), '('.repeat(50_000), 'MIT OR '.repeat(20_000) + 'MIT',
      '-'.repeat(100_000), '@'.repeat(100_000), 'a.'.repeat(100_000) + '@x', '0'.repeat(100_000) + 'Z',
      'https://' + 'a'.repeat(200_000), '"'.repeat(100_000) + '@x.y',
    ];
    for (const [name, check] of CHECKS) {
      for (const v of inputs) {
        const t0 = process.hrtime.bigint();
        check(v);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        assert.ok(ms < 500, `${name} took ${ms.toFixed(0)} ms on ${JSON.stringify(v.slice(0, 20))}…`);
      }
    }
  });

  it('a Dockerfile with odd labels lints with every rule and schema type on, without rule errors', () => {
    const text = [
      'ARG V', 'FROM a:1 AS b', 'LABEL u="${V}" t= s="1.0.0-" h=XYZ e="<>" l="(" x="" "" = $V=',
      'ONBUILD LABEL u=$NOPE', 'FROM b', 'LABEL \\', '  u=http://[::1]:99999 \\', '  l="MIT WITH"', '',
    ].join('\n');
    const r = lint(text, { enable: ['all'] }, undefined, { settings: { labelSchema: SCHEMA, strictLabels: true, trustedRegistries: ['*', 'x*', '*.y', 'a/b/'] } });
    assert.deepEqual(r.ruleErrors, []);
    assert.ok(r.findings.some((f) => f.code === 'DL3054'), 'the broken license expression is reported');
  });
});
