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
