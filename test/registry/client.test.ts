// The registry client against a real registry (Debian's docker-registry, started here on
// 127.0.0.1), anonymous and behind htpasswd basic auth, plus small local servers that play a
// token service, a redirecting registry, a rate-limiting one and one that never answers.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { RegistryClient, RegistryError, MANIFEST_MEDIA_TYPES } from '../../server/src/registry/client';
import {
  startRegistry, pushMultiPlatform, pushImage, recordingFetch, httpServer, silentServer, forward, freePort,
  writeDockerConfig, sha256, type Registry, type Pushed,
} from './harness';

async function rejects(p: Promise<unknown>, kind: string, message?: string | RegExp): Promise<RegistryError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof RegistryError, `expected a RegistryError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    assert.ok(!e.message.includes('\n'), 'one-line message');
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected a ${kind} error`);
}

/** Nothing secret in any form the error could be shown or logged in. */
function assertNoSecrets(e: Error, secrets: string[]): void {
  const forms = [e.message, String(e), e.stack ?? '', JSON.stringify(e), JSON.stringify(Object.assign({}, e))];
  for (const s of secrets) for (const f of forms) assert.ok(!f.includes(s), `secret leaked into ${f}`);
}

describe('RegistryClient against an anonymous registry', () => {
  let reg: Registry;
  let multi: { index: Pushed; amd64: Pushed; arm64: Pushed };
  let oci: Pushed;
  let docker: Pushed;

  before(async () => {
    reg = await startRegistry();
    multi = await pushMultiPlatform(reg, 'team/app', '1.0');
    oci = await pushImage(reg, 'team/single', 'oci', { os: 'linux', architecture: 'amd64' });
    docker = await pushImage(reg, 'team/single', 'docker', { os: 'linux', architecture: 'amd64' }, true);
  });
  after(async () => { await reg?.stop(); });

  it('returns the image index digest of a multi-platform tag (sha256 of the pushed index bytes)', async () => {
    const rec = recordingFetch();
    const client = new RegistryClient({ fetch: rec.fetch });
    const digest = await client.resolveDigest(`${reg.host}/team/app:1.0`);
    assert.equal(digest, sha256(multi.index.bytes));
    assert.equal(digest, multi.index.digest);
    assert.notEqual(digest, multi.amd64.digest);
    assert.notEqual(digest, multi.arm64.digest);
    // Loopback is insecure by default: HTTPS first (fails: plain HTTP server), then one HEAD over HTTP.
    assert.deepEqual(rec.calls.map((c) => `${c.method} ${c.url.split('://')[0]} ${c.status ?? 'error'}`), ['HEAD https error', 'HEAD http 200']);
    const accept = rec.calls[1].headers.accept;
    for (const t of MANIFEST_MEDIA_TYPES) assert.ok(accept.includes(t), `Accept lacks ${t}`);
    assert.ok(accept.indexOf('image.index') < accept.indexOf('oci.image.manifest'), 'index types first');
  });

  it('returns the manifest digest of single-platform OCI and Docker v2 images', async () => {
    const client = new RegistryClient();
    assert.equal(await client.resolveDigest(`${reg.host}/team/single:oci`), oci.digest);
    assert.equal(await client.resolveDigest(`${reg.host}/team/single:docker`), docker.digest);
    assert.notEqual(oci.digest, docker.digest);
  });

  it('remembers that the host speaks plain HTTP', async () => {
    const rec = recordingFetch();
    const client = new RegistryClient({ fetch: rec.fetch });
    await client.resolveDigest(`${reg.host}/team/single:oci`);
    await client.resolveDigest(`${reg.host}/team/single:docker`);
    assert.deepEqual(rec.calls.map((c) => c.url.split('://')[0]), ['https', 'http', 'http']);
  });

  it('unknown tag and unknown repository: not-found with the image in the message', async () => {
    const client = new RegistryClient();
    const e = await rejects(client.resolveDigest(`${reg.host}/team/app:nope`), 'not-found', `image or tag not found: ${reg.host}/team/app:nope`);
    assert.equal(e.status, 404);
    await rejects(client.resolveDigest(`${reg.host}/no/such-repo`), 'not-found', `image or tag not found: ${reg.host}/no/such-repo:latest`);
  });

  it('caches: a second lookup makes no request; another tag does', async () => {
    const rec = recordingFetch();
    const client = new RegistryClient({ fetch: rec.fetch });
    const a = await client.resolveDigest(`${reg.host}/team/app:1.0`);
    const n = rec.calls.length;
    assert.ok(n >= 1);
    assert.equal(await client.resolveDigest(`${reg.host}/team/app:1.0`), a);
    // The same image written differently is the same cache entry.
    assert.equal(await client.resolveDigest(`${reg.host.toUpperCase()}/team/app:1.0`), a);
    assert.equal(rec.calls.length, n);
    await client.resolveDigest(`${reg.host}/team/single:oci`);
    assert.equal(rec.calls.length, n + 1);
  });

  it('concurrent lookups of one tag share one request', async () => {
    const rec = recordingFetch();
    const client = new RegistryClient({ fetch: rec.fetch });
    const all = await Promise.all([1, 2, 3, 4].map(() => client.resolveDigest(`${reg.host}/team/app:1.0`)));
    assert.deepEqual(all, [multi.index.digest, multi.index.digest, multi.index.digest, multi.index.digest]);
    assert.equal(rec.calls.filter((c) => c.status === 200).length, 1);
  });

  it('cache entries expire after the TTL, so a moved tag is seen (and clearCache forgets at once)', async () => {
    // The clock is moved by hand: on a loaded machine a push can take longer than a short TTL.
    const realNow = Date.now;
    let skew = 0;
    Date.now = () => realNow() + skew;
    try {
      const first = await pushMultiPlatform(reg, 'team/moving', 'stable');
      const rec = recordingFetch();
      const client = new RegistryClient({ fetch: rec.fetch, cacheTtlMs: 60_000 });
      assert.equal(await client.resolveDigest(`${reg.host}/team/moving:stable`), first.index.digest);
      const second = await pushMultiPlatform(reg, 'team/moving', 'stable');
      assert.notEqual(second.index.digest, first.index.digest);
      assert.equal(await client.resolveDigest(`${reg.host}/team/moving:stable`), first.index.digest, 'still cached');
      skew += 60_001;
      assert.equal(await client.resolveDigest(`${reg.host}/team/moving:stable`), second.index.digest, 'expired');
      const third = await pushMultiPlatform(reg, 'team/moving', 'stable');
      client.clearCache();
      assert.equal(await client.resolveDigest(`${reg.host}/team/moving:stable`), third.index.digest, 'cleared');
    } finally {
      Date.now = realNow;
    }
  });

  it('without Docker-Content-Digest, falls back to GET and hashes the exact body', async () => {
    const proxy = await httpServer((req, res) => forward(reg, req, res, (h) => h.delete('docker-content-digest')));
    try {
      const rec = recordingFetch();
      const client = new RegistryClient({ fetch: rec.fetch });
      assert.equal(await client.resolveDigest(`127.0.0.1:${proxy.port}/team/app:1.0`), sha256(multi.index.bytes));
      assert.deepEqual(rec.calls.filter((c) => c.status !== null).map((c) => `${c.method} ${c.status}`), ['HEAD 200', 'GET 200']);
    } finally { await proxy.close(); }
  });

  it('when HEAD is refused (405), uses GET', async () => {
    const proxy = await httpServer((req, res) => {
      if (req.method === 'HEAD') { res.writeHead(405); res.end(); return; }
      return forward(reg, req, res);
    });
    try {
      const client = new RegistryClient();
      assert.equal(await client.resolveDigest(`127.0.0.1:${proxy.port}/team/app:1.0`), multi.index.digest);
      assert.deepEqual(proxy.requests.map((r) => r.method), ['HEAD', 'GET']);
    } finally { await proxy.close(); }
  });

  it('HTTPS only when the host is not listed as insecure', async () => {
    const rec = recordingFetch();
    const client = new RegistryClient({ fetch: rec.fetch, insecureRegistries: [] });
    await rejects(client.resolveDigest(`${reg.host}/team/app:1.0`), 'tls', /TLS connection to 127\.0\.0\.1:\d+ failed .*add it to insecureRegistries/);
    assert.ok(rec.calls.length >= 1);
    assert.ok(rec.calls.every((c) => c.url.startsWith('https://')), 'never plain HTTP');
  });

  it('an insecure entry with a port allows only that port', async () => {
    await rejects(new RegistryClient({ insecureRegistries: ['127.0.0.1:1'] }).resolveDigest(`${reg.host}/team/app:1.0`), 'tls');
    assert.equal(await new RegistryClient({ insecureRegistries: [reg.host] }).resolveDigest(`${reg.host}/team/app:1.0`), multi.index.digest);
  });

  it('times out on a server that never answers', async () => {
    const silent = await silentServer();
    try {
      const client = new RegistryClient({ timeoutMs: 300 });
      const t0 = Date.now();
      await rejects(client.resolveDigest(`127.0.0.1:${silent.port}/app:1`), 'timeout', `127.0.0.1:${silent.port} did not answer within 0.3 s (looking up 127.0.0.1:${silent.port}/app:1)`);
      const elapsed = Date.now() - t0;
      assert.ok(elapsed >= 250 && elapsed < 3000, `took ${elapsed} ms`);
      assert.ok(silent.connections() >= 1, 'the client did connect');
    } finally { await silent.close(); }
  });

  it('the caller can cancel', async () => {
    const silent = await silentServer();
    try {
      const ac = new AbortController();
      const p = new RegistryClient().resolveDigest(`127.0.0.1:${silent.port}/app:1`, { signal: ac.signal });
      setTimeout(() => ac.abort(), 50);
      await rejects(p, 'cancelled', `lookup of 127.0.0.1:${silent.port}/app:1 was cancelled`);
    } finally { await silent.close(); }
  });

  it('connection refused and DNS failure are network errors', async () => {
    const port = await freePort();
    await rejects(new RegistryClient().resolveDigest(`127.0.0.1:${port}/app:1`), 'network', `connection refused by 127.0.0.1:${port} while looking up 127.0.0.1:${port}/app:1`);
    await rejects(new RegistryClient({ timeoutMs: 30_000 }).resolveDigest('registry.invalid/app:1'), 'network', /^cannot resolve registry host registry\.invalid \(offline or DNS failure\)/);
  });

  it('429 is rate-limited with Retry-After; 5xx is a bad response', async () => {
    const srv = await httpServer((req, res) => {
      if (req.url!.includes('limited')) { res.writeHead(429, { 'retry-after': '42' }); res.end('{"errors":[{"code":"TOOMANYREQUESTS"}]}'); return; }
      res.writeHead(503); res.end();
    });
    try {
      const e = await rejects(new RegistryClient().resolveDigest(`127.0.0.1:${srv.port}/limited:1`), 'rate-limited',
        `rate limited by 127.0.0.1:${srv.port} while looking up 127.0.0.1:${srv.port}/limited:1 (HTTP 429); retry after 42 s`);
      assert.equal(e.retryAfterSeconds, 42);
      await rejects(new RegistryClient().resolveDigest(`127.0.0.1:${srv.port}/down:1`), 'bad-response', `127.0.0.1:${srv.port} answered HTTP 503 for 127.0.0.1:${srv.port}/down:1`);
    } finally { await srv.close(); }
  });

  it('rejects a malformed digest header and a schema 1 manifest', async () => {
    const srv = await httpServer((req, res) => {
      if (req.url!.includes('/v1img/')) { res.writeHead(200, { 'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws', 'docker-content-digest': sha256('x') }); res.end(); return; }
      res.writeHead(200, { 'content-type': MANIFEST_MEDIA_TYPES[0], 'docker-content-digest': 'sha256:nothex' }); res.end();
    });
    try {
      await rejects(new RegistryClient().resolveDigest(`127.0.0.1:${srv.port}/bad:1`), 'bad-response', /malformed Docker-Content-Digest/);
      await rejects(new RegistryClient().resolveDigest(`127.0.0.1:${srv.port}/v1img:1`), 'bad-response', /schema 1 manifest/);
    } finally { await srv.close(); }
  });

  it('an invalid reference fails before any request', async () => {
    const rec = recordingFetch();
    await rejects(new RegistryClient({ fetch: rec.fetch }).resolveDigest('Bad/Name:1'), 'invalid-reference', /invalid image reference "Bad\/Name:1"/);
    assert.equal(rec.calls.length, 0);
  });

  describe('token auth (a Bearer token service in front of the registry)', () => {
    let front: Awaited<ReturnType<typeof httpServer>>;
    let requireBasic: string | null = null;
    const tokenQueries: URLSearchParams[] = [];
    const tokenAuth: (string | undefined)[] = [];
    before(async () => {
      front = await httpServer((req, res, self) => {
        const url = new URL(req.url!, 'http://x');
        if (url.pathname === '/token') {
          tokenQueries.push(url.searchParams);
          tokenAuth.push(req.headers.authorization);
          if (requireBasic !== null && req.headers.authorization !== requireBasic) { res.writeHead(401); res.end(); return; }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ token: 'tok-SECRET-123', expires_in: 300 }));
          return;
        }
        if (req.headers.authorization !== 'Bearer tok-SECRET-123') {
          const repo = url.pathname.replace(/^\/v2\//, '').replace(/\/manifests\/.*$/, '');
          res.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${self.port}/token",service="layerwise-test",scope="repository:${repo}:pull"` });
          res.end();
          return;
        }
        return forward(reg, req, res);
      });
    });
    after(async () => { await front?.close(); });

    it('gets an anonymous token with service and scope, then reuses it', async () => {
      requireBasic = null;
      tokenQueries.length = 0; tokenAuth.length = 0;
      const client = new RegistryClient();
      assert.equal(await client.resolveDigest(`127.0.0.1:${front.port}/team/app:1.0`), multi.index.digest);
      assert.equal(tokenQueries.length, 1);
      assert.equal(tokenQueries[0].get('service'), 'layerwise-test');
      assert.equal(tokenQueries[0].get('scope'), 'repository:team/app:pull');
      assert.equal(tokenAuth[0], undefined, 'anonymous');
      const before = front.requests.length;
      assert.equal(await client.resolveDigest(`127.0.0.1:${front.port}/team/app:nope`).catch((e: RegistryError) => e.kind), 'not-found');
      assert.equal(tokenQueries.length, 1, 'token reused');
      assert.equal(front.requests.length, before + 1, 'one request with the cached token');
    });

    it('sends the Docker config credentials to the token service in a trusted workspace only', async () => {
      requireBasic = `Basic ${Buffer.from('tokuser:tok-PASS-9').toString('base64')}`;
      const cfg = writeDockerConfig({ [`127.0.0.1:${front.port}`]: { auth: Buffer.from('tokuser:tok-PASS-9').toString('base64') } });
      try {
        tokenAuth.length = 0;
        await rejects(new RegistryClient({ dockerConfigDir: cfg.dir }).resolveDigest(`127.0.0.1:${front.port}/team/app:1.0`), 'auth',
          `authentication required to read 127.0.0.1:${front.port}/team/app:1.0 (HTTP 401); credentials are only read from the Docker config in a trusted workspace`);
        assert.deepEqual(tokenAuth, [undefined]);
        assert.equal(await new RegistryClient({ dockerConfigDir: cfg.dir, trustedWorkspace: true }).resolveDigest(`127.0.0.1:${front.port}/team/app:1.0`), multi.index.digest);
        assert.equal(tokenAuth[1], requireBasic);
      } finally { cfg.remove(); }
    });

    it('rejected credentials: auth error without secrets', async () => {
      requireBasic = `Basic ${Buffer.from('tokuser:right').toString('base64')}`;
      const b64 = Buffer.from('tokuser:wrong-PASS-7').toString('base64');
      const cfg = writeDockerConfig({ [`127.0.0.1:${front.port}`]: { auth: b64 } });
      try {
        const e = await rejects(new RegistryClient({ dockerConfigDir: cfg.dir, trustedWorkspace: true }).resolveDigest(`127.0.0.1:${front.port}/team/app:1.0`), 'auth',
          `the token service of 127.0.0.1:${front.port} rejected the credentials from the Docker config for 127.0.0.1:${front.port}/team/app:1.0 (HTTP 401)`);
        assertNoSecrets(e, ['wrong-PASS-7', b64, 'tokuser', 'tok-SECRET-123']);
      } finally { cfg.remove(); }
    });
  });
});

describe('RegistryClient against a registry with htpasswd basic auth', () => {
  const USER = 'alice';
  const PASS = 'pa55-SECRET-w0rd';
  const b64 = Buffer.from(`${USER}:${PASS}`).toString('base64');
  let reg: Registry;
  let multi: { index: Pushed };
  let cfg: ReturnType<typeof writeDockerConfig>;

  before(async () => {
    reg = await startRegistry({ user: USER, password: PASS });
    multi = await pushMultiPlatform(reg, 'private/app', '2');
    await pushImage(reg, 'private/app', '2-amd64', { os: 'linux', architecture: 'amd64' });
    cfg = writeDockerConfig({ [reg.host]: { auth: b64 } });
  });
  after(async () => {
    cfg?.remove();
    await reg?.stop();
  });

  it('untrusted workspace: auth required, and no credentials are sent', async () => {
    const rec = recordingFetch();
    await rejects(new RegistryClient({ fetch: rec.fetch, dockerConfigDir: cfg.dir }).resolveDigest(`${reg.host}/private/app:2`), 'auth',
      `authentication required to read ${reg.host}/private/app:2 (HTTP 401); credentials are only read from the Docker config in a trusted workspace`);
    assert.ok(rec.calls.some((c) => c.status === 401));
    assert.ok(rec.calls.every((c) => c.headers.authorization === undefined));
  });

  it('trusted workspace: basic credentials from the Docker config; sent up front afterwards', async () => {
    const rec = recordingFetch();
    const client = new RegistryClient({ fetch: rec.fetch, dockerConfigDir: cfg.dir, trustedWorkspace: true });
    assert.equal(await client.resolveDigest(`${reg.host}/private/app:2`), multi.index.digest);
    const answered = rec.calls.filter((c) => c.status !== null);
    assert.deepEqual(answered.map((c) => c.status), [401, 200]);
    assert.equal(answered[1].headers.authorization, `Basic ${b64}`);
    const n = rec.calls.length;
    await client.resolveDigest(`${reg.host}/private/app:2-amd64`);
    assert.equal(rec.calls.length, n + 1, 'no second challenge');
  });

  it('DOCKER_CONFIG is honoured when no directory is passed', async () => {
    const saved = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = cfg.dir;
    try {
      assert.equal(await new RegistryClient({ trustedWorkspace: true }).resolveDigest(`${reg.host}/private/app:2`), multi.index.digest);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_CONFIG; else process.env.DOCKER_CONFIG = saved;
    }
  });

  it('trusted but no entry for the host: says so', async () => {
    const other = writeDockerConfig({ 'ghcr.io': { auth: b64 } });
    try {
      await rejects(new RegistryClient({ dockerConfigDir: other.dir, trustedWorkspace: true }).resolveDigest(`${reg.host}/private/app:2`), 'auth',
        `authentication required to read ${reg.host}/private/app:2 (HTTP 401); no credentials for ${reg.host} in the Docker config (docker login ${reg.host}; credential helpers are not supported)`);
    } finally { other.remove(); }
  });

  it('wrong password: auth error that contains no secret', async () => {
    const badB64 = Buffer.from(`${USER}:WRONG-hunter2`).toString('base64');
    const bad = writeDockerConfig({ [reg.host]: { auth: badB64 } });
    try {
      const e = await rejects(new RegistryClient({ dockerConfigDir: bad.dir, trustedWorkspace: true }).resolveDigest(`${reg.host}/private/app:2`), 'auth',
        `${reg.host} rejected the credentials from the Docker config for ${reg.host}/private/app:2 (HTTP 401)`);
      assertNoSecrets(e, ['WRONG-hunter2', badB64, USER]);
    } finally { bad.remove(); }
  });

  it('404 behind auth is still not-found', async () => {
    await rejects(new RegistryClient({ dockerConfigDir: cfg.dir, trustedWorkspace: true }).resolveDigest(`${reg.host}/private/app:9`), 'not-found', `image or tag not found: ${reg.host}/private/app:9`);
  });
});

describe('redirects', () => {
  const AUTH = `Basic ${Buffer.from('bob:redirect-PASS').toString('base64')}`;
  const DIGEST = sha256('the manifest');
  let target: Awaited<ReturnType<typeof httpServer>>;
  let origin: Awaited<ReturnType<typeof httpServer>>;
  let cfg: ReturnType<typeof writeDockerConfig>;

  before(async () => {
    target = await httpServer((req, res) => {
      res.writeHead(200, { 'content-type': MANIFEST_MEDIA_TYPES[0], 'docker-content-digest': DIGEST });
      res.end();
    });
    origin = await httpServer((req, res, self) => {
      if (req.headers.authorization !== AUTH) { res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }); res.end(); return; }
      const url = req.url!;
      if (url.endsWith('/manifests/cross')) { res.writeHead(307, { location: `http://localhost:${target.port}/v2/app/manifests/cross` }); res.end(); return; }
      if (url.endsWith('/manifests/same')) { res.writeHead(302, { location: '/v2/app/manifests/same-real' }); res.end(); return; }
      if (url.endsWith('/manifests/same-real')) { res.writeHead(200, { 'content-type': MANIFEST_MEDIA_TYPES[0], 'docker-content-digest': DIGEST }); res.end(); return; }
      if (url.endsWith('/manifests/loop')) { res.writeHead(307, { location: `http://127.0.0.1:${self.port}/v2/app/manifests/loop` }); res.end(); return; }
      res.writeHead(404); res.end();
    });
    cfg = writeDockerConfig({ [`127.0.0.1:${origin.port}`]: { auth: AUTH.slice('Basic '.length) } });
  });
  after(async () => {
    cfg?.remove();
    await target?.close();
    await origin?.close();
  });

  it('drops Authorization when a redirect leaves the host', async () => {
    target.requests.length = 0;
    const client = new RegistryClient({ dockerConfigDir: cfg.dir, trustedWorkspace: true });
    assert.equal(await client.resolveDigest(`127.0.0.1:${origin.port}/app:cross`), DIGEST);
    assert.equal(target.requests.length, 1);
    assert.equal(target.requests[0].headers.authorization, undefined);
    assert.ok(origin.requests.some((r) => r.url.endsWith('/cross') && r.headers.authorization === AUTH), 'the origin did get the credentials');
  });

  it('keeps Authorization on a same-host redirect', async () => {
    origin.requests.length = 0;
    const client = new RegistryClient({ dockerConfigDir: cfg.dir, trustedWorkspace: true });
    assert.equal(await client.resolveDigest(`127.0.0.1:${origin.port}/app:same`), DIGEST);
    const real = origin.requests.filter((r) => r.url.endsWith('/same-real'));
    assert.equal(real.length, 1);
    assert.equal(real[0].headers.authorization, AUTH);
  });

  it('refuses a redirect to plain HTTP on a host that is not insecure', async () => {
    target.requests.length = 0;
    const client = new RegistryClient({ dockerConfigDir: cfg.dir, trustedWorkspace: true, insecureRegistries: ['127.0.0.1'] });
    await rejects(client.resolveDigest(`127.0.0.1:${origin.port}/app:cross`), 'insecure',
      `refusing plain HTTP to localhost:${target.port} (not in insecureRegistries) while reading 127.0.0.1:${origin.port}/app:cross`);
    assert.equal(target.requests.length, 0);
  });

  it('stops after too many redirects', async () => {
    const client = new RegistryClient({ dockerConfigDir: cfg.dir, trustedWorkspace: true });
    await rejects(client.resolveDigest(`127.0.0.1:${origin.port}/app:loop`), 'bad-response', `too many redirects from 127.0.0.1:${origin.port} for 127.0.0.1:${origin.port}/app:loop`);
  });
});
