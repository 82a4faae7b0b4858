// "Pin base image to digest" / "Update pinned digest": the edit that turns `FROM node:20` into
// `FROM node:20@sha256:…` (and the same for `COPY --from=<image>`). The engine side stays free
// of I/O: the digest lookup is injected (`resolve`), normally `RegistryClient.resolveDigest`.
import type { Fix, Range, TextEdit } from '../../../shared/types';
import type { Inst, Model } from '../engine/model';
import { expand } from '../engine/vars';
import { isSha256Digest, parseReference, splitWritten, InvalidReferenceError } from './reference';

/** Resolves an image reference without digest (`node:20`, `ghcr.io/o/r:1`) to `sha256:…`. */
export type DigestResolver = (reference: string) => Promise<string>;

export interface PinError {
  /** One line, for a message box or the CLI. */
  error: string;
  /** Set when the existing pin already carries the current digest (nothing to do). */
  upToDate?: true;
}

export type PinResult = Fix | PinError;

export const PIN_FROM_TITLE = 'Pin base image to digest';
export const PIN_COPY_TITLE = 'Pin image to digest';
export const UPDATE_PIN_TITLE = 'Update pinned digest';

/** What pinning one instruction would do, short of the network lookup. */
export interface PinTarget {
  kind: 'from' | 'copy-from';
  title: string;
  /** The reference handed to the resolver: name and tag (`latest` when none is written), no digest. */
  reference: string;
  /** The text the edit replaces: the image word, the `--from` value, or an ARG default. */
  range: Range;
  currentDigest: string | null;
  /** The ARG whose default is edited when the image is written as `${NAME}`. */
  viaArg: string | null;
  /** The replacement text for a digest. */
  textFor(digest: string): string;
}

const WHOLE_VAR = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;
const VAR_NAMES = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * The pin target of `inst`, without I/O: null when the instruction names no registry image
 * (not FROM / COPY --from, `scratch`, a build stage), `{ error }` when it does but cannot be
 * pinned (ARG without default, ARG mixed into the reference, a digest without a tag…). Cheap:
 * the language server can call it to decide which code action title to offer.
 */
export function pinTarget(model: Model, inst: Inst): PinTarget | PinError | null {
  if (inst.keyword === 'FROM') return fromTarget(model, inst);
  if (inst.keyword === 'COPY') return copyTarget(model, inst);
  return null;
}

/**
 * The fix that pins (or re-pins) the image `inst` names to the digest its tag points to now.
 * Fix.safety is 'suggestion': a pin changes what later builds pull. Never throws: failures of
 * `resolve` become `{ error }` with the resolver's message.
 */
export async function pinDigestFix(model: Model, inst: Inst, resolve: DigestResolver): Promise<PinResult> {
  const target = pinTarget(model, inst);
  if (target === null) return { error: `nothing to pin: line ${inst.range.start.line + 1} does not name a registry image` };
  if ('error' in target) return target;
  let digest: string;
  try {
    digest = await resolve(target.reference);
  } catch (e) {
    return { error: `cannot pin ${target.reference}: ${oneLine(e instanceof Error ? e.message : String(e))}` };
  }
  if (typeof digest !== 'string' || !isSha256Digest(digest)) return { error: `cannot pin ${target.reference}: the registry lookup returned no sha256 digest` };
  if (target.currentDigest === digest) return { error: `${target.reference} is already pinned to its current digest`, upToDate: true };
  return { title: target.title, edits: [{ range: target.range, newText: target.textFor(digest) }], safety: 'suggestion' };
}

export interface PinAllResult {
  /** Non-overlapping edits for the whole document (one per ARG default even if several FROMs use it). */
  edits: TextEdit[];
  /** Per instruction that was pinned or updated (0-based line of the instruction). */
  pinned: { line: number; title: string; reference: string }[];
  upToDate: { line: number; reference: string }[];
  errors: { line: number; error: string }[];
}

/** Every pinnable instruction of the document, for `--pin-digests`. Lookups run concurrently. */
export async function pinAllDigests(model: Model, resolve: DigestResolver): Promise<PinAllResult> {
  const candidates = model.instructions
    .map((inst) => ({ inst, target: pinTarget(model, inst) }))
    .filter((c) => c.target !== null);
  const results = await Promise.all(candidates.map((c) => pinDigestFix(model, c.inst, resolve)));
  const out: PinAllResult = { edits: [], pinned: [], upToDate: [], errors: [] };
  const seen = new Set<string>();
  results.forEach((r, i) => {
    const { inst, target } = candidates[i];
    const line = inst.range.start.line;
    if ('error' in r) {
      if (r.upToDate) out.upToDate.push({ line, reference: (target as PinTarget).reference });
      else out.errors.push({ line, error: r.error });
      return;
    }
    for (const e of r.edits) {
      const key = `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.edits.push(e);
    }
    out.pinned.push({ line, title: r.title, reference: (target as PinTarget).reference });
  });
  return out;
}

function fromTarget(model: Model, inst: Inst): PinTarget | PinError | null {
  const stage = model.stages.find((s) => s.from === inst);
  const word = inst.args[0];
  if (!stage || !word) return null;
  const img = stage.image;
  if (img.isScratch || stage.baseStage) return null;
  if (img.resolved === null) return noDefault(img.unresolved);
  if (img.text.includes('$')) {
    const m = WHOLE_VAR.exec(img.text);
    if (!m) return mixed(img.text);
    return argDefaultTarget(model, m[1] ?? m[2], img.resolved);
  }
  if (model.lines.textOf(word.range) !== img.text) return { error: 'cannot pin: the image reference is split over lines or escaped; write it on one line' };
  return literalTarget('from', img.text, word.range);
}

function copyTarget(model: Model, inst: Inst): PinTarget | PinError | null {
  const flag = inst.flags.find((f) => f.name.toLowerCase() === 'from');
  if (!flag || !flag.value || !flag.valueRange) return null;
  const value = flag.value;
  if (model.stageByRef(value)) return null;
  if (value.includes('$')) {
    const e = expand(value, inst.scope, model.escapeChar);
    if (e.value === null) return noDefault(e.unresolved);
    if (model.stageByRef(e.value)) return null;
    return mixed(value);
  }
  if (model.lines.textOf(flag.valueRange) !== value) return { error: 'cannot pin: the --from value is split over lines, quoted or escaped; write it plainly' };
  return literalTarget('copy-from', value, flag.valueRange);
}

/** `FROM ${BASE}` with `ARG BASE=node:20` before the first FROM: pin the ARG default. */
function argDefaultTarget(model: Model, name: string, resolved: string): PinTarget | PinError {
  const firstFrom = model.instructions.findIndex((i) => i.keyword === 'FROM');
  let found: { value: string; range: Range } | null = null;
  for (const inst of model.instructions.slice(0, firstFrom < 0 ? undefined : firstFrom)) {
    if (inst.keyword !== 'ARG') continue;
    for (const a of inst.args) {
      if (a.value.startsWith(`${name}=`)) found = { value: a.value.slice(name.length + 1), range: a.range };
    }
  }
  if (!found) return { error: `cannot pin: ARG ${name} has no default` };
  const wordText = model.lines.textOf(found.range);
  if (wordText !== `${name}=${found.value}`) return { error: `cannot pin: the default of ARG ${name} is split over lines or escaped; write it on one line` };
  let value = found.value;
  let start = model.lines.offsetAt(found.range.start) + name.length + 1;
  const q = value[0];
  if (value.length >= 2 && (q === '"' || q === "'") && value[value.length - 1] === q) {
    value = value.slice(1, -1);
    start += 1;
  }
  if (value.includes('$')) return { error: `cannot pin: the default of ARG ${name} uses other variables; pin it by hand` };
  if (value !== resolved) return { error: `cannot pin: ARG ${name} is redefined; pin its default by hand` };
  const target = literalTarget('from', value, model.lines.range(start, start + value.length));
  if (!('error' in target)) target.viaArg = name;
  return target;
}

function literalTarget(kind: PinTarget['kind'], written: string, range: Range): PinTarget | PinError {
  const parts = splitWritten(written);
  if (parts.digest !== null && parts.tag === null) {
    return { error: `cannot update ${written}: it has no tag to resolve; write the tag before the digest (name:tag@sha256:…)` };
  }
  const tag = parts.tag ?? 'latest';
  const reference = `${parts.name}:${tag}`;
  try {
    parseReference(parts.digest !== null ? `${reference}@${parts.digest}` : reference);
  } catch (e) {
    return { error: `cannot pin: ${e instanceof InvalidReferenceError ? e.message : 'invalid image reference'}` };
  }
  return {
    kind,
    title: parts.digest !== null ? UPDATE_PIN_TITLE : kind === 'from' ? PIN_FROM_TITLE : PIN_COPY_TITLE,
    reference,
    range,
    currentDigest: parts.digest,
    viaArg: null,
    textFor: (digest: string) => `${reference}@${digest}`,
  };
}

function noDefault(names: string[]): PinError {
  const uniq = [...new Set(names)];
  if (uniq.length === 0) return { error: 'cannot pin: the image reference cannot be resolved' };
  return { error: uniq.length === 1 ? `cannot pin: ARG ${uniq[0]} has no default` : `cannot pin: ARGs ${uniq.join(', ')} have no default` };
}

function mixed(text: string): PinError {
  const names = new Set<string>();
  for (const m of text.matchAll(VAR_NAMES)) names.add(m[1] ?? m[2]);
  const list = [...names].join(', ');
  return {
    error: `cannot pin: the reference is built from ARG ${list}; a digest written next to it would silently override --build-arg ${[...names][0]}=…, so pin by hand (or use FROM \${NAME} with a pinned ARG default)`,
  };
}

function oneLine(s: string): string { return s.replace(/[\r\n]+/g, ' '); }
