// The top-level list structure of shell-form RUN bodies (ShellScript.shape), which fixes use
// to decide whether appended or merged text needs grouping.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';

const shape = (body: string) => buildModel(`FROM alpine:3.20\nRUN ${body}\n`).instructions[1].shell!.shape;

describe('shell shape', () => {
  before(() => initEngine());

  it('counts top-level lists and sees || inside nested and-or lists', () => {
    assert.deepEqual(shape('a && b'), { lists: 1, or: false, background: false, terminator: null, comment: false, stateful: false });
    assert.equal(shape('a && b || c | d').or, true);
    assert.equal(shape('a; b; c').lists, 3);
    assert.equal(shape('echo "a || b; c"').lists, 1, 'operators inside quotes do not count');
    assert.equal(shape('echo "a || b"').or, false);
  });
  it('reports a trailing ; or & and background jobs', () => {
    assert.equal(shape('a;').terminator, ';');
    assert.equal(shape('a &').terminator, '&');
    assert.equal(shape('a & b').background, true);
    assert.equal(shape('a & b').terminator, null);
  });
  it('sees comments, also after a continuation', () => {
    assert.equal(shape('make # all').comment, true);
    assert.equal(shape('echo "#not a comment"').comment, false);
    assert.equal(shape('a \\\n  # dropped by the builder\n  && b').comment, false);
  });
  it('marks state changes of the shell itself, not of subshells', () => {
    for (const body of ['cd /x && make', 'export A=1', 'A=1', 'unset A', 'set -e; make', '. ./env', 'exit 0', 'readonly A', 'local A=1']) {
      assert.equal(shape(body).stateful, true, body);
    }
    for (const body of ['A=1 make', 'echo $(cd /x && pwd)', '(cd /x && make)', 'sh -c "cd /x"', 'make cd', 'command -v curl || apk add curl']) {
      assert.equal(shape(body).stateful, false, body);
    }
  });
});
