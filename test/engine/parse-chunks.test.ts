// The chunked, kept parse (engine/parse.ts) must give exactly what dockerfile-ast's parse of
// the whole text gives: the same instructions with the same positions, arguments, flags and
// heredocs, the same comments and directives, whatever the cuts fall on.
import { describe, it, before, beforeEach } from 'node:test';
import * as assert from 'node:assert/strict';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { clearParseCache, keptChunks, parseDockerfile, type ParsedDockerfile } from '../../server/src/engine/parse';
import { LineIndex } from '../../server/src/engine/text';
import { clearEngineCaches, lint } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { generateDockerfile, loadCorpus } from '../helpers/corpus';

type Flat = Record<string, unknown>;
function flatInst(i: Instruction): Flat {
  const x = i as unknown as { getFlags?: () => { getName(): string; getValue(): string | null; getRange(): unknown }[]; getHeredocs?: () => { getName(): string; getContentRange(): unknown; getStartRange(): unknown; getDelimiterRange(): unknown }[] };
  return {
    keyword: i.getKeyword(), range: i.getRange(), instructionRange: i.getInstructionRange(),
    args: i.getArguments().map((a) => [a.getValue(), a.getRange()]),
    flags: x.getFlags?.().map((f) => [f.getName(), f.getValue(), f.getRange()]) ?? null,
    heredocs: x.getHeredocs?.().map((h) => [h.getName(), h.getContentRange(), h.getStartRange(), h.getDelimiterRange()]) ?? null,
    variables: i.getVariables().map((v) => [v.getName(), v.getNameRange()]),
    text: i.getTextContent(),
  };
}
function flat(d: ParsedDockerfile): Flat {
  return {
    instructions: d.getInstructions().map(flatInst),
    comments: d.getComments().map((c) => [c.getContent(), c.getRange()]),
    directives: d.getDirectives().map((c) => [c.getName(), c.getValue(), c.getRange()]),
    escape: d.getEscapeCharacter(),
  };
}
function same(text: string, what: string): void {
  const expected = flat(DockerfileParser.parse(text));
  assert.deepEqual(flat(parseDockerfile(text, new LineIndex(text))), expected, `${what}: first parse`);
  // Second time: the kept chunks.
  assert.deepEqual(flat(parseDockerfile(text, new LineIndex(text))), expected, `${what}: kept parse`);
}

const filler = (n: number, tag: string) => Array.from({ length: n }, (_, k) => (k % 3 === 0 ? `RUN echo ${tag}${k} && \\\n    true` : k % 3 === 1 ? `# note ${tag}${k}` : `ENV V_${tag}${k}=x`)).join('\n') + '\n';

describe('chunked parse', () => {
  before(() => initEngine());
  beforeEach(() => clearParseCache());

  it('matches the whole-text parse on the corpus and on generated files', () => {
    for (const f of loadCorpus()) same(f.text, f.name);
    for (const n of [150, 600, 2_000]) same(generateDockerfile(n), `generated ${n}`);
  });

  it('matches when a continuation, a heredoc or blank and comment lines run across a cut', () => {
    // Long RUNs whose continuation lines start in column 0 with a letter (candidate cuts).
    const cont = 'FROM alpine\n' + filler(40, 'a') + 'RUN apk add \\\n' + Array.from({ length: 200 }, (_, k) => `pkg${k} \\`).join('\n') + '\n  done\n' + filler(40, 'b');
    same(cont, 'continuation with column-0 lines');
    const blanks = 'FROM alpine\n' + filler(60, 'c') + 'RUN echo a \\\n\n# comment inside\n\nECHO b\n' + filler(60, 'd');
    same(blanks, 'continuation over blank and comment lines');
    const heredoc = 'FROM alpine\n' + filler(50, 'e') + 'RUN <<EOF\n' + Array.from({ length: 120 }, (_, k) => `RUN inside ${k}`).join('\n') + '\nEOF\n' + filler(50, 'f');
    same(heredoc, 'heredoc whose lines look like instructions');
    const open = 'FROM alpine\n' + filler(60, 'g') + 'RUN <<EOF\n' + Array.from({ length: 300 }, (_, k) => `COPY never ${k}`).join('\n') + '\n';
    same(open, 'unterminated heredoc to the end');
  });

  it('matches with an escape directive, CRLF, a BOM and CR-only line breaks', () => {
    const tick = '# escape=`\nFROM mcr.microsoft.com/windows/servercore\n' + filler(80, 'h').replace(/\\\n/g, '`\n') + 'RUN dir `\n  C:\\ `\n  /s\n' + filler(80, 'i').replace(/\\\n/g, '`\n');
    same(tick, 'escape=`');
    const base = '# syntax=docker/dockerfile:1\nFROM alpine\n' + filler(150, 'j');
    same(base.replace(/\n/g, '\r\n'), 'CRLF');
    same('\uFEFF' + base, 'BOM');
    same(base.replace(/\n/g, '\r'), 'CR only');
  });

  it('an edit re-parses only where it is and gives the same result as a fresh parse', () => {
    const text = generateDockerfile(1_500);
    parseDockerfile(text, new LineIndex(text));
    const lines = text.split('\n');
    const at = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('RUN '));
    for (const edited of [
      [...lines.slice(0, at), lines[at] + ' x', ...lines.slice(at + 1)].join('\n'), // a character
      [...lines.slice(0, at), lines[at] + ' \\', ...lines.slice(at + 1)].join('\n'), // a continuation
      [...lines.slice(0, at), 'RUN <<EOF', ...lines.slice(at + 1)].join('\n'), // an open heredoc
      [...lines.slice(0, at), '', ...lines.slice(at)].join('\n'), // a new line
    ]) {
      const kept = flat(parseDockerfile(edited, new LineIndex(edited)));
      assert.deepEqual(kept, flat(DockerfileParser.parse(edited)));
    }
  });

  it('drops the chunks of versions typed past: those no recent parse used', () => {
    const text = generateDockerfile(2_000);
    parseDockerfile(text, new LineIndex(text));
    const perVersion = keptChunks();
    assert.ok(perVersion > 30, `a 2,000-line file is kept in many chunks (${perVersion})`);
    // Ten versions, each with one more line at the top: every chunk moves, so each is new.
    let latest: ParsedDockerfile | null = null;
    for (let k = 1; k <= 10; k++) { const t = '\n'.repeat(k) + text; latest = parseDockerfile(t, new LineIndex(t)); }
    assert.ok(keptChunks() <= 4 * perVersion + 4, `kept ${keptChunks()} chunks, at most the last four versions' (${4 * perVersion})`);
    // The latest version's chunks are kept: parsing it again gives the same objects.
    const t = '\n'.repeat(10) + text;
    const again = parseDockerfile(t, new LineIndex(t)).getInstructions();
    assert.deepEqual(again, latest!.getInstructions());
    assert.ok(again.every((inst, i) => inst === latest!.getInstructions()[i]), 'every instruction is the kept object');
    // Parsed again and again, the older versions go: only that version's chunks stay.
    for (let k = 0; k < 4; k++) parseDockerfile(t, new LineIndex(t));
    assert.ok(keptChunks() <= perVersion + 2, `kept ${keptChunks()} chunks, one version's (${perVersion})`);
  });

  it('keeps the parse of unchanged chunks between versions (same instruction objects)', () => {
    const text = generateDockerfile(1_000);
    const a = parseDockerfile(text, new LineIndex(text)).getInstructions();
    const lines = text.split('\n');
    const at = lines.length - 3;
    const edited = [...lines.slice(0, at), lines[at] + '#', ...lines.slice(at + 1)].join('\n');
    const b = parseDockerfile(edited, new LineIndex(edited)).getInstructions();
    assert.equal(a.length, b.length);
    assert.equal(a[0], b[0], 'the first instruction is the kept object');
    assert.equal(a[a.length >> 1], b[b.length >> 1], 'an instruction in the middle is the kept object');
    clearParseCache();
    const c = parseDockerfile(text, new LineIndex(text)).getInstructions();
    assert.notEqual(c[0], a[0], 'a cleared cache parses afresh');
  });

  it('lints every edit of a large file the same with kept parses and model facts as from scratch', () => {
    const text = generateDockerfile(700);
    const lines = text.split('\n');
    const all = { enable: ['all'] };
    lint(text, all);
    const runs = lines.map((l, i) => (l.startsWith('RUN ') || l.startsWith('COPY ') || l.startsWith('ARG ') || l.startsWith('FROM ') ? i : -1)).filter((i) => i >= 0);
    const picks = [runs[1], runs[runs.length >> 2], runs[runs.length >> 1], runs[runs.length - 2]];
    let edits = 0;
    for (const at of picks) {
      for (const change of [(l: string) => l + ' --x', (l: string) => l.replace(/^\w+/, (k) => k.toLowerCase()), (l: string) => l + ' \\', (l: string) => '# ' + l]) {
        const edited = [...lines.slice(0, at), change(lines[at]), ...lines.slice(at + 1)].join('\n');
        const kept = lint(edited, all);
        clearEngineCaches();
        const fresh = lint(edited, all);
        assert.deepEqual(kept.findings, fresh.findings, `edit of line ${at + 1}: findings differ`);
        lint(text, all); // back to the kept state of the unedited file
        edits++;
      }
    }
    assert.equal(edits, 16);
  });
});
