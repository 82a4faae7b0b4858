// The model reads the command of `HEALTHCHECK [options] CMD ...` like a CMD: exec or shell form,
// JSON strings with their own ranges, shell commands parsed; `HEALTHCHECK NONE` has no form.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';

const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

describe('HEALTHCHECK in the model', () => {
  before(() => initEngine());

  it('exec form after options and a continuation', () => {
    const m = buildModel('FROM x\nHEALTHCHECK --interval=30s \\\n  CMD ["curl", "-f", "http://x/"]\n');
    const h = m.instructions[1];
    assert.equal(h.form, 'exec');
    assert.deepEqual(h.json!.map((w) => w.value), ['curl', '-f', 'http://x/']);
    assert.deepEqual(h.json!.map((w) => at(w.range)), ['3:8-3:14', '3:16-3:20', '3:22-3:33']);
    assert.equal(at(h.bodyRange!), '3:7-3:34');
  });

  it('shell form is parsed into commands', () => {
    const h = buildModel('FROM x\nHEALTHCHECK CMD curl -f http://x/ || exit 1\n').instructions[1];
    assert.equal(h.form, 'shell');
    assert.equal(h.shellText, 'curl -f http://x/ || exit 1');
    assert.deepEqual(h.shell!.commands.map((c) => c.name), ['curl', 'exit']);
    assert.equal(at(h.shell!.commands[0].argv[0].range), '2:17-2:21');
  });

  it('NONE and a missing command have no form', () => {
    const m = buildModel('FROM x\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD\n');
    assert.equal(m.instructions[1].form, null);
    assert.equal(m.instructions[2].form, null);
    assert.equal(m.instructions[1].shell, null);
  });
});
