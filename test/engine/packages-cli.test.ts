import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import {
  apkCall, npmCall, gemCall, goCall, yarnCall, isYarnInstall, npmOperandPinned, apkOperandPinned, gemOperandPinned,
  goRemoteOperand, goOperandVersion, copiedFromContext, npmSupportsOmit, hasCliOption, cliOptionValue, NPM_LOCKFILES,
} from '../../server/src/engine/packages';
import { pipCall, pipInstallArgs, pipRequirementPinned } from '../../server/src/engine/deps';

function lastRun(text: string) {
  const m = buildModel(text);
  return m.instructions[m.instructions.length - 1];
}
function cmd(body: string, pre = '') {
  const inst = lastRun(`FROM alpine\n${pre}RUN ${body}\n`);
  return { inst, argv: inst.shell!.commands[0].argv };
}

describe('packages: CLI readers', () => {
  before(() => initEngine());

  it('reads apk global options, option values and operands', () => {
    const { argv, inst } = cmd('apk --no-cache -X https://r add -t .deps --virtual=.v gcc musl-dev=1.2');
    const c = apkCall(argv, inst)!;
    assert.equal(c.action, 'add');
    assert.deepEqual(c.operands.map((w) => w.value), ['gcc', 'musl-dev=1.2']);
    assert.equal(cliOptionValue(c, 't'), '.deps');
    assert.equal(cliOptionValue(c, 'virtual'), '.v');
    assert.equal(hasCliOption(c, 'no-cache'), true);
    assert.equal(apkOperandPinned('musl-dev=1.2'), true);
    assert.equal(apkOperandPinned('curl@edge'), false);
  });

  it('reads option words from variables with known values, and marks unknown ones', () => {
    const known = cmd('apk add $OPTS curl', 'ENV OPTS="--no-cache -q"\n');
    const c = apkCall(known.argv, known.inst)!;
    assert.equal(hasCliOption(c, 'no-cache'), true);
    assert.equal(c.dynamic, false);
    const unknown = cmd('apk add $OPTS curl');
    assert.equal(apkCall(unknown.argv, unknown.inst)!.dynamic, true);
  });

  it('npm: install operands and pins', () => {
    const { argv } = cmd('npm --prefix /x i --loglevel warn -g a@1 @s/b');
    const c = npmCall(argv)!;
    assert.equal(c.action, 'i');
    assert.deepEqual(c.operands.map((w) => w.value), ['a@1', '@s/b']);
    for (const v of ['a@1.2.3', '@s/b@^2', 'x.tgz', './lib', 'git+ssh://h/r.git#abc', 'u/r#v1', 'a@v1.0.0']) assert.equal(npmOperandPinned(v), true, v);
    for (const v of ['a', '@s/b', 'a@latest', 'a@next', 'u/r', 'git+https://h/r.git', 'https://h/x']) assert.equal(npmOperandPinned(v), false, v);
  });

  it('yarn: bare yarn and install', () => {
    assert.equal(isYarnInstall(yarnCall(cmd('yarn --frozen-lockfile').argv)!), true);
    assert.equal(isYarnInstall(yarnCall(cmd('yarn build').argv)!), false);
    assert.equal(cliOptionValue(yarnCall(cmd('yarn install --cache-folder /c').argv)!, 'cache-folder'), '/c');
  });

  it('gem: stops at --, reads -v', () => {
    const c = gemCall(cmd('gem install -N mysql2 -- --with-x=y z').argv)!;
    assert.deepEqual(c.operands.map((w) => w.value), ['mysql2']);
    assert.equal(hasCliOption(gemCall(cmd('gem i rails -v7.1').argv)!, 'v'), true);
    assert.equal(gemOperandPinned('rails:7.1'), true);
    assert.equal(gemOperandPinned('rails'), false);
  });

  it('go: flags with values, go run arguments, remote modules', () => {
    const c = goCall(cmd('go install -ldflags "-s -w" -o /b github.com/a/b@v1').argv)!;
    assert.deepEqual(c.operands.map((w) => w.value), ['github.com/a/b@v1']);
    const r = goCall(cmd('go run -race example.com/gen@v2 a b').argv)!;
    assert.deepEqual(r.operands.map((w) => w.value), ['example.com/gen@v2']);
    assert.equal(goRemoteOperand('golang.org/x/tools/gopls'), true);
    for (const v of ['.', './cmd/x', './...', 'fmt', 'cmd/vet', 'main.go']) assert.equal(goRemoteOperand(v), false, v);
    assert.equal(goOperandVersion('a.b/c@latest'), 'latest');
    assert.equal(goOperandVersion('a.b/c'), null);
  });

  it('pip install arguments and pins', () => {
    const { argv } = cmd('pip install -Ur req.txt -c c.txt --index-url https://i -e ./lib flask x==1');
    const a = pipInstallArgs(argv, pipCall(argv)!);
    assert.deepEqual(a.packages.map((w) => w.value), ['flask', 'x==1']);
    assert.deepEqual(a.requirements.map((w) => w.value), ['req.txt']);
    assert.equal(a.constrained, true);
    for (const v of ['x==1', 'x>=1', '.', './p', 'a.whl', 'git+https://h/r@v1', 'p @ https://h/p.whl']) assert.equal(pipRequirementPinned(v), true, v);
    for (const v of ['x', 'x[extra]', 'git+https://h/r']) assert.equal(pipRequirementPinned(v), false, v);
  });

  it('finds lockfiles copied from the context, and npm versions of node images', () => {
    const inst = lastRun('FROM node:20 AS a\nCOPY ["package.json", "package-lock.json*", "./"]\nFROM a\nRUN npm ci\n');
    assert.equal(copiedFromContext(inst, NPM_LOCKFILES), true);
    assert.equal(copiedFromContext(lastRun('FROM node:20\nCOPY --from=x package-lock.json ./\nRUN npm ci\n'), NPM_LOCKFILES), false);
    assert.equal(copiedFromContext(lastRun('FROM node:20\nCOPY pack[a-z]ge-lock.json ./\nRUN npm ci\n'), NPM_LOCKFILES), true);
    const omit = (from: string) => npmSupportsOmit(lastRun(`FROM ${from}\nRUN true\n`).stage);
    assert.equal(omit('node:20-alpine'), true);
    assert.equal(omit('node:lts-slim'), true);
    assert.equal(omit('node'), true);
    assert.equal(omit('node:14'), false);
    assert.equal(omit('node:fermium'), false);
    assert.equal(omit('debian:bookworm'), false);
  });
});
