// Image reference parsing and normalisation, Docker config credential lookup, challenges.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseReference, familiarName, canonicalName, splitWritten, InvalidReferenceError } from '../../server/src/registry/reference';
import { readDockerCredentials, parseChallenge } from '../../server/src/registry/client';
import { writeDockerConfig } from './harness';

const D = 'sha256:' + 'ab'.repeat(32);

describe('parseReference', () => {
  const cases: [string, { registry: string; repository: string; tag: string | null; explicitTag: boolean; digest: string | null }][] = [
    ['node', { registry: 'registry-1.docker.io', repository: 'library/node', tag: 'latest', explicitTag: false, digest: null }],
    ['node:20', { registry: 'registry-1.docker.io', repository: 'library/node', tag: '20', explicitTag: true, digest: null }],
    ['bitnami/redis:7.2', { registry: 'registry-1.docker.io', repository: 'bitnami/redis', tag: '7.2', explicitTag: true, digest: null }],
    ['docker.io/node', { registry: 'registry-1.docker.io', repository: 'library/node', tag: 'latest', explicitTag: false, digest: null }],
    ['docker.io/library/node:20-slim', { registry: 'registry-1.docker.io', repository: 'library/node', tag: '20-slim', explicitTag: true, digest: null }],
    ['index.docker.io/x/y', { registry: 'registry-1.docker.io', repository: 'x/y', tag: 'latest', explicitTag: false, digest: null }],
    ['registry-1.docker.io/alpine:3', { registry: 'registry-1.docker.io', repository: 'library/alpine', tag: '3', explicitTag: true, digest: null }],
    ['ghcr.io/owner/repo/sub:v1.2.3', { registry: 'ghcr.io', repository: 'owner/repo/sub', tag: 'v1.2.3', explicitTag: true, digest: null }],
    ['quay.io/prometheus/node-exporter', { registry: 'quay.io', repository: 'prometheus/node-exporter', tag: 'latest', explicitTag: false, digest: null }],
    ['mcr.microsoft.com/dotnet/sdk:8.0', { registry: 'mcr.microsoft.com', repository: 'dotnet/sdk', tag: '8.0', explicitTag: true, digest: null }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app', tag: 'latest', explicitTag: false, digest: null }],
    ['localhost/app:1', { registry: 'localhost', repository: 'app', tag: '1', explicitTag: true, digest: null }],
    ['127.0.0.1:5055/team/app:1.0', { registry: '127.0.0.1:5055', repository: 'team/app', tag: '1.0', explicitTag: true, digest: null }],
    ['[::1]:5000/app:2', { registry: '[::1]:5000', repository: 'app', tag: '2', explicitTag: true, digest: null }],
    ['Registry.Example.COM:443/a/b', { registry: 'registry.example.com:443', repository: 'a/b', tag: 'latest', explicitTag: false, digest: null }],
    [`node@${D}`, { registry: 'registry-1.docker.io', repository: 'library/node', tag: null, explicitTag: false, digest: D }],
    [`node:20@${D}`, { registry: 'registry-1.docker.io', repository: 'library/node', tag: '20', explicitTag: true, digest: D }],
    ['my_org/my__app-x.y:t_1', { registry: 'registry-1.docker.io', repository: 'my_org/my__app-x.y', tag: 't_1', explicitTag: true, digest: null }],
  ];
  for (const [input, want] of cases) {
    it(input, () => assert.deepEqual(parseReference(input), want));
  }

  const bad: [string, RegExp][] = [
    ['', /empty/],
    ['Node:20', /lower-case/],
    ['node:', /bad tag/],
    ['node:a/b', /bad registry port/],
    ['node@sha256:abc', /bad digest/],
    [`node@sha256:${'AB'.repeat(32)}`, /64 lower-case hex/],
    ['ghcr.io:99999/x', /bad registry port/],
    ['-bad.host:5000/x', /bad registry host/],
    ['a b', /white space/],
    ['${IMAGE}', /unexpanded variable/],
    ['/x', /starts with/],
    ['node::1', /bad tag|bad path/],
  ];
  for (const [input, re] of bad) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(() => parseReference(input), (e: unknown) => e instanceof InvalidReferenceError && re.test(e.message) && !e.message.includes('\n'));
    });
  }

  it('familiar and canonical names', () => {
    assert.equal(familiarName(parseReference('docker.io/library/node:20')), 'node:20');
    assert.equal(familiarName(parseReference('bitnami/redis')), 'bitnami/redis:latest');
    assert.equal(familiarName(parseReference('ghcr.io/o/r:1')), 'ghcr.io/o/r:1');
    assert.equal(canonicalName(parseReference('node')), 'docker.io/library/node:latest');
    assert.equal(canonicalName(parseReference(`localhost:5000/app@${D}`)), `localhost:5000/app@${D}`);
  });

  it('splitWritten keeps the text as written', () => {
    assert.deepEqual(splitWritten('127.0.0.1:5000/app'), { name: '127.0.0.1:5000/app', tag: null, digest: null });
    assert.deepEqual(splitWritten(`127.0.0.1:5000/app:1@${D}`), { name: '127.0.0.1:5000/app', tag: '1', digest: D });
    assert.deepEqual(splitWritten('node:20'), { name: 'node', tag: '20', digest: null });
  });
});

describe('readDockerCredentials', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  it('matches hosts, schemes, paths and Docker Hub aliases; ignores entries without auth', () => {
    const cfg = writeDockerConfig({
      'https://index.docker.io/v1/': { auth: b64('hubuser:hub:pass') },
      'http://127.0.0.1:5055/v2/': { auth: b64('local:pw') },
      'ghcr.io': { username: 'gh', password: 'tok' },
      'quay.io': { identitytoken: 'x' },
    });
    try {
      assert.deepEqual(readDockerCredentials('registry-1.docker.io', cfg.dir), { username: 'hubuser', password: 'hub:pass' });
      assert.deepEqual(readDockerCredentials('docker.io', cfg.dir), { username: 'hubuser', password: 'hub:pass' });
      assert.deepEqual(readDockerCredentials('127.0.0.1:5055', cfg.dir), { username: 'local', password: 'pw' });
      assert.equal(readDockerCredentials('127.0.0.1:5056', cfg.dir), undefined);
      assert.deepEqual(readDockerCredentials('ghcr.io', cfg.dir), { username: 'gh', password: 'tok' });
      assert.equal(readDockerCredentials('quay.io', cfg.dir), undefined);
    } finally { cfg.remove(); }
  });
  it('a missing or broken file means no credentials', () => {
    assert.equal(readDockerCredentials('ghcr.io', '/nonexistent/layerwise'), undefined);
  });
});

describe('parseChallenge', () => {
  it('Bearer with quoted parameters', () => {
    assert.deepEqual(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"'), {
      scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/node:pull' },
    });
  });
  it('Basic', () => {
    assert.deepEqual(parseChallenge('Basic realm="layerwise-test"'), { scheme: 'basic', params: { realm: 'layerwise-test' } });
  });
  it('absent', () => assert.equal(parseChallenge(null), null));
});
