// The shell parses reused between document versions (parseShellCached) must give exactly what
// a fresh parse gives: same findings, same ranges, same fixes, after the edits a user makes.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel, clearShellCache, lint } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
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
        clearShellCache();
        const fresh = lint(e.text, everything);
        assert.deepEqual(reused.findings, fresh.findings, `${e.name}: findings differ`);
        const shells = (t: string) => buildModel(t).instructions.map((i) => i.shell ?? null);
        assert.deepEqual(shells(e.text), (clearShellCache(), shells(e.text)), `${e.name}: shell models differ`);
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
    const c = buildModel('\n' + text);
    assert.notEqual(a.instructions[1].shell, c.instructions[1].shell, 'moved to another line: parsed again');
    assert.equal(c.instructions[1].shell!.commands[0].range.start.line, 2);
  });
});
