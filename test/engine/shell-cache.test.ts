// The shell parses reused between document versions (parseShellCached) must give exactly what
// a fresh parse gives: same findings, same ranges, same fixes, after the edits a user makes.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel, clearEngineCaches, clearShellCache, lint } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { parseDetachedCached, parseShell } from '../../server/src/engine/shell';
import { LineIndex } from '../../server/src/engine/text';
import { loadCorpus } from '../helpers/corpus';

const everything = { enable: ['all'] };

/** Edits a user makes while typing: a character in a RUN line, a new line above, a removed line. */
function edits(text: string): { name: string; text: string }[] {
  const lines = text.split('\n');
  const run = lines.findIndex((l, i) => i > lines.length / 3 && /^RUN /.test(l));
  const out: { name: string; text: string }[] = [];
  if (run >= 0) {
    const typed = [...lines];
    typed[run] = typed[run].replace(/^RUN /, 'RUN x');
    out.push({ name: 'a character typed into a RUN', text: typed.join('\n') });
  }
  out.push({ name: 'a line inserted at the top', text: '# a comment\n' + text });
  const mid = Math.floor(lines.length / 2);
  out.push({ name: 'a line removed in the middle', text: [...lines.slice(0, mid), ...lines.slice(mid + 1)].join('\n') });
  out.push({ name: 'indentation added to every line after the first', text: lines.map((l, i) => (i > 0 && l ? '  ' + l : l)).join('\n') });
  out.push({ name: 'escape directive added (changes how bodies join)', text: '# escape=`\n' + text });
  return out;
}

describe('shell parse cache', () => {
  before(() => initEngine());

  for (const file of loadCorpus()) {
    it(`${file.name}: every edit lints the same with reused parses as with fresh ones`, () => {
      lint(file.text, everything); // fill the cache with the unedited version
      for (const e of edits(file.text)) {
        const reused = lint(e.text, everything);
        clearEngineCaches();
        const fresh = lint(e.text, everything);
        assert.deepEqual(reused.findings, fresh.findings, `${e.name}: findings differ`);
        const shells = (t: string) => buildModel(t).instructions.map((i) => i.shell ?? null);
        assert.deepEqual(shells(e.text), (clearEngineCaches(), shells(e.text)), `${e.name}: shell models differ`);
        lint(file.text, everything); // back to the cache state of the unedited version
      }
    });
  }

  it('a reused parse is returned for an unchanged body and not for a moved one', () => {
    const text = 'FROM alpine:3.20\nRUN apk add --no-cache curl && echo one\nRUN echo two\n';
    clearShellCache();
    const a = buildModel(text);
    const b = buildModel(text.replace('echo two', 'echo twoo'));
    assert.equal(a.instructions[1].shell, b.instructions[1].shell, 'unchanged RUN body: same parse object');
    assert.notEqual(a.instructions[2].shell, b.instructions[2].shell, 'edited RUN body: parsed again');
    const c = buildModel('\n\n' + text);
    assert.notEqual(a.instructions[1].shell, c.instructions[1].shell, 'moved to another line: another object');
    assert.equal(c.instructions[1].shell!.commands[0].range.start.line, 3);
    clearEngineCaches();
    assert.deepEqual(c.instructions[1].shell, buildModel('\n\n' + text).instructions[1].shell, 'moved: the kept parse, moved, equals a fresh one');
    assert.equal(a.instructions[1].shell!.commands[0].range.start.line, 1, 'the kept parse itself is not changed');
  });

  it('parses a fix\'s candidate text once, and lints with fixes parse nothing again on a repeat', () => {
    clearShellCache();
    let parses = 0;
    const text = 'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*';
    const parse = () => { parses++; return parseShell({ text, map: new Int32Array(text.length) }, new LineIndex(text)); };
    const a = parseDetachedCached(text, parse);
    const b = parseDetachedCached(text, parse);
    assert.equal(parses, 1);
    assert.equal(a, b);
    assert.equal(a.commands.length, 3);
    const long = 'x'.repeat(30_000);
    parseDetachedCached(long, () => { parses++; return a; });
    parseDetachedCached(long, () => { parses++; return a; });
    assert.equal(parses, 3, 'very long texts are not kept');
    // DL3009's fix (append the cleanup) verifies its result with a parse: cached too.
    const df = 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n';
    const first = lint(df).findings.find((f) => f.code === 'DL3009');
    assert.ok(first && first.fixes.length > 0, 'DL3009 offers its fix');
    const original = parseShell;
    let fresh = 0;
    const shell = require('../../server/src/engine/shell') as { parseShell: typeof parseShell };
    shell.parseShell = (...args: Parameters<typeof parseShell>) => { fresh++; return original(...args); };
    try {
      const again = lint(df).findings.find((f) => f.code === 'DL3009');
      assert.deepEqual(again, first);
    } finally { shell.parseShell = original; }
    assert.equal(fresh, 0, 'nothing parsed again for the same text');
    clearShellCache();
    shell.parseShell = (...args: Parameters<typeof parseShell>) => { fresh++; return original(...args); };
    try { lint(df); } finally { shell.parseShell = original; }
    assert.ok(fresh > 0, 'the counter sees the verification parse once the cache is empty');
  });
});
