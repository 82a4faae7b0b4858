// Defaults a team can live with: Dockerfiles of the corpus that follow the seed practices
// (multi-stage, pinned tags, manifests copied first, cache mounts, non-root USER, exec form)
// draw no warning or error from the rules that are on by default.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { loadCorpus } from '../helpers/corpus';

const CLEAN = ['node-multistage.Dockerfile', 'python-multistage.Dockerfile', 'go-distroless.Dockerfile', 'java-maven.Dockerfile'];

describe('clean Dockerfiles stay clean', () => {
  before(() => initEngine());
  for (const name of CLEAN) {
    it(name, () => {
      const f = loadCorpus().find((c) => c.name === name);
      assert.ok(f, `${name} is in the corpus`);
      const loud = lint(f.text).findings.filter((x) => x.severity === 'error' || x.severity === 'warning');
      assert.deepEqual(loud.map((x) => `${x.range.start.line + 1}: ${x.code} ${x.message}`), []);
    });
  }
  it('the naive corpus files do draw warnings (the check above can fail)', () => {
    const naive = loadCorpus().filter((c) => c.name.includes('naive'));
    assert.ok(naive.length >= 2);
    for (const f of naive) assert.ok(lint(f.text).findings.some((x) => x.severity === 'warning' || x.severity === 'error'), f.name);
  });
});
