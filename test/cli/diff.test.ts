// unifiedDiff is checked by its real consumer: GNU patch must turn `before` into `after`
// with the diff we print, for hand-picked and generated texts (CRLF, no final newline).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { unifiedDiff } from '../../server/src/formats/diff';

function patchApplies(before: string, after: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-diff-'));
  try {
    fs.writeFileSync(path.join(dir, 'Dockerfile'), before);
    const diff = unifiedDiff('Dockerfile', before, after);
    if (before === after) { assert.equal(diff, ''); return; }
    const r = spawnSync('patch', ['-p1', '--binary', '-s', '-d', dir], { input: diff, encoding: 'utf8' });
    assert.equal(r.status, 0, `patch failed: ${r.stdout}${r.stderr}\n${diff}`);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), after, diff);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('unifiedDiff', () => {
  it('prints the git-style header and one hunk with three lines of context', () => {
    const before = 'FROM alpine:3.20\nRUN a\nRUN b\nRUN c\nRUN d\nADD x /x\nRUN e\n';
    const after = before.replace('ADD x', 'COPY x');
    assert.equal(unifiedDiff('Dockerfile', before, after),
      '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -3,5 +3,5 @@\n RUN b\n RUN c\n RUN d\n-ADD x /x\n+COPY x /x\n RUN e\n');
  });
  it('is empty for equal texts', () => assert.equal(unifiedDiff('f', 'a\n', 'a\n'), ''));
  it('marks a missing final newline', () => {
    assert.equal(unifiedDiff('f', 'a', 'b'), '--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n');
  });
  it('applies with GNU patch: separate hunks, CRLF, insertions at both ends, empty sides', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `RUN step ${i}`);
    patchApplies(lines.join('\n') + '\n', lines.map((l, i) => (i === 2 || i === 25 ? l + ' && x' : l)).join('\n') + '\n');
    patchApplies('FROM a\r\nADD x /x\r\n', 'FROM a\r\nCOPY x /x\r\nUSER app\r\n');
    patchApplies('RUN a\n', '# top\nRUN a\n# bottom\n');
    patchApplies('', 'FROM a\n');
    patchApplies('FROM a\n', '');
  });
  it('applies with GNU patch on generated edits', () => {
    const line = fc.constantFrom('FROM a', 'RUN x', 'RUN y', 'COPY . .', '', '# c', 'USER app');
    fc.assert(fc.property(fc.array(line, { maxLength: 25 }), fc.array(line, { maxLength: 25 }), fc.boolean(), (a, b, crlf) => {
      const eol = crlf ? '\r\n' : '\n';
      patchApplies(a.map((l) => l + eol).join(''), b.map((l) => l + eol).join(''));
    }), { numRuns: 60 });
  });
});
