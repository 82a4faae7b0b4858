// BuildKit's `# check=` directive works with the BuildKit check names of Layerwise rules:
// `skip=<Name>` silences the rule (file-wide as a parser directive, for one instruction as a
// comment above it) and `error=true` raises every finding to an error.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';

const body = 'FROM alpine:3.20 as Build\nRUN true\n';
const codes = (text: string) => lint(text).findings.filter((f) => f.code === 'LW1101' || f.code === 'LW1102').map((f) => `${f.code}:${f.severity}`);

describe('BuildKit check directives with LW11xx rules', () => {
  before(() => initEngine());

  it('both rules fire without a directive, as warnings', () => {
    assert.deepEqual(codes(body), ['LW1102:warning', 'LW1101:warning']);
  });

  it('skip=<BuildKit name> silences exactly the named rules', () => {
    assert.deepEqual(codes('# check=skip=StageNameCasing\n' + body), ['LW1102:warning']);
    assert.deepEqual(codes('# check=skip=FromAsCasing\n' + body), ['LW1101:warning']);
    assert.deepEqual(codes('# check=skip=StageNameCasing,FromAsCasing\n' + body), []);
  });

  it('skip=all silences rules that have a BuildKit name', () => {
    assert.deepEqual(codes('# check=skip=all\n' + body), []);
  });

  it('error=true reports findings as errors, combined with skip', () => {
    assert.deepEqual(codes('# check=error=true\n' + body), ['LW1102:error', 'LW1101:error']);
    assert.deepEqual(codes('# check=skip=FromAsCasing;error=true\n' + body), ['LW1101:error']);
  });

  it('a # check=skip comment above an instruction only silences that instruction', () => {
    const text = 'FROM alpine:3.20 AS base\n# check=skip=FromAsCasing\nFROM alpine:3.20 as one\nFROM alpine:3.20 as two\n';
    const found = lint(text).findings.filter((f) => f.code === 'LW1102').map((f) => f.range.start.line + 1);
    assert.deepEqual(found, [4]);
  });

  it('a directive after the first instruction is a plain comment (not file-wide)', () => {
    const text = 'FROM alpine:3.20 as a\n\n# check=skip=FromAsCasing\n\nFROM alpine:3.20 as b\n';
    assert.equal(lint(text).findings.filter((f) => f.code === 'LW1102').length, 2);
  });
});
