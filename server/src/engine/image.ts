// Image references (`registry/path:tag@digest`) as written and as resolved through ARGs.
import type { Range } from '../../../shared/types';
import type { LineIndex } from './text';

export interface ImageRef {
  /** As written in the FROM line. */
  text: string;
  /** After ARG substitution; null when an ARG has no known value. */
  resolved: string | null;
  unresolved: string[];
  range: Range;
  registry: string | null;
  /** Path without registry, tag or digest (`library/node` is written `node`). */
  repository: string;
  tag: string | null;
  digest: string | null;
  /** Ranges of the tag / digest inside the line, when the written text is literal. */
  tagRange: Range | null;
  digestRange: Range | null;
  isScratch: boolean;
  platform: string | null;
}

export function parseImageRef(text: string, resolved: string | null, unresolved: string[], range: Range, platform: string | null, lines: LineIndex): ImageRef {
  const ref: ImageRef = {
    text, resolved, unresolved, range, registry: null, repository: '', tag: null, digest: null,
    tagRange: null, digestRange: null, isScratch: false, platform,
  };
  if (resolved === null) return ref;
  const s = resolved;
  const at = s.indexOf('@');
  const nameTag = at >= 0 ? s.slice(0, at) : s;
  if (at >= 0) ref.digest = s.slice(at + 1);
  const slash = nameTag.lastIndexOf('/');
  const colon = nameTag.lastIndexOf(':');
  let name = nameTag;
  if (colon > slash) { ref.tag = nameTag.slice(colon + 1); name = nameTag.slice(0, colon); }
  const firstSlash = name.indexOf('/');
  if (firstSlash > 0) {
    const first = name.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') { ref.registry = first; name = name.slice(firstSlash + 1); }
  }
  ref.repository = name;
  ref.isScratch = s.toLowerCase() === 'scratch';
  if (text === resolved) {
    const base = lines.offsetAt(range.start);
    if (ref.tag !== null) ref.tagRange = lines.range(base + colon + 1, base + colon + 1 + ref.tag.length);
    if (ref.digest !== null) ref.digestRange = lines.range(base + at + 1, base + s.length);
  }
  return ref;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

function validDomain(d: string): boolean {
  const colon = d.lastIndexOf(':');
  let host = d;
  if (colon > d.lastIndexOf(']')) {
    if (!/^[0-9]+$/.test(d.slice(colon + 1))) return false;
    host = d.slice(0, colon);
  }
  if (/^\[[0-9A-Fa-f:.]+\]$/.test(host)) return true;
  return host.length > 0 && host.split('.').every((l) => HOST_LABEL.test(l));
}

/**
 * Whether `s` parses as an image reference the way Docker normalises one
 * (`[domain/]path[:tag][@digest]`, lower-case path components, name ≤ 255 characters).
 */
export function isValidImageReference(s: string): boolean {
  if (!s) return false;
  const at = s.indexOf('@');
  const nameTag = at >= 0 ? s.slice(0, at) : s;
  if (at >= 0 && !DIGEST.test(s.slice(at + 1))) return false;
  const slash = nameTag.lastIndexOf('/');
  const colon = nameTag.lastIndexOf(':');
  let name = nameTag;
  if (colon > slash) {
    if (!TAG.test(nameTag.slice(colon + 1))) return false;
    name = nameTag.slice(0, colon);
  }
  if (!name || name.length > 255) return false;
  const parts = name.split('/');
  const first = parts[0];
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    if (!validDomain(first)) return false;
    parts.shift();
  }
  return parts.length > 0 && parts.every((p) => PATH_COMPONENT.test(p));
}

// ---------------------------------------------------------------------------------------------
// What a base image is for: shared by the seed-practice rules (no shell in scratch/distroless,
// toolchain images in the final stage, slimmer variants). Facts about the images' published
// variants; an image we do not know is 'unknown' and rules stay silent about it.

const DOCKER_HUB_REGISTRIES = new Set(['', 'docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The official-image name (`node` for `node`, `library/node`, `docker.io/library/node`, `public.ecr.aws/docker/library/node`), or null. */
export function officialImageName(ref: ImageRef): string | null {
  const repo = ref.repository.toLowerCase();
  const reg = (ref.registry ?? '').toLowerCase();
  if (DOCKER_HUB_REGISTRIES.has(reg)) {
    if (!repo.includes('/')) return repo;
    if (repo.startsWith('library/') && repo.split('/').length === 2) return repo.slice(8);
    return null;
  }
  const m = /^(?:docker\/)?library\/([^/]+)$/.exec(repo);
  return m ? m[1] : null;
}

/**
 * - `scratch`: the empty image.
 * - `distroless`: no shell, no package manager (Google distroless without `:debug`, Chainguard `static`).
 * - `sdk`: a build toolchain (Go, Rust, Maven, Gradle, the .NET SDK, GCC, buildpack-deps).
 * - `full`: a language runtime or OS image on a full Debian whose slim (or JRE) variant exists.
 * - `slim`: a variant made for running (`-slim`, `-alpine`, `-jre`, distroless debug ...).
 * - `unknown`: anything else, or an image whose ARG has no known value.
 */
export type ImageKind = 'scratch' | 'distroless' | 'sdk' | 'full' | 'slim' | 'unknown';

export interface ImageClass {
  kind: ImageKind;
  /** Whether `/bin/sh` exists: false for scratch and distroless, null when not known. */
  hasShell: boolean | null;
  /** No C library either: only a static binary runs (scratch, distroless/static, Chainguard static). */
  staticOnly: boolean;
  /** For `sdk`/`full` images: the toolchain they carry (`go`, `node`, `java`, `rust`, `dotnet`, `c`, `python`, `ruby`, `perl`, `os`). */
  toolchain: string | null;
  /** For `full` images: the image reference of the slimmer variant (same registry and version), when one is known. */
  slimmer: string | null;
}

const SDK_OFFICIAL: Record<string, string> = { golang: 'go', rust: 'rust', maven: 'java', gradle: 'java', gcc: 'c', 'buildpack-deps': 'c' };
/** Official images whose default tags are full Debian with build tools, and the suffix of their slim variant. */
const SLIM_OFFICIAL: Record<string, string> = { python: 'python', node: 'node', ruby: 'ruby', perl: 'perl', debian: 'os' };
const DEBIAN_CODENAMES = /^(bookworm|bullseye|buster|trixie|stretch)$/;
const RUNTIME_TAG = /(^|[-_.])(slim|alpine\d*(\.\d+)*|jre|distroless|minimal|musl|runtime|headless)($|[-_.])/;

function cls(kind: ImageKind, extra: Partial<ImageClass> = {}): ImageClass {
  return { kind, hasShell: kind === 'scratch' || kind === 'distroless' ? false : kind === 'unknown' ? null : true, staticOnly: false, toolchain: null, slimmer: null, ...extra };
}

/** Classify an image reference (see ImageKind). */
export function classifyImage(ref: ImageRef): ImageClass {
  if (ref.resolved === null || ref.resolved === '') return cls('unknown');
  if (ref.isScratch) return cls('scratch', { staticOnly: true });
  const repo = ref.repository.toLowerCase();
  const reg = (ref.registry ?? '').toLowerCase();
  const tag = (ref.tag ?? '').toLowerCase();
  if (repo.startsWith('distroless/') || repo.includes('/distroless/')) {
    // `:debug` tags add a BusyBox shell under /busybox.
    if (/(^|-)debug($|-)/.test(tag)) return cls('slim');
    return cls('distroless', { staticOnly: /(^|\/)static(-debian\d+)?$/.test(repo) });
  }
  if ((reg === 'cgr.dev' && /^chainguard\/static$/.test(repo)) && !/(^|-)dev($|-)/.test(tag)) return cls('distroless', { staticOnly: true });
  if (reg === 'mcr.microsoft.com') {
    if (repo === 'dotnet/sdk') return cls('sdk', { toolchain: 'dotnet' });
    return cls('unknown');
  }
  const official = officialImageName(ref);
  if (official === null) return cls('unknown');
  if (SDK_OFFICIAL[official]) return cls('sdk', { toolchain: SDK_OFFICIAL[official] });
  if (/(windowsservercore|nanoserver)/.test(tag)) return cls('unknown');
  if (RUNTIME_TAG.test(tag)) return cls('slim');
  if (official === 'eclipse-temurin' || official === 'openjdk') {
    const major = /^(\d+)/.exec(tag);
    if (!major) return cls('unknown');
    if (official === 'eclipse-temurin') return cls('full', { toolchain: 'java', slimmer: withTag(ref, tag.includes('jdk') ? tag.replace('jdk', 'jre') : tag.replace(/^(\d+(?:\.\d+)*(?:_\d+)?)/, '$1-jre')) });
    return cls('full', { toolchain: 'java', slimmer: `eclipse-temurin:${major[1]}-jre` });
  }
  const kind = SLIM_OFFICIAL[official];
  if (!kind) return cls('unknown');
  return cls('full', { toolchain: kind, slimmer: withTag(ref, slimTag(official, tag)) });
}

/** The slim tag of an official image: `3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm` (python, ruby, perl), `20-bookworm` → `20-bookworm-slim` (node), `bookworm`/`12` → `bookworm-slim`/`12-slim` (debian). */
function slimTag(official: string, tag: string): string {
  if (!tag || tag === 'latest') return 'slim';
  if (DEBIAN_CODENAMES.test(tag)) return `${tag}-slim`;
  const parts = tag.split('-');
  const code = parts.findIndex((p) => DEBIAN_CODENAMES.test(p));
  if (code < 0) return `${tag}-slim`;
  if (official === 'node' || official === 'debian') return `${tag}-slim`;
  parts.splice(code, 0, 'slim');
  return parts.join('-');
}

/** `ref` written with another tag (registry and repository as written, digest dropped). */
function withTag(ref: ImageRef, tag: string): string {
  const name = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
  return `${name}:${tag}`;
}

/**
 * The build toolchain an image carries, for "is this a build image" questions: every `sdk`
 * image, the official `node` images in any variant (npm builds), and JDK images (`full`
 * Java). Null for runtime images and images we do not know.
 */
export function buildToolchain(ref: ImageRef): string | null {
  const c = classifyImage(ref);
  if (c.kind === 'sdk') return c.toolchain;
  if (c.kind === 'full' && c.toolchain === 'java') return 'java';
  const official = ref.resolved === null ? null : officialImageName(ref);
  if (official === 'node' && !/(windowsservercore|nanoserver)/.test((ref.tag ?? '').toLowerCase())) return 'node';
  return null;
}

/**
 * Whether an image ships a program (`curl`, `wget`, `sh`): false where it is known to be
 * absent, true where known present, null when not known. Facts about the official variants:
 * `scratch` and distroless have nothing; `debian`, `ubuntu` and the `-slim` variants of the
 * language images have neither curl nor wget; Alpine variants have BusyBox (`sh`, `wget`) but
 * no curl.
 */
export function imageShipsProgram(ref: ImageRef, name: string): boolean | null {
  const c = classifyImage(ref);
  if (c.hasShell === false) return false;
  if (ref.resolved === null) return null;
  const official = officialImageName(ref);
  if (official === null) return null;
  const tag = (ref.tag ?? '').toLowerCase();
  const isSh = name === 'sh';
  if (tag.includes('alpine') || official === 'alpine' || official === 'busybox') return isSh || name === 'wget' ? true : name === 'curl' ? false : null;
  const slim = /(^|[-_.])slim($|[-_.])/.test(tag) && ['python', 'node', 'ruby', 'perl', 'debian'].includes(official);
  if (slim || official === 'debian' || official === 'ubuntu') return isSh ? true : name === 'curl' || name === 'wget' ? false : null;
  return null;
}

/**
 * The VS Code client's multi-stage templates (client/snippets/dockerfile.json prefixes), by
 * toolchain: the rules about single-stage builds and toolchain final images point at them.
 */
export const MULTI_STAGE_SNIPPETS: Readonly<Record<string, string>> = { go: 'lw-go', node: 'lw-node', java: 'lw-java', rust: 'lw-rust', python: 'lw-python' };
