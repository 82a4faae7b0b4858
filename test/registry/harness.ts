// A real OCI registry for the registry tests: Debian's `docker-registry` (CNCF distribution
// 2.8) started on 127.0.0.1 with a temporary config and filesystem storage, optionally behind
// htpasswd basic auth. Images are pushed with plain distribution API calls. Also small local
// HTTP/TCP servers that play misbehaving registries. Nothing here runs at import time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FetchLike } from '../../server/src/registry/client';

export const INSTALL_HINT = 'install it with: apt-get install -y docker-registry apache2-utils (the registry tests need a real registry and do not skip)';

export const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function onPath(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export interface Registry {
  port: number;
  /** `127.0.0.1:PORT`, what image references use. */
  host: string;
  /** Authorization header for pushes (basic-auth registries only). */
  authHeader?: string;
  stop(): Promise<void>;
  logs(): string;
}

export async function startRegistry(opts: { user?: string; password?: string } = {}): Promise<Registry> {
  const bin = onPath('docker-registry');
  if (!bin) throw new Error(`docker-registry is not on PATH; ${INSTALL_HINT}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-registry-'));
  let authSection = '';
  let authHeader: string | undefined;
  if (opts.user !== undefined) {
    const htpasswd = onPath('htpasswd');
    if (!htpasswd) throw new Error(`htpasswd (apache2-utils) is not on PATH; ${INSTALL_HINT}`);
    const r = spawnSync(htpasswd, ['-Bbn', opts.user, opts.password ?? ''], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`htpasswd failed: ${r.stderr}`);
    fs.writeFileSync(path.join(dir, 'htpasswd'), r.stdout);
    authSection = `auth:\n  htpasswd:\n    realm: layerwise-test\n    path: ${path.join(dir, 'htpasswd')}\n`;
    authHeader = `Basic ${Buffer.from(`${opts.user}:${opts.password ?? ''}`).toString('base64')}`;
  }
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const config = path.join(dir, 'config.yml');
    fs.writeFileSync(config, [
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      `  secret: ${randomBytes(16).toString('hex')}`,
      authSection,
    ].join('\n'));
    const child = spawn(bin, ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => { output += d; });
    child.stderr!.on('data', (d) => { output += d; });
    let exited = false;
    child.on('exit', () => { exited = true; });
    const deadline = Date.now() + 15_000;
    let up = false;
    while (!exited && Date.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/v2/`);
        await res.body?.cancel();
        if (res.status === 200 || res.status === 401) { up = true; break; }
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 50));
    }
    if (up) {
      return {
        port, host: `127.0.0.1:${port}`, authHeader,
        logs: () => output,
        stop: () => stopChild(child).then(() => fs.rmSync(dir, { recursive: true, force: true })),
      };
    }
    lastError = output.slice(-2000);
    await stopChild(child);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  throw new Error(`docker-registry did not start: ${lastError}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5000);
  await done;
  clearTimeout(t);
}

// --- pushing over the distribution API -------------------------------------------------------

async function call(reg: Registry, method: string, url: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Response> {
  const h: Record<string, string> = { ...headers };
  if (reg.authHeader) h.authorization = reg.authHeader;
  const full = url.startsWith('http') ? url : `http://${reg.host}${url}`;
  return fetch(full, { method, headers: h, body });
}

export async function pushBlob(reg: Registry, name: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const start = await call(reg, 'POST', `/v2/${name}/blobs/uploads/`);
  await start.body?.cancel();
  if (start.status !== 202) throw new Error(`blob upload start: HTTP ${start.status}`);
  const loc = new URL(start.headers.get('location')!, `http://${reg.host}`);
  loc.searchParams.set('digest', digest);
  const put = await call(reg, 'PUT', loc.href, bytes, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) });
  const text = await put.text();
  if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status} ${text}`);
  return digest;
}

export async function pushManifest(reg: Registry, name: string, ref: string, bytes: Buffer, mediaType: string): Promise<string> {
  const res = await call(reg, 'PUT', `/v2/${name}/manifests/${ref}`, bytes, { 'content-type': mediaType });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`manifest push ${name}:${ref}: HTTP ${res.status} ${text}`);
  const digest = sha256(bytes);
  if (res.headers.get('docker-content-digest') !== digest) throw new Error('registry digest differs from sha256 of the pushed bytes');
  return digest;
}

export interface Pushed { digest: string; bytes: Buffer; size: number; mediaType: string }

/** A one-layer image for one platform (OCI, or Docker v2 schema 2 with `docker: true`). */
export async function pushImage(reg: Registry, name: string, tag: string | null, platform: { os: string; architecture: string }, docker = false): Promise<Pushed> {
  const layer = gzipSync(Buffer.from(`layer for ${name} ${platform.os}/${platform.architecture} ${randomBytes(8).toString('hex')}`));
  const config = Buffer.from(JSON.stringify({
    architecture: platform.architecture, os: platform.os,
    rootfs: { type: 'layers', diff_ids: [sha256(layer)] }, config: {},
  }));
  const layerDigest = await pushBlob(reg, name, layer);
  const configDigest = await pushBlob(reg, name, config);
  const mediaType = docker ? 'application/vnd.docker.distribution.manifest.v2+json' : 'application/vnd.oci.image.manifest.v1+json';
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType,
    config: { mediaType: docker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [{ mediaType: docker ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layer.length }],
  }, null, 2));
  const digest = await pushManifest(reg, name, tag ?? sha256(manifest), manifest, mediaType);
  return { digest, bytes: manifest, size: manifest.length, mediaType };
}

/** Two platform manifests (pushed by digest) and an OCI image index over them, tagged `tag`. */
export async function pushMultiPlatform(reg: Registry, name: string, tag: string): Promise<{ index: Pushed; amd64: Pushed; arm64: Pushed }> {
  const amd64 = await pushPlatformByDigest(reg, name, { os: 'linux', architecture: 'amd64' });
  const arm64 = await pushPlatformByDigest(reg, name, { os: 'linux', architecture: 'arm64' });
  const mediaType = 'application/vnd.oci.image.index.v1+json';
  const bytes = Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType,
    manifests: [
      { mediaType: amd64.mediaType, digest: amd64.digest, size: amd64.size, platform: { os: 'linux', architecture: 'amd64' } },
      { mediaType: arm64.mediaType, digest: arm64.digest, size: arm64.size, platform: { os: 'linux', architecture: 'arm64' } },
    ],
  }) + '\n');
  const digest = await pushManifest(reg, name, tag, bytes, mediaType);
  return { index: { digest, bytes, size: bytes.length, mediaType }, amd64, arm64 };
}

async function pushPlatformByDigest(reg: Registry, name: string, platform: { os: string; architecture: string }): Promise<Pushed> {
  const layer = gzipSync(Buffer.from(`layer ${platform.architecture} ${randomBytes(8).toString('hex')}`));
  const config = Buffer.from(JSON.stringify({ architecture: platform.architecture, os: platform.os, rootfs: { type: 'layers', diff_ids: [sha256(layer)] }, config: {} }));
  const layerDigest = await pushBlob(reg, name, layer);
  const configDigest = await pushBlob(reg, name, config);
  const mediaType = 'application/vnd.oci.image.manifest.v1+json';
  const bytes = Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layer.length }],
  }));
  const digest = await pushManifest(reg, name, sha256(bytes), bytes, mediaType);
  return { digest, bytes, size: bytes.length, mediaType };
}

// --- observing the client --------------------------------------------------------------------

export interface Recorded { method: string; url: string; headers: Record<string, string>; status: number | null; error: string | null }

/** A fetch that records every request the client makes (and what came back). */
export function recordingFetch(): { fetch: FetchLike; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const f: FetchLike = async (url, init) => {
    const rec: Recorded = { method: init.method, url, headers: { ...init.headers }, status: null, error: null };
    calls.push(rec);
    try {
      const res = await fetch(url, init);
      rec.status = res.status;
      return res;
    } catch (e) {
      rec.error = e instanceof Error ? `${e.message} ${String((e as { cause?: unknown }).cause ?? '')}` : String(e);
      throw e;
    }
  };
  return { fetch: f, calls };
}

// --- small local servers ---------------------------------------------------------------------

export interface LocalServer {
  port: number;
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records requests; `handler` answers them. */
export async function httpServer(handler: (req: http.IncomingMessage, res: http.ServerResponse, self: LocalServer) => void | Promise<void>): Promise<LocalServer> {
  const self: LocalServer = { port: 0, requests: [], close: async () => undefined };
  const srv = http.createServer((req, res) => {
    self.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    Promise.resolve(handler(req, res, self)).catch((e) => { res.statusCode = 599; res.end(String(e)); });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  self.port = (srv.address() as net.AddressInfo).port;
  self.close = () => new Promise<void>((resolve) => { srv.closeAllConnections(); srv.close(() => resolve()); });
  return self;
}

/** A TCP server that accepts connections and never says a word. */
export async function silentServer(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const srv = net.createServer((s) => { count++; sockets.add(s); s.on('error', () => undefined); });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return {
    port: (srv.address() as net.AddressInfo).port,
    connections: () => count,
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); srv.close(() => resolve()); }),
  };
}

/** Forward a request to the real registry and pass the answer back (headers filtered by `edit`). */
export async function forward(reg: Registry, req: http.IncomingMessage, res: http.ServerResponse, edit: (h: Headers) => void = () => undefined, pathOverride?: string): Promise<void> {
  const headers: Record<string, string> = {};
  for (const k of ['accept', 'authorization']) if (typeof req.headers[k] === 'string') headers[k] = req.headers[k] as string;
  const up = await fetch(`http://${reg.host}${pathOverride ?? req.url}`, { method: req.method, headers, redirect: 'manual' });
  const body = Buffer.from(await up.arrayBuffer());
  const h = new Headers(up.headers);
  h.delete('content-length');
  h.delete('transfer-encoding');
  h.delete('connection');
  h.delete('keep-alive');
  edit(h);
  const out: Record<string, string> = {};
  h.forEach((v, k) => { out[k] = v; });
  res.writeHead(up.status, out);
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function writeDockerConfig(auths: Record<string, unknown>, extra: Record<string, unknown> = {}): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-docker-config-'));
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths, ...extra }));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
