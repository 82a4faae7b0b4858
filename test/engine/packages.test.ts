import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { aptCalls, aptAssumesYes, aptNoRecommends, aptOperandKind, runMounts, removedDirs, cachesWritten, cachesRemoved } from '../../server/src/engine/packages';

function run(body: string, pre = '') {
  const m = buildModel(`FROM debian\n${pre}RUN ${body}\n`);
  return m.instructions[m.instructions.length - 1];
}

describe('packages', () => {
  before(() => initEngine());

  it('reads apt-get subcommand, options with values, operands', () => {
    const [c] = aptCalls(run('apt-get -o Dpkg::Use-Pty=0 -t bookworm-backports -yq install --target-release=x curl -c /etc/apt.conf git=1.2'));
    assert.equal(c.action, 'install');
    assert.deepEqual(c.operands.map((w) => w.value), ['curl', 'git=1.2']);
    assert.deepEqual(c.options.map((o) => [o.name, o.value]), [['o', 'Dpkg::Use-Pty=0'], ['t', 'bookworm-backports'], ['y', null], ['q', null], ['target-release', 'x'], ['c', '/etc/apt.conf']]);
    assert.equal(c.unknownWords, false);
  });

  it('knows -y, --yes, --assume-yes, -qq and -q=2', () => {
    const yes = (b: string) => aptAssumesYes(aptCalls(run(b))[0]);
    assert.equal(yes('apt-get install -y x'), true);
    assert.equal(yes('apt-get --assume-yes install x'), true);
    assert.equal(yes('apt-get -qq install x'), true);
    assert.equal(yes('apt-get -q=2 install x'), true);
    assert.equal(yes('apt-get -o APT::Get::Assume-Yes=true install x'), true);
    assert.equal(yes('apt-get -q install x'), false);
    assert.equal(yes('apt-get install x'), false);
  });

  it('resolves option words from ARG/ENV and marks unknown ones', () => {
    const known = aptCalls(run('apt-get install $OPTS x', 'ENV OPTS="--no-install-recommends -y"\n'))[0];
    assert.equal(aptNoRecommends(known), true);
    assert.equal(aptAssumesYes(known), true);
    assert.equal(known.unknownWords, false);
    assert.equal(aptCalls(run('apt-get install $(cat opts) x'))[0].unknownWords, true);
  });

  it('classifies operands', () => {
    assert.equal(aptOperandKind('curl'), 'name');
    assert.equal(aptOperandKind('curl=7.*'), 'version');
    assert.equal(aptOperandKind('curl/bookworm'), 'release');
    assert.equal(aptOperandKind('./x.deb'), 'file');
    assert.equal(aptOperandKind('vim-'), 'remove');
    assert.equal(aptOperandKind('libc6:i386'), 'name');
  });

  it('parses RUN --mount and removals', () => {
    const i = run('--mount=type=cache,target=/root/.cache/pip --mount=type=secret,id=x pip install x');
    assert.deepEqual(runMounts(i), [{ type: 'cache', target: '/root/.cache/pip' }, { type: 'secret', target: null }]);
    assert.deepEqual(cachesWritten(i.shell!.commands[0], i), []);
    const rm = run('rm -rf /var/lib/apt/lists/* ~/.npm/ "/var/cache/apt/"* /x/*.gz /').shell!.commands[0];
    assert.deepEqual(removedDirs(rm), ['/var/lib/apt/lists', '/root/.npm', '/var/cache/apt']);
    assert.deepEqual(removedDirs(run('rm -f /var/lib/apt/lists/*').shell!.commands[0]), [], 'not recursive');
    const r2 = run('rm -rf /var/cache/*');
    assert.deepEqual(cachesRemoved(r2.shell!.commands[0], r2).sort(), ['apk', 'apt-cache', 'rpm', 'zypper']);
  });
});
