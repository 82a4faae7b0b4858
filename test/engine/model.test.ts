import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel, lint } from '../../server/src/engine';
import { variableRefs } from '../../server/src/engine/model';
import { initEngine } from '../../server/src/host/shellWasm';

const at = (r: { start: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}`;

describe('model', () => {
  before(() => initEngine());

  it('splits stages, resolves ARGs in FROM and marks the final stage', () => {
    const m = buildModel('ARG BASE=node\nARG TAG=20-slim\nFROM ${BASE}:${TAG} AS build\nRUN true\nFROM build AS test\nFROM gcr.io/distroless/nodejs20:nonroot@sha256:abc\n');
    assert.equal(m.stages.length, 3);
    assert.equal(m.stages[0].image.resolved, 'node:20-slim');
    assert.equal(m.stages[0].image.repository, 'node');
    assert.equal(m.stages[0].image.tag, '20-slim');
    assert.equal(m.stages[0].image.tagRange, null, 'no literal range when written with ARGs');
    assert.equal(m.stages[1].baseStage, m.stages[0]);
    assert.equal(m.stages[2].image.registry, 'gcr.io');
    assert.equal(m.stages[2].image.digest, 'sha256:abc');
    assert.equal(m.stages[2].isFinal, true);
    assert.equal(m.stages[0].isFinal, false);
  });

  it('leaves unknown ARGs unresolved', () => {
    const m = buildModel('ARG IMG\nFROM $IMG\n');
    assert.equal(m.stages[0].image.resolved, null);
    assert.deepEqual(m.stages[0].image.unresolved, ['IMG']);
  });

  it('tracks ARG and ENV scopes per instruction', () => {
    const m = buildModel('ARG V=1\nFROM alpine:3.20\nARG V\nENV HOME_DIR=/home/$V\nRUN true\n');
    const run = m.instructions[4];
    assert.equal(run.scope.get('V'), '1');
    assert.equal(run.scope.get('HOME_DIR'), '/home/1');
  });

  it('keeps a quoted ARG value with spaces whole (dockerfile-ast splits it at the space)', () => {
    const m = buildModel('ARG OPTS="-y  --no-install-recommends" B=2\nFROM debian:bookworm\nARG OPTS\nARG C=\'a b\'\nRUN apt-get install $OPTS curl\n');
    const run = m.instructions[4];
    assert.equal(run.scope.get('OPTS'), '-y  --no-install-recommends');
    assert.equal(m.globalScope.get('B'), '2');
    assert.equal(run.scope.get('C'), 'a b');
  });

  it('parses shell-form RUN across continuations and comment lines with exact positions', () => {
    const text = 'FROM debian:12\nRUN apt-get update && \\\n    # comment inside\n    sudo apt-get install -y curl | tee log; echo "$(nproc)"\n';
    const m = buildModel(text);
    const run = m.instructions[1];
    assert.equal(run.form, 'shell');
    const cmds = run.shell!.commands;
    assert.deepEqual(cmds.map((c) => c.name), ['apt-get', 'apt-get', 'tee', 'echo', 'nproc']);
    assert.deepEqual(cmds.map((c) => c.connector), [null, '&&', '|', ';', null]);
    assert.deepEqual(cmds[1].wrappers, ['sudo']);
    assert.equal(cmds[4].inSubstitution, true);
    // `curl` is on line 4 (1-based), column 29
    const curl = cmds[1].argv.find((w) => w.value === 'curl')!;
    assert.equal(at(curl.range), '4:29');
    assert.equal(m.lines.textOf(curl.range), 'curl');
  });

  it('parses heredoc RUN bodies and sh -c strings', () => {
    const m = buildModel('FROM alpine:3.20\nRUN <<EOF\napk add curl\nrm -rf /x\nEOF\nRUN sh -c \'pip install flask\'\n');
    assert.deepEqual(m.instructions[1].shell!.commands.map((c) => c.name), ['apk', 'rm']);
    assert.equal(at(m.instructions[1].shell!.commands[0].range), '3:1');
    const cmds = m.instructions[2].shell!.commands;
    assert.deepEqual(cmds.map((c) => c.name), ['sh', 'pip']);
    assert.equal(m.lines.textOf(cmds[1].argv[2].range), 'flask');
  });

  it('distinguishes exec and shell form and finds simple argv', () => {
    const m = buildModel('FROM alpine:3.20\nCMD ["node", "server.js"]\nCMD node server.js\nCMD node $APP\nENTRYPOINT [not json\n');
    assert.equal(m.instructions[1].form, 'exec');
    assert.deepEqual(m.instructions[1].json!.map((w) => w.value), ['node', 'server.js']);
    assert.deepEqual(m.instructions[2].shell!.simpleArgv, ['node', 'server.js']);
    assert.equal(m.instructions[3].shell!.simpleArgv, null);
    assert.equal(m.instructions[4].form, 'shell');
  });

  it('reads parser directives', () => {
    const m = buildModel('# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\nFROM alpine:3.20\n');
    assert.equal(m.directives.syntax, 'docker/dockerfile:1');
    assert.deepEqual(m.directives.check.skip, ['JSONArgsRecommended']);
    assert.equal(m.directives.check.error, true);
  });

  it('honours pragmas for the next instruction and globally', () => {
    const text = '# hadolint global ignore=DL3020\nFROM alpine:3.20\nADD a /a\n';
    assert.equal(lint(text).findings.filter((f) => f.code === 'DL3020').length, 0);
    const local = 'FROM alpine:3.20\n# layerwise ignore=add-instead-of-copy\nADD a /a\nADD b /b\n';
    assert.deepEqual(lint(local).findings.filter((f) => f.code === 'DL3020').map((f) => f.range.start.line), [3]);
    const check = 'FROM alpine:3.20\n# check=skip=DS-0005\nADD a /a\n\n# hadolint ignore=DL3020\n\nADD b /b\n';
    assert.deepEqual(lint(check).findings.filter((f) => f.code === 'DL3020').map((f) => f.range.start.line), [6], 'a blank line breaks the pragma');
  });

  it('survives malformed input', () => {
    for (const t of ['', '\n\n', 'FROM', 'RUN "unterminated', 'FROM a\nRUN <<EOF\nno end', 'CMD [', '\u0000\u0000', 'FROM x\nRUN $(( ', '# escape=`\nFROM x\nRUN a `\n b']) {
      const r = lint(t);
      assert.ok(Array.isArray(r.findings));
    }
  });

  it('finds variable references as dockerfile-ast does, without resolving each one against the whole stage', () => {
    const text = [
      'ARG TAG=1', 'FROM alpine:${TAG} AS a', 'ENV A=1 B=$A', 'COPY ${SRC:-.} $DEST/', "LABEL x='$NOT' y=\"$YES\"",
      'WORKDIR ${A}/\\$ESCAPED/${B:+set}', 'USER ${U', 'EXPOSE $P\\', '  $Q', 'ARG Z=${A}${B}',
    ].join('\n');
    const m = buildModel(text);
    const shape = (vs: { getName(): string; getNameRange(): unknown; getRange(): unknown; getModifier(): string | null; getSubstitutionParameter(): string | null }[]) =>
      vs.map((v) => ({ name: v.getName(), nameRange: v.getNameRange(), range: v.getRange(), modifier: v.getModifier(), sub: v.getSubstitutionParameter() }));
    let total = 0;
    for (const inst of m.instructions) {
      const ours = shape(variableRefs(inst));
      assert.deepEqual(ours, shape(inst.node.getVariables()), `line ${inst.range.start.line + 1}`);
      total += ours.length;
      assert.equal(variableRefs(inst), variableRefs(inst), 'computed once');
    }
    assert.ok(total >= 10, `found ${total} references`);
    // The stubs are gone afterwards: dockerfile-ast resolves again.
    const small = buildModel('FROM alpine:3.20\nENV A=1\nARG Z=${A}\n');
    assert.equal(variableRefs(small.instructions[2])[0].getName(), 'A');
    assert.equal(small.instructions[2].node.getVariables()[0].isDefined(), true);
  });
});
