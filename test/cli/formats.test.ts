// The output formats on their own: positions in characters, hadolint level names, colour,
// and fixSafety, with synthetic findings (no rule needed).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Finding, Fix } from '../../shared/types';
import { formatJson, formatText, toJsonFindings, type FileReport } from '../../server/src/formats';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    code: 'LW9999', name: 'test-rule', aliases: ['TestRule'], severity: 'hint', message: 'msg',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fixes: [], ...over,
  };
}
const fix = (safety: Fix['safety']): Fix => ({ title: 't', edits: [], safety });

describe('formats', () => {
  it('counts columns in characters: an astral character before the range counts once', () => {
    // "😀" is two UTF-16 units; "é" one. The range covers "ADD" after them.
    const text = 'FROM a\nRUN x "😀é" ADD y\n';
    const start = text.split('\n')[1].indexOf('ADD');
    const report: FileReport = { file: 'f', text, findings: [finding({ range: { start: { line: 1, character: start }, end: { line: 1, character: start + 3 } } })] };
    const [j] = toJsonFindings([report]);
    assert.equal(start, 12, '12 UTF-16 units precede ADD');
    assert.equal(j.line, 2);
    assert.equal(j.column, 12, '11 characters precede ADD, so it starts in column 12 (not 13)');
    assert.equal(j.endColumn, 15);
    assert.equal(formatText([report]), 'f:2:12: style LW9999 msg\n');
  });

  it('maps severities to hadolint levels (hint → style)', () => {
    const levels = (['error', 'warning', 'info', 'hint'] as const).map((severity) => toJsonFindings([{ file: 'f', text: 'x', findings: [finding({ severity })] }])[0].level);
    assert.deepEqual(levels, ['error', 'warning', 'info', 'style']);
  });

  it('fixable and fixSafety: none → false/null, suggestion only → suggestion, any safe → safe', () => {
    const js = toJsonFindings([{ file: 'f', text: 'x', findings: [
      finding(), finding({ fixes: [fix('suggestion')] }), finding({ fixes: [fix('suggestion'), fix('safe')] }),
    ] }]);
    assert.deepEqual(js.map((x) => [x.fixable, x.fixSafety]), [[false, null], [true, 'suggestion'], [true, 'safe']]);
  });

  it('colours only when asked, keeping the same text underneath', () => {
    const reports: FileReport[] = [{ file: 'Dockerfile', text: 'x', findings: [finding({ severity: 'error' })] }];
    const plain = formatText(reports);
    const coloured = formatText(reports, { color: true });
    assert.ok(!plain.includes('\x1b['));
    assert.ok(coloured.includes('\x1b[31merror\x1b[0m'));
    assert.equal(coloured.replace(/\x1b\[\d+m/g, ''), plain);
  });

  it('json is one array even with no findings', () => {
    assert.equal(formatJson([]), '[]\n');
    assert.equal(formatJson([{ file: 'a', text: '', findings: [] }]), '[]\n');
  });
});
