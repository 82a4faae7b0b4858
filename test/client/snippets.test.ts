// Every snippet in client/snippets/dockerfile.json, inserted with its defaults, is a
// multi-stage Dockerfile that follows the practices the rules check: the engine, with every
// rule that is on by default, reports nothing at warning or error level.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { isRootUser } from '../../server/src/engine/user';
import { expandSnippet } from '../helpers/snippet';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FILE = path.join(ROOT, 'client', 'snippets', 'dockerfile.json');

interface Snippet { prefix: string | string[]; body: string | string[]; description: string }
const snippets = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, Snippet>;

describe('snippet expansion helper', () => {
  it('fills placeholders, mirrors, choices, variables and escapes', () => {
    assert.equal(expandSnippet('FROM ${1:node}:${2:22} AS $3${3:build}\nCOPY --from=$3 a b$0'), 'FROM node:22 AS buildbuild\nCOPY --from=build a b');
    assert.equal(expandSnippet('${1|debian,alpine|}-${1}'), 'debian-debian');
    assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
    assert.equal(expandSnippet('ENV PATH=\\$PATH \\\\ \\}'), 'ENV PATH=$PATH \\ }');
    assert.equal(expandSnippet('$TM_FILENAME ${WORKSPACE_NAME} ${NOPE:fallback} $NOPE2 cost $ 5'), 'Dockerfile app fallback NOPE2 cost $ 5');
    assert.equal(expandSnippet(['a', 'b']), 'a\nb');
    assert.throws(() => expandSnippet('${1/a/b/}'), /transforms/);
    assert.throws(() => expandSnippet('${1:open'), /unterminated/);
  });
});

describe('snippets', () => {
  before(() => initEngine());

  it('are well-formed: prefix, body and description, unique lw-* prefixes', () => {
    const names = Object.keys(snippets);
    assert.ok(names.length >= 4, 'expected at least the go, node, python and java templates');
    const seen = new Set<string>();
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.startsWith('lw-')), `${name}: prefix`);
      for (const p of prefixes) { assert.ok(!seen.has(p), `duplicate prefix ${p}`); seen.add(p); }
      assert.ok(typeof s.description === 'string' && s.description.length > 20, `${name}: description`);
      assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'), `${name}: body is an array of lines`);
    }
    for (const p of ['lw-go', 'lw-node', 'lw-python', 'lw-java']) assert.ok(seen.has(p), `missing ${p} (the README names it)`);
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`${s.prefix}: multi-stage, pinned tags, non-root, exec form`, () => {
      const text = expandSnippet(s.body);
      assert.match(text, /^# syntax=docker\/dockerfile:1\n/, 'starts with the BuildKit syntax directive');
      assert.ok(!/\$\{?\d/.test(text), 'no placeholder left');
      const model = buildModel(text);
      assert.ok(model.stages.length >= 2, `${name}: multi-stage`);
      for (const st of model.stages) {
        assert.ok(st.image.tag && st.image.tag !== 'latest', `${name}: FROM ${st.image.text} has a specific tag`);
      }
      const final = model.stages[model.stages.length - 1];
      const users = final.instructions.filter((i) => i.keyword === 'USER');
      assert.ok(users.length > 0 && !isRootUser(users[users.length - 1].args[0].value), `${name}: final stage runs as non-root`);
      const start = final.instructions.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
      assert.ok(start.length > 0 && start.every((i) => i.form === 'exec'), `${name}: exec-form CMD/ENTRYPOINT`);
      assert.ok(!model.instructions.some((i) => i.keyword === 'ADD'), `${name}: COPY, not ADD`);
      for (const st of model.stages) {
        const kw = st.instructions.map((i) => i.keyword);
        for (let k = 1; k < kw.length; k++) assert.ok(!(kw[k] === 'RUN' && kw[k - 1] === 'RUN'), `${name}: consecutive RUNs in stage ${st.index}`);
      }
    });

    it(`${s.prefix}: no warning or error from any rule on by default`, (t) => {
      const text = expandSnippet(s.body);
      const { findings, ruleErrors } = lint(text);
      assert.deepEqual(ruleErrors, [], `${name}: a rule threw`);
      const where = (f: (typeof findings)[number]) => `${f.severity} ${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`;
      const bad = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(bad.map(where), [], `${name} (${s.prefix}) fires:\n${text}`);
      const other = findings.map(where);
      if (other.length) t.diagnostic(`${s.prefix} info/hint: ${other.join('; ')}`);
    });
  }
});
