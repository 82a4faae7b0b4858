// Round-trip guarantees of fix-all (safe fixes only), on the team's corpus of realistic
// Dockerfiles and on generated ones: afterwards no safe-fixable finding is left, no finding
// appears that was not there before, the file still parses into the same stages, and a
// second pass changes nothing.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, fixAll, buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { loadCorpus } from '../helpers/corpus';
import type { LintOptions } from '../../shared/types';

const ALL: LintOptions = { enable: ['all'] };

function codeCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of lint(text, ALL).findings) m.set(f.code, (m.get(f.code) ?? 0) + 1);
  return m;
}

function checkRoundTrip(name: string, text: string): number {
  const before = codeCounts(text);
  const r = fixAll(text, ALL);
  const after = lint(r.text, ALL);
  assert.deepEqual(after.ruleErrors, [], `${name}: rule errors after fixing`);
  const left = after.findings.filter((f) => f.fixes.some((x) => x.safety === 'safe'));
  assert.deepEqual(left.map((f) => `${f.code}@${f.range.start.line + 1}`), [], `${name}: safe-fixable findings left after fix-all`);
  for (const [code, n] of codeCounts(r.text)) assert.ok(n <= (before.get(code) ?? 0), `${name}: fix-all introduced ${code} (${before.get(code) ?? 0} → ${n})\n${r.text}`);
  const m0 = buildModel(text), m1 = buildModel(r.text);
  assert.equal(m1.stages.length, m0.stages.length, `${name}: stage count changed`);
  assert.deepEqual(m1.stages.map((s) => s.name), m0.stages.map((s) => s.name), `${name}: stage names changed`);
  assert.equal(fixAll(r.text, ALL).text, r.text, `${name}: a second fix-all pass changed the text`);
  return r.applied.length;
}

describe('fix-all round trip', () => {
  before(() => initEngine());

  it('holds on every corpus Dockerfile, and fixes something', () => {
    let applied = 0;
    for (const f of loadCorpus()) applied += checkRoundTrip(f.name, f.text);
    assert.ok(applied > 0, 'the corpus has safe-fixable findings, so fix-all must apply some');
  });

  it('keeps CRLF line endings', () => {
    const crlf = loadCorpus().find((f) => f.text.includes('\r\n'));
    assert.ok(crlf, 'the corpus has a CRLF file');
    const r = fixAll(crlf.text, ALL);
    assert.ok(!/[^\r]\n/.test(r.text), 'a bare LF was introduced into a CRLF file');
  });

  it('holds on generated Dockerfiles built from corpus lines', () => {
    const lines = [...new Set(loadCorpus().flatMap((f) => f.text.replace(/\r\n/g, '\n').split('\n')))].filter((l) => !/^#\s*(escape|syntax)/.test(l));
    const file = fc.tuple(fc.constantFrom('FROM debian:bookworm', 'FROM alpine:3.20', 'FROM node:20', 'FROM python:3.12-slim AS base'), fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 25 }), fc.boolean())
      .map(([from, body, crlf]) => { const t = [from, ...body].join('\n') + '\n'; return crlf ? t.replace(/\n/g, '\r\n') : t; });
    fc.assert(fc.property(file, (text) => { checkRoundTrip('generated', text); }), { numRuns: 150 });
  });
});
