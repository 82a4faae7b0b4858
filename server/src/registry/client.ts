// OCI distribution (registry v2) client for one job: resolving `image:tag` to the digest a
// `FROM image:tag@sha256:…` pin should carry. For a multi-platform image that is the digest of
// the image index / manifest list, so every platform keeps working.
//
// - HEAD /v2/<name>/manifests/<ref> (GET when HEAD is refused or carries no digest header),
//   Accept: OCI index, Docker manifest list, OCI manifest, Docker v2 manifest.
// - Auth: Bearer token challenge (anonymous, or with basic credentials to the token service)
//   and Basic challenge. Credentials come from the Docker config file, only when the caller
//   says the workspace is trusted; they never appear in messages and are never sent to another
//   host after a redirect (redirects are followed by hand).
// - HTTPS only, except for hosts in `insecureRegistries` (default: loopback names).
// - One overall timeout per lookup (default 10 s); results cached in memory with a TTL.
// Called only from the fix path (code action, `--pin-digests`), never while linting.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseReference, familiarName, isDockerHub, isSha256Digest, InvalidReferenceError, type ImageReference } from './reference';

export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;

/** Hosts that may be reached over plain HTTP unless the caller passes its own list. Any port. */
export const DEFAULT_INSECURE_REGISTRIES = ['localhost', '127.0.0.1', '[::1]'];

export type RegistryErrorKind =
  | 'invalid-reference' // the reference cannot be parsed
  | 'network' // offline, DNS failure, connection refused or reset
  | 'tls' // TLS handshake failed (e.g. a plain-HTTP registry not listed as insecure)
  | 'insecure' // a plain-HTTP URL for a host not in insecureRegistries (e.g. after a redirect)
  | 'timeout' // no complete answer within the timeout
  | 'cancelled' // the caller's AbortSignal fired
  | 'auth' // 401/403: authentication required or credentials rejected
  | 'not-found' // 404: repository or tag unknown
  | 'rate-limited' // 429
  | 'bad-response'; // anything else unexpected (5xx, missing digest, odd manifest type)

/** A failed lookup. `message` is one line, safe to show: it never contains credentials or tokens. */
export class RegistryError extends Error {
  constructor(readonly kind: RegistryErrorKind, message: string, readonly status?: number, readonly retryAfterSeconds?: number) {
    super(message.replace(/[\r\n]+/g, ' '));
    this.name = 'RegistryError';
  }
}

/** The part of `fetch` the client uses; inject one to observe or redirect traffic. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; redirect: 'manual'; signal: AbortSignal }) => Promise<Response>;

export interface RegistryClientOptions {
  /** Overall time budget of one lookup, auth round trips included. Default 10 000 ms. */
  timeoutMs?: number;
  /** How long a resolved digest is reused. Default 300 000 ms (5 min); 0 disables the cache. */
  cacheTtlMs?: number;
  /**
   * Hosts that may be reached over plain HTTP (`host` matches any port, `host:port` only that
   * port). HTTPS is tried first and HTTP used when the TLS connection fails, as Docker does.
   * Default: DEFAULT_INSECURE_REGISTRIES (loopback). Pass [] for HTTPS everywhere.
   */
  insecureRegistries?: string[];
  /** Read credentials from the Docker config file. Only pass true for a trusted workspace. Default false. */
  trustedWorkspace?: boolean;
  /** Directory holding `config.json`. Default: $DOCKER_CONFIG, else ~/.docker. */
  dockerConfigDir?: string;
  /** Default: the global fetch. */
  fetch?: FetchLike;
  userAgent?: string;
}

export interface ResolveOptions { signal?: AbortSignal }

interface Credentials { username: string; password: string }
interface Ctx { signal: AbortSignal; timedOut: () => boolean; cancelled: () => boolean; ref: ImageReference; display: string }
interface Challenge { scheme: string; params: Record<string, string> }

const MAX_REDIRECTS = 5;
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export class RegistryClient {
  private readonly timeoutMs: number;
  private readonly cacheTtlMs: number;
  private readonly insecure: string[];
  private readonly trusted: boolean;
  private readonly configDir: string | undefined;
  private readonly fetchFn: FetchLike;
  private readonly userAgent: string;
  private readonly cache = new Map<string, { digest: string; expires: number }>();
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly tokens = new Map<string, { token: string; expires: number }>();
  /** Per host: the scheme that worked (for insecure hosts, where both are possible). */
  private readonly schemes = new Map<string, 'https' | 'http'>();
  /** Per registry: the Authorization scheme that the last challenge asked for. */
  private readonly basicHosts = new Set<string>();

  constructor(options: RegistryClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.cacheTtlMs = options.cacheTtlMs ?? 300_000;
    this.insecure = (options.insecureRegistries ?? DEFAULT_INSECURE_REGISTRIES).map((h) => h.toLowerCase());
    this.trusted = options.trustedWorkspace === true;
    this.configDir = options.dockerConfigDir;
    this.fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
    this.userAgent = options.userAgent ?? 'layerwise-registry-client';
  }

  /** Forget cached digests and tokens. */
  clearCache(): void { this.cache.clear(); this.tokens.clear(); }

  /**
   * The digest `ref`'s tag points to now (`sha256:…`; the index digest for multi-platform
   * images). A digest already in `ref` is ignored when a tag is present, so this also answers
   * "what should an existing pin be updated to". Throws RegistryError.
   */
  async resolveDigest(ref: string | ImageReference, options: ResolveOptions = {}): Promise<string> {
    let parsed: ImageReference;
    try {
      parsed = typeof ref === 'string' ? parseReference(ref) : ref;
    } catch (e) {
      throw new RegistryError('invalid-reference', e instanceof InvalidReferenceError ? e.message : 'invalid image reference');
    }
    const reference = parsed.tag ?? parsed.digest!;
    const key = `${parsed.registry}/${parsed.repository}:${reference}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.digest;
    const running = this.inflight.get(key);
    if (running) return running;
    const p = this.lookup(parsed, reference, options.signal).then((digest) => {
      if (this.cacheTtlMs > 0) this.cache.set(key, { digest, expires: Date.now() + this.cacheTtlMs });
      return digest;
    }).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  private async lookup(ref: ImageReference, reference: string, callerSignal?: AbortSignal): Promise<string> {
    const controller = new AbortController();
    let timedOut = false;
    let cancelled = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, this.timeoutMs);
    const onAbort = () => { cancelled = true; controller.abort(); };
    if (callerSignal) {
      if (callerSignal.aborted) onAbort();
      else callerSignal.addEventListener('abort', onAbort, { once: true });
    }
    const ctx: Ctx = {
      signal: controller.signal, timedOut: () => timedOut, cancelled: () => cancelled && !timedOut, ref,
      display: familiarName({ ...ref, tag: ref.tag ?? null, digest: ref.tag ? null : ref.digest }),
    };
    try {
      if (ctx.cancelled()) throw new RegistryError('cancelled', `lookup of ${ctx.display} was cancelled`);
      return await this.manifestDigest(ctx, reference);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    }
  }

  private async manifestDigest(ctx: Ctx, reference: string): Promise<string> {
    const path = `/v2/${ctx.ref.repository}/manifests/${encodeURIComponent(reference)}`;
    let res = await this.authorizedRequest(ctx, 'HEAD', path);
    if (res.status === 405 || res.status === 501 || (res.ok && !digestHeader(res))) {
      res = await this.authorizedRequest(ctx, 'GET', path);
    }
    if (!res.ok) throw await this.statusError(ctx, res);
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type && !(MANIFEST_MEDIA_TYPES as readonly string[]).includes(type)) {
      await discard(res);
      if (type.includes('manifest.v1')) throw new RegistryError('bad-response', `${ctx.ref.registry} only offers a schema 1 manifest for ${ctx.display}; it cannot be pinned`);
      throw new RegistryError('bad-response', `${ctx.ref.registry} answered ${ctx.display} with an unexpected content type "${type.slice(0, 80)}"`);
    }
    const header = digestHeader(res);
    if (header) {
      await discard(res);
      if (!isSha256Digest(header)) throw new RegistryError('bad-response', `${ctx.ref.registry} sent a malformed Docker-Content-Digest for ${ctx.display}`);
      return header;
    }
    if (res.status === 200) {
      const body = await this.readBody(ctx, res);
      if (body.length === 0) throw new RegistryError('bad-response', `${ctx.ref.registry} sent neither a digest nor a manifest for ${ctx.display}`);
      return `sha256:${createHash('sha256').update(body).digest('hex')}`;
    }
    await discard(res);
    throw new RegistryError('bad-response', `${ctx.ref.registry} answered HTTP ${res.status} without a manifest for ${ctx.display}`, res.status);
  }

  private async readBody(ctx: Ctx, res: Response): Promise<Buffer> {
    try {
      const len = Number(res.headers.get('content-length') ?? '0');
      if (len > MAX_MANIFEST_BYTES) throw new RegistryError('bad-response', `${ctx.ref.registry} sent a manifest larger than 4 MiB for ${ctx.display}`);
      const buf = Buffer.from(await res.arrayBuffer());
      if (buf.length > MAX_MANIFEST_BYTES) throw new RegistryError('bad-response', `${ctx.ref.registry} sent a manifest larger than 4 MiB for ${ctx.display}`);
      return buf;
    } catch (e) {
      throw this.networkError(ctx, e, ctx.ref.registry);
    }
  }

  /** A registry API request with whatever authorization the registry asks for. */
  private async authorizedRequest(ctx: Ctx, method: string, path: string): Promise<Response> {
    const registry = ctx.ref.registry;
    const scope = `repository:${ctx.ref.repository}:pull`;
    let auth = this.cachedAuth(registry, scope);
    let res = await this.registryRequest(ctx, method, path, auth);
    if (res.status !== 401) return res;

    const challenge = parseChallenge(res.headers.get('www-authenticate'));
    await discard(res);
    const creds = this.credentials(registry);
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      const token = await this.fetchToken(ctx, challenge, scope, creds);
      auth = `Bearer ${token}`;
    } else if (challenge?.scheme === 'basic') {
      if (!creds) throw this.authRequired(ctx, 401);
      this.basicHosts.add(registry);
      auth = basicHeader(creds);
    } else {
      throw new RegistryError('auth', `${registry} requires authentication for ${ctx.display} with an unsupported scheme (HTTP 401)`, 401);
    }
    res = await this.registryRequest(ctx, method, path, auth);
    if (res.status === 401) {
      await discard(res);
      if (creds) throw new RegistryError('auth', `${registry} rejected the credentials from the Docker config for ${ctx.display} (HTTP 401)`, 401);
      throw this.authRequired(ctx, 401);
    }
    return res;
  }

  private cachedAuth(registry: string, scope: string): string | undefined {
    const t = this.tokens.get(`${registry} ${scope}`);
    if (t && t.expires > Date.now()) return `Bearer ${t.token}`;
    if (this.basicHosts.has(registry)) {
      const creds = this.credentials(registry);
      if (creds) return basicHeader(creds);
    }
    return undefined;
  }

  private authRequired(ctx: Ctx, status: number): RegistryError {
    const how = this.trusted
      ? `no credentials for ${ctx.ref.registry} in the Docker config (docker login ${ctx.ref.registry}; credential helpers are not supported)`
      : 'credentials are only read from the Docker config in a trusted workspace';
    return new RegistryError('auth', `authentication required to read ${ctx.display} (HTTP ${status}); ${how}`, status);
  }

  /** Request against the registry host, choosing the scheme and following redirects safely. */
  private async registryRequest(ctx: Ctx, method: string, path: string, auth: string | undefined): Promise<Response> {
    const host = ctx.ref.registry;
    const known = this.schemes.get(host);
    if (known) return this.follow(ctx, method, `${known}://${host}${path}`, auth, {});
    try {
      const res = await this.follow(ctx, method, `https://${host}${path}`, auth, {});
      this.schemes.set(host, 'https');
      return res;
    } catch (e) {
      if (!(e instanceof RegistryError) || (e.kind !== 'tls' && e.kind !== 'network') || !this.isInsecure(host)) throw e;
    }
    const res = await this.follow(ctx, method, `http://${host}${path}`, auth, {});
    this.schemes.set(host, 'http');
    return res;
  }

  /**
   * fetch with manual redirects: at most MAX_REDIRECTS hops, plain HTTP only to insecure hosts,
   * and the Authorization header dropped for good once a hop leaves the first origin.
   */
  private async follow(ctx: Ctx, method: string, url: string, auth: string | undefined, extra: Record<string, string>): Promise<Response> {
    let current = new URL(url);
    const origin = current.origin;
    let authorization = auth;
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'https:' && current.protocol !== 'http:') {
        throw new RegistryError('bad-response', `${ctx.ref.registry} redirected to an unsupported URL scheme for ${ctx.display}`);
      }
      if (current.protocol === 'http:' && !this.isInsecure(current.host)) {
        throw new RegistryError('insecure', `refusing plain HTTP to ${current.host} (not in insecureRegistries) while reading ${ctx.display}`);
      }
      if (current.origin !== origin) authorization = undefined;
      const headers: Record<string, string> = { 'user-agent': this.userAgent, ...extra };
      if (current.pathname.includes('/manifests/')) headers.accept = MANIFEST_MEDIA_TYPES.join(', ');
      if (authorization) headers.authorization = authorization;
      let res: Response;
      try {
        res = await this.fetchFn(current.href, { method, headers, redirect: 'manual', signal: ctx.signal });
      } catch (e) {
        throw this.networkError(ctx, e, current.host);
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
        await discard(res);
        if (hop >= MAX_REDIRECTS) throw new RegistryError('bad-response', `too many redirects from ${ctx.ref.registry} for ${ctx.display}`);
        try { current = new URL(location, current); } catch {
          throw new RegistryError('bad-response', `${current.host} sent an invalid redirect for ${ctx.display}`);
        }
        continue;
      }
      return res;
    }
  }

  private async fetchToken(ctx: Ctx, challenge: Challenge, defaultScope: string, creds: Credentials | undefined): Promise<string> {
    const registry = ctx.ref.registry;
    const scope = challenge.params.scope || defaultScope;
    let realm: URL;
    try { realm = new URL(challenge.params.realm); } catch {
      throw new RegistryError('bad-response', `${registry} sent an invalid token realm for ${ctx.display}`);
    }
    realm.searchParams.set('scope', scope);
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    // As Docker does, the registry's credentials go to the token service the registry names.
    const res = await this.follow(ctx, 'GET', realm.href, creds ? basicHeader(creds) : undefined, { accept: 'application/json' });
    if (res.status === 401 || res.status === 403) {
      await discard(res);
      if (creds) throw new RegistryError('auth', `the token service of ${registry} rejected the credentials from the Docker config for ${ctx.display} (HTTP ${res.status})`, res.status);
      throw this.authRequired(ctx, res.status);
    }
    if (res.status === 429) throw rateLimited(ctx, res, realm.host);
    if (!res.ok) {
      await discard(res);
      throw new RegistryError('bad-response', `the token service of ${registry} answered HTTP ${res.status} for ${ctx.display}`, res.status);
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse((await this.readBody(ctx, res)).toString('utf8')) as typeof body;
    } catch (e) {
      if (e instanceof RegistryError) throw e;
      throw new RegistryError('bad-response', `the token service of ${registry} sent invalid JSON for ${ctx.display}`);
    }
    const token = typeof body.token === 'string' && body.token ? body.token : typeof body.access_token === 'string' ? body.access_token : '';
    if (!token) throw new RegistryError('bad-response', `the token service of ${registry} sent no token for ${ctx.display}`);
    const ttl = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    this.tokens.set(`${registry} ${scope}`, { token, expires: Date.now() + Math.max(0, ttl - 5) * 1000 });
    return token;
  }

  private async statusError(ctx: Ctx, res: Response): Promise<RegistryError> {
    const registry = ctx.ref.registry;
    if (res.status === 429) return rateLimited(ctx, res, registry);
    await discard(res);
    if (res.status === 404) return new RegistryError('not-found', `image or tag not found: ${ctx.display}`, 404);
    if (res.status === 401 || res.status === 403) {
      if (this.credentials(registry)) return new RegistryError('auth', `${registry} denied access to ${ctx.display} with the credentials from the Docker config (HTTP ${res.status})`, res.status);
      return this.authRequired(ctx, res.status);
    }
    return new RegistryError('bad-response', `${registry} answered HTTP ${res.status} for ${ctx.display}`, res.status);
  }

  private networkError(ctx: Ctx, e: unknown, host: string): RegistryError {
    if (e instanceof RegistryError) return e;
    if (ctx.timedOut()) return new RegistryError('timeout', `${host} did not answer within ${formatSeconds(this.timeoutMs)} (looking up ${ctx.display})`);
    if (ctx.cancelled()) return new RegistryError('cancelled', `lookup of ${ctx.display} was cancelled`);
    const code = errorCode(e);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
      return new RegistryError('network', `cannot resolve registry host ${hostName(host)} (offline or DNS failure) while looking up ${ctx.display}`);
    }
    if (code === 'ECONNREFUSED') return new RegistryError('network', `connection refused by ${host} while looking up ${ctx.display}`);
    if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN') return new RegistryError('network', `network unreachable for ${host} (offline?) while looking up ${ctx.display}`);
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'ETIMEDOUT') return new RegistryError('network', `connection to ${host} was lost while looking up ${ctx.display}`);
    if (code && (code.startsWith('ERR_SSL') || code === 'EPROTO' || code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'ERR_TLS_CERT_ALTNAME_INVALID')) {
      return new RegistryError('tls', `TLS connection to ${host} failed (${code}); if it serves plain HTTP, add it to insecureRegistries`);
    }
    return new RegistryError('network', `cannot reach ${host} while looking up ${ctx.display}${code ? ` (${code})` : ''}`);
  }

  private isInsecure(host: string): boolean {
    const h = host.toLowerCase();
    const name = hostName(h);
    return this.insecure.some((entry) => entry === h || entry === name);
  }

  private credentials(registry: string): Credentials | undefined {
    if (!this.trusted) return undefined;
    return readDockerCredentials(registry, this.configDir);
  }
}

/**
 * Credentials for `registry` from the Docker config (`auths.<host>.auth`, base64 `user:pass`,
 * or `username`/`password`). Keys may carry a scheme and path (`https://index.docker.io/v1/`);
 * Docker Hub's aliases match each other. Credential helpers and identity tokens are not read.
 * Any error reading or parsing the file means "no credentials" (the file's content is never
 * reported).
 */
export function readDockerCredentials(registry: string, configDir?: string): Credentials | undefined {
  const dir = configDir ?? process.env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  let config: { auths?: Record<string, { auth?: unknown; username?: unknown; password?: unknown }> };
  try {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as typeof config;
  } catch {
    return undefined;
  }
  if (!config || typeof config.auths !== 'object' || config.auths === null) return undefined;
  const want = credentialKey(registry);
  for (const [key, entry] of Object.entries(config.auths)) {
    if (credentialKey(key) !== want || !entry || typeof entry !== 'object') continue;
    if (typeof entry.auth === 'string' && entry.auth) {
      let decoded: string;
      try { decoded = Buffer.from(entry.auth, 'base64').toString('utf8'); } catch { continue; }
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof entry.username === 'string' && typeof entry.password === 'string' && entry.username) {
      return { username: entry.username, password: entry.password };
    }
  }
  return undefined;
}

function credentialKey(s: string): string {
  let k = s.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const slash = k.indexOf('/');
  if (slash >= 0) k = k.slice(0, slash);
  return isDockerHub(k) ? 'docker-hub' : k;
}

function basicHeader(c: Credentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
}

/** `Bearer realm="…",service="…",scope="…"` → { scheme: 'bearer', params }. */
export function parseChallenge(header: string | null): Challenge | null {
  if (!header) return null;
  const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (!m) return null;
  const params: Record<string, string> = {};
  const re = /([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?\s*/g;
  let p: RegExpExecArray | null;
  while ((p = re.exec(m[2])) !== null) {
    if (p[0] === '') break;
    params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
  }
  return { scheme: m[1].toLowerCase(), params };
}

function rateLimited(ctx: Ctx, res: Response, host: string): RegistryError {
  void discard(res);
  const raw = res.headers.get('retry-after');
  let seconds: number | undefined;
  if (raw && /^\s*\d+\s*$/.test(raw)) seconds = Number(raw);
  else if (raw && !Number.isNaN(Date.parse(raw))) seconds = Math.max(0, Math.ceil((Date.parse(raw) - Date.now()) / 1000));
  const when = seconds !== undefined ? `retry after ${seconds} s` : 'try again later';
  return new RegistryError('rate-limited', `rate limited by ${host} while looking up ${ctx.display} (HTTP 429); ${when}`, 429, seconds);
}

function digestHeader(res: Response): string | null {
  const d = res.headers.get('docker-content-digest');
  return d ? d.trim() : null;
}

async function discard(res: Response): Promise<void> {
  try { await res.body?.cancel(); } catch { /* already consumed or closed */ }
}

function errorCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const c = cur as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof c.code === 'string') return c.code;
    if (Array.isArray(c.errors) && c.errors.length) {
      const inner = errorCode(c.errors[0]);
      if (inner) return inner;
    }
    cur = c.cause;
  }
  return undefined;
}

function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const c = host.indexOf(':');
  return c >= 0 ? host.slice(0, c) : host;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
