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
