// The team's corpus of realistic Dockerfiles (test/fixtures/corpus: every language in the
// seed documents, single and multi-stage, heredocs, escapes, CRLF) and a generator that
// grows them into files of any size. Used by the scale test and by `npm run bench`.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS_DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');

export interface CorpusFile { name: string; text: string }

export function loadCorpus(): CorpusFile[] {
  return fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.Dockerfile')).sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8') }));
}

/**
 * A Dockerfile of at least `minLines` lines made of the corpus files' stages, repeated with
 * renamed stages (`AS build` → `AS build_7`, `--from=build` → `--from=build_7`) so every copy
 * is a valid multi-stage file in itself. Parser directives are dropped (they only count on
 * top) and line endings normalised to LF. Deterministic.
 */
export function generateDockerfile(minLines: number, corpus: CorpusFile[] = loadCorpus()): string {
  const parts = corpus
    .filter((f) => !f.text.startsWith('# escape'))
    .map((f) => f.text.replace(/\r\n/g, '\n').split('\n').filter((l) => !/^#\s*syntax\s*=/.test(l)).join('\n'));
  const out: string[] = ['# syntax=docker/dockerfile:1'];
  let lines = 1;
  for (let copy = 0; lines < minLines; copy++) {
    for (const p of parts) {
      if (lines >= minLines) break;
      const names = new Set<string>();
      for (const m of p.matchAll(/^FROM\s.*\sAS\s+([A-Za-z0-9_.-]+)\s*$/gim)) names.add(m[1]);
      let t = p;
      for (const n of names) {
        const re = new RegExp(`(\\sAS\\s+|--from=|^FROM\\s+)${n.replace(/[.-]/g, '\\$&')}(?=\\s|$)`, 'gim');
        t = t.replace(re, `$1${n}_${copy}`);
      }
      out.push(t.trimEnd(), '');
      lines += t.trimEnd().split('\n').length + 1;
    }
  }
  return out.join('\n') + '\n';
}
