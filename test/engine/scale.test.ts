// Rules must scale linearly: a 30,000-line Dockerfile may take at most a generous multiple of
// ten times a 3,000-line one (linear: 10x; an accidental quadratic pass: ~100x).
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { clearEngineCaches, lint } from '../../server/src/engine';
import { buildModel } from '../../server/src/engine/model';
import { allRules } from '../../server/src/rules';
import { initEngine } from '../../server/src/host/shellWasm';
import { generateDockerfile, loadCorpus } from '../helpers/corpus';

function timeLint(text: string, runs: number): { ms: number; findings: number } {
  let best = Infinity, findings = 0;
  for (let i = 0; i < runs; i++) {
    clearEngineCaches(); // measure the full work, not parses reused from the previous run
    const c0 = process.cpuUsage(); // CPU time: other processes on the machine do not count
    const r = lint(text, { enable: ['all'] });
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
    findings = r.findings.length;
    assert.deepEqual(r.ruleErrors, [], 'no rule may throw');
  }
  return { ms: best, findings };
}

describe('engine scale', () => {
  before(() => initEngine());

  it('the generator builds files of the asked size from the corpus', () => {
    const corpus = loadCorpus();
    assert.ok(corpus.length >= 10, `corpus has ${corpus.length} files`);
    const text = generateDockerfile(30_000, corpus);
    const lines = text.split('\n').length;
    assert.ok(lines >= 30_000 && lines < 31_000, `got ${lines} lines`);
  });

  it('lints 30,000 lines in roughly linear time (all rules enabled)', () => {
    const small = generateDockerfile(3_000);
    const large = generateDockerfile(30_000);
    timeLint(small, 1); // warm up the JIT and the shell parser
    const s = timeLint(small, 3);
    const l = timeLint(large, 1);
    assert.ok(l.findings >= s.findings * 5, `findings should grow with the file (${s.findings} → ${l.findings})`);
    const ratio = l.ms / s.ms;
    assert.ok(ratio < 30, `30k lines took ${l.ms.toFixed(0)} ms, ${ratio.toFixed(1)}x the 3k-line file (${s.ms.toFixed(0)} ms): something is worse than linear`);
    assert.ok(l.ms < 60_000, `30k lines took ${l.ms.toFixed(0)} ms`);
  });

  it('every rule on its own scales roughly linearly (one quadratic rule hides in the total)', () => {
    // A rule that scans all stages for each instruction is ~100x slower at 10x the size; the
    // whole-file ratio above cannot see it while the rule is a small part of the total.
    const cpu = (f: () => void) => { const c0 = process.cpuUsage(); f(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
    const time = (text: string) => {
      const model = buildModel(text);
      const ms = new Map<string, number>();
      for (const r of allRules) r.check(model, {}); // warm up
      for (const r of allRules) ms.set(r.meta.code, Math.min(cpu(() => r.check(model, {})), cpu(() => r.check(model, {}))));
      return ms;
    };
    const small = time(generateDockerfile(3_000));
    const large = time(generateDockerfile(30_000));
    const slow: string[] = [];
    for (const [code, ms] of large) {
      const ratio = ms / Math.max(small.get(code) ?? 0, 1);
      if (ms > 50 && ratio > 100) slow.push(`${code}: ${ms.toFixed(0)} ms at 30k lines, ${ratio.toFixed(0)}x the 3k-line file`);
    }
    assert.equal(large.size, allRules.length);
    assert.deepEqual(slow, []);
  });
});
