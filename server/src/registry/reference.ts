// Image references (`[host[:port]/]path[:tag][@digest]`) parsed and normalised the way Docker
// does (github.com/distribution/reference): Docker Hub names get their registry and `library/`
// prefix, the tag defaults to `latest`. Pure functions, no I/O.

/** The registry host Docker Hub's API answers on. */
export const DOCKER_HUB_REGISTRY = 'registry-1.docker.io';
/** The host name Docker Hub is written with (`docker.io/library/node`). */
export const DOCKER_HUB_DOMAIN = 'docker.io';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export interface ImageReference {
  /** Host[:port] the distribution API is reached on, lower-cased (`registry-1.docker.io` for Docker Hub). */
  registry: string;
  /** Repository path on that registry (`library/node` for `node`). */
  repository: string;
  /** The tag to resolve: as written, else `latest` when there is no digest either; null for `name@digest`. */
  tag: string | null;
  /** Whether the tag was written (false when it is the `latest` default). */
  explicitTag: boolean;
  /** `sha256:<hex>` (or another algorithm) as written, or null. */
  digest: string | null;
}

export class InvalidReferenceError extends Error {
  constructor(readonly input: string, reason: string) {
    super(`invalid image reference "${oneLine(input)}": ${reason}`);
    this.name = 'InvalidReferenceError';
  }
}

// Grammar from distribution/reference (regexp.go), anchored, no backtracking hazards: each
// alternative consumes at least one character of a fixed class.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const SHA256 = /^sha256:[0-9a-f]{64}$/;

/** Whether `s` is a well-formed `sha256:` digest (lower-case hex, 64 digits). */
export function isSha256Digest(s: string): boolean { return SHA256.test(s); }

/**
 * Parse and normalise an image reference. Throws InvalidReferenceError (one-line message) for
 * anything Docker would reject. Examples:
 * - `node` → registry-1.docker.io, library/node, tag latest
 * - `docker.io/bitnami/redis:7` → registry-1.docker.io, bitnami/redis, tag 7
 * - `ghcr.io/o/r@sha256:…` → ghcr.io, o/r, tag null, digest
 * - `localhost:5000/app:1` → localhost:5000, app, tag 1
 */
export function parseReference(input: string): ImageReference {
  const s = input.trim();
  if (!s) throw new InvalidReferenceError(input, 'empty');
  if (s.length > 4096) throw new InvalidReferenceError(input.slice(0, 80) + '…', 'too long');
  if (/\s/.test(s)) throw new InvalidReferenceError(input, 'contains white space');
  if (s.includes('$')) throw new InvalidReferenceError(input, 'contains an unexpanded variable');

  let rest = s;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new InvalidReferenceError(input, `bad digest "${oneLine(digest)}"`);
    if (digest.startsWith('sha256:') && !isSha256Digest(digest)) throw new InvalidReferenceError(input, 'a sha256 digest has 64 lower-case hex digits');
  }

  // Split the domain off first: a `:` in the first component is a port, not a tag.
  let domain: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first;
      rest = rest.slice(slash + 1);
    }
  } else if (slash === 0) throw new InvalidReferenceError(input, 'starts with "/"');

  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new InvalidReferenceError(input, `bad tag "${oneLine(tag)}"`);
  }

  if (!rest) throw new InvalidReferenceError(input, 'no repository name');
  for (const c of rest.split('/')) {
    if (!PATH_COMPONENT.test(c)) {
      throw new InvalidReferenceError(input, c !== c.toLowerCase() ? 'repository names must be lower-case' : `bad path component "${oneLine(c)}"`);
    }
  }
  if (rest.length > 255) throw new InvalidReferenceError(input, 'repository name longer than 255 characters');

  let registry: string;
  let repository = rest;
  if (domain === null || HUB_ALIASES.has(domain.toLowerCase())) {
    registry = DOCKER_HUB_REGISTRY;
    if (!repository.includes('/')) repository = `library/${repository}`;
  } else {
    registry = normaliseHost(domain, input);
  }
  const explicitTag = tag !== null;
  if (tag === null && digest === null) tag = 'latest';
  return { registry, repository, tag, explicitTag, digest };
}

function normaliseHost(domain: string, input: string): string {
  let host = domain;
  let port = '';
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) throw new InvalidReferenceError(input, 'unterminated IPv6 address');
    port = host.slice(close + 1);
    host = host.slice(0, close + 1);
    if (!IPV6_HOST.test(host)) throw new InvalidReferenceError(input, `bad IPv6 address "${oneLine(host)}"`);
    if (port && !port.startsWith(':')) throw new InvalidReferenceError(input, `bad registry host "${oneLine(domain)}"`);
    port = port.slice(1);
  } else {
    const c = host.indexOf(':');
    if (c >= 0) { port = host.slice(c + 1); host = host.slice(0, c); }
    for (const part of host.split('.')) {
      if (!DOMAIN_COMPONENT.test(part)) throw new InvalidReferenceError(input, `bad registry host "${oneLine(domain)}"`);
    }
  }
  if (port !== '' && (!/^[0-9]{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) {
    throw new InvalidReferenceError(input, `bad registry port "${oneLine(port)}"`);
  }
  if (domain.includes(':') && port === '' && !domain.startsWith('[')) throw new InvalidReferenceError(input, 'empty registry port');
  return host.toLowerCase() + (port ? `:${port}` : '');
}

export function isDockerHub(registry: string): boolean { return HUB_ALIASES.has(registry.toLowerCase()); }

/** The name as a user would write it (`node:20`, `ghcr.io/o/r:1`), for messages. Tag/digest optional. */
export function familiarName(ref: ImageReference, opts: { tag?: boolean; digest?: boolean } = {}): string {
  let name: string;
  if (isDockerHub(ref.registry)) name = ref.repository.startsWith('library/') ? ref.repository.slice('library/'.length) : ref.repository;
  else name = `${ref.registry}/${ref.repository}`;
  if (opts.tag !== false && ref.tag !== null) name += `:${ref.tag}`;
  if (opts.digest !== false && ref.digest !== null) name += `@${ref.digest}`;
  return name;
}

/** Fully qualified `docker.io/library/node:20[@digest]`. */
export function canonicalName(ref: ImageReference): string {
  const host = isDockerHub(ref.registry) ? DOCKER_HUB_DOMAIN : ref.registry;
  return `${host}/${ref.repository}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest !== null ? `@${ref.digest}` : ''}`;
}

/**
 * Split a reference as written into name, tag and digest without normalising anything (so the
 * pieces can be written back as they were): `127.0.0.1:5000/app:1@sha256:…` →
 * { name: '127.0.0.1:5000/app', tag: '1', digest: 'sha256:…' }.
 */
export function splitWritten(s: string): { name: string; tag: string | null; digest: string | null } {
  const at = s.indexOf('@');
  const nameTag = at >= 0 ? s.slice(0, at) : s;
  const digest = at >= 0 ? s.slice(at + 1) : null;
  const colon = nameTag.lastIndexOf(':');
  const slash = nameTag.lastIndexOf('/');
  if (colon > slash) return { name: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1), digest };
  return { name: nameTag, tag: null, digest };
}

function oneLine(s: string): string {
  const t = s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return t.length > 80 ? t.slice(0, 80) + '…' : t;
}
