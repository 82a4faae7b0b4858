import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { dependencyInstall, pipCall, runMounts } from '../../server/src/engine/deps';

const cmds = (run: string) => buildModel(`FROM a\nRUN ${run}\n`).instructions[1].shell!.commands;
const dep = (run: string) => {
  const d = dependencyInstall(cmds(run)[0].argv);
  return d && `${d.tool} ${d.word.value} ${d.manifests.join(',')}`;
};

describe('shell declarations and assignment values', () => {
  before(() => initEngine());

  it('records export/declare statements with unquoted assignment values, also inside sh -c', () => {
    const s = buildModel('FROM a\nRUN export A="1" B && readonly C=x; sh -c "export D=2"\n').instructions[1].shell!;
    assert.deepEqual(s.declarations.map((d) => [d.keyword, d.assignments.map((a) => a.value)]), [['export', ['A=1']], ['readonly', ['C=x']], ['export', ['D=2']]]);
  });

  it('gives command-prefix assignments their unquoted value and marks expansions dynamic', () => {
    const c = cmds('A="q r" B=$Y C= tool')[0];
    assert.deepEqual(c.assignments.map((a) => [a.value, a.dynamic]), [['A=q r', false], ['B=$Y', true], ['C=', false]]);
  });
});

describe('deps helpers', () => {
  before(() => initEngine());

  it('finds pip and its subcommand', () => {
    const sub = (run: string) => { const p = pipCall(cmds(run)[0].argv); return p && p.sub ? p.sub.value : null; };
    assert.equal(sub('pip install x'), 'install');
    assert.equal(sub('/opt/venv/bin/pip3 -q install x'), 'install');
    assert.equal(sub('python3.12 -u -m pip --proxy http://p:3128 install x'), 'install');
    assert.equal(sub('python -m venv v'), null);
    assert.equal(sub('pipx install x'), null);
    assert.equal(sub('pipenv install'), null);
  });

  it('parses RUN --mount values', () => {
    const inst = buildModel('FROM a\nRUN --mount=type=cache,target=/root/.npm,sharing=locked --mount=type=secret,id=t,dst="/run/t" --mount=source=.,target=/src true\n').instructions[1];
    assert.deepEqual(runMounts(inst).map((m) => [m.type, m.target, m.source, m.options.get('sharing') ?? null]), [
      ['cache', '/root/.npm', null, 'locked'], ['secret', '/run/t', null, null], ['bind', '/src', '.', null],
    ]);
  });

  it('knows which commands install dependencies from a manifest', () => {
    assert.equal(dep('npm ci'), 'npm ci package.json,package-lock.json');
    assert.equal(dep('npm install --omit=dev'), 'npm install package.json,package-lock.json');
    assert.equal(dep('npm install express'), null);
    assert.equal(dep('npm install -g pnpm'), null);
    assert.equal(dep('npm run build'), null);
    assert.equal(dep('yarn --frozen-lockfile'), 'yarn yarn package.json,yarn.lock');
    assert.equal(dep('yarn add left-pad'), null);
    assert.equal(dep('pnpm install --frozen-lockfile'), 'pnpm install package.json,pnpm-lock.yaml');
    assert.equal(dep('pip install --no-cache-dir -r requirements/prod.txt'), 'pip install requirements/prod.txt');
    assert.equal(dep('python -m pip install --requirement=req.txt'), 'pip install req.txt');
    assert.equal(dep('pip install flask'), null);
    assert.equal(dep('pip install .'), null);
    assert.equal(dep('poetry install --no-root'), 'poetry install pyproject.toml,poetry.lock');
    assert.equal(dep('uv sync --frozen'), 'uv sync pyproject.toml,uv.lock');
    assert.equal(dep('uv pip install -r requirements.txt'), 'uv install requirements.txt');
    assert.equal(dep('bundle install'), 'bundler install Gemfile,Gemfile.lock');
    assert.equal(dep('bundle exec rake'), null);
    assert.equal(dep('composer install --no-dev'), 'composer install composer.json,composer.lock');
    assert.equal(dep('go mod download'), 'go download go.mod,go.sum');
    assert.equal(dep('go build ./...'), null);
    assert.equal(dep('cargo fetch'), 'cargo fetch Cargo.toml,Cargo.lock');
    assert.equal(dep('cargo build --release'), null);
    assert.equal(dep('./mvnw -B dependency:go-offline'), 'maven dependency:go-offline pom.xml');
    assert.equal(dep('mvn package'), null);
    assert.equal(dep('dotnet restore'), 'dotnet restore *.csproj');
  });
});
