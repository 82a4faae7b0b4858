// Rules must scale linearly: a 30,000-line Dockerfile may take at most a generous multiple of
// ten times a 3,000-line one (linear: 10x; an accidental quadratic pass: ~100x).
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { clearShellCache, lint } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { generateDockerfile, loadCorpus } from '../helpers/corpus';

function timeLint(text: string, runs: number): { ms: number; findings: number } {
  let best = Infinity, findings = 0;
  for (let i = 0; i < runs; i++) {
    clearShellCache(); // measure the full work, not parses reused from the previous run
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
});
