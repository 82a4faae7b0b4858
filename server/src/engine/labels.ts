// LABEL pairs as Docker sets them (quotes removed, ARG/ENV values substituted), the labels a
// final image carries, the label schema from the configuration (`label-schema` of
// .hadolint.yaml) and the value checks of its types. Pure functions of the model and context.
import type { Range } from '../../../shared/types';
import type { Inst, Model, Stage } from './model';
import type { RawFinding, RuleContext } from './rule';
import { onbuildTrigger, variableRefs } from './props';
import { expand } from './vars';
import { stageChain } from './user';
import parseSpdx = require('spdx-expression-parse');
import spdxIds = require('spdx-license-ids');
import spdxDeprecated = require('spdx-license-ids/deprecated');
import spdxExceptions = require('spdx-exceptions');

export interface LabelPair {
  /** The LABEL instruction, or the ONBUILD that registers it. */
  inst: Inst;
  /** From `ONBUILD LABEL`: labels the images built on this one, not this one. */
  onbuild: boolean;
  /** The key as Docker reads it, variables substituted; null when one has no known value. */
  key: string | null;
  keyRange: Range;
  /** The key as written (quotes removed, variables not substituted). */
  rawKey: string;
  /**
   * The value as Docker sets it (quotes removed, variables substituted). Null when a variable
   * in it has no known value, or when the pair has no value at all (`absent`).
   */
  value: string | null;
  /** The value as written (quotes removed, variables not substituted); null when absent. */
  rawValue: string | null;
  /** Whether the value refers to variables. */
  dynamic: boolean;
  absent: boolean;
  valueRange: Range | null;
  /** The whole `key=value` pair. */
  range: Range;
}

type PropertyNode = { getName(): string; getValue(): string | null; getNameRange(): Range; getValueRange(): Range | null; getRange(): Range };

function propsOf(node: unknown): PropertyNode[] {
  const get = (node as { getProperties?: () => PropertyNode[] }).getProperties;
  return typeof get === 'function' ? get.call(node) : [];
}

const cache = new WeakMap<Model, LabelPair[]>();

/** Every LABEL pair of the document (ONBUILD LABEL included), in source order. */
export function labelPairs(model: Model): LabelPair[] {
  let out = cache.get(model);
  if (out) return out;
  out = [];
  for (const inst of model.instructions) {
    let props: PropertyNode[];
    let onbuild = false;
    if (inst.keyword === 'LABEL') props = propsOf(inst.node);
    else if (inst.keyword === 'ONBUILD') {
      const t = onbuildTrigger(inst);
      if (!t || t.keyword !== 'LABEL') continue;
      props = propsOf(t.node);
      onbuild = true;
    } else continue;
    for (const p of props) {
      const rawKey = p.getName();
      const rawValue = p.getValue();
      const valueRange = p.getValueRange();
      // An ONBUILD trigger runs in the child build: its variables are unknown here.
      const sub = (raw: string, range: Range | null): { value: string | null; dynamic: boolean } => {
        if (!range || variableRefs(model, range).length === 0) return { value: raw, dynamic: false };
        return { value: onbuild ? null : expand(raw, inst.scope, model.escapeChar).value, dynamic: true };
      };
      const key = sub(rawKey, p.getNameRange()).value;
      const v = rawValue === null ? { value: null, dynamic: false } : sub(rawValue, valueRange);
      out.push({
        inst, onbuild, key, keyRange: p.getNameRange(), rawKey, value: v.value, rawValue, dynamic: v.dynamic,
        absent: rawValue === null, valueRange, range: p.getRange(),
      });
    }
  }
  cache.set(model, out);
  return out;
}

/**
 * The labels the image `stage` builds carries by its own Dockerfile: those set in the stage
 * and in the stages it builds on (`FROM base`), last one winning. Labels the external base
 * image sets cannot be seen.
 */
export function imageLabels(model: Model, stage: Stage): Map<string, LabelPair> {
  const chain = new Set(stageChain(stage));
  const out = new Map<string, LabelPair>();
  for (const p of labelPairs(model)) {
    if (p.onbuild || p.key === null || !p.inst.stage || !chain.has(p.inst.stage)) continue;
    out.set(p.key, p);
  }
  return out;
}

/** Whether a label of the image `stage` builds has a key whose variable has no known value (it may be any label). */
export function hasUnknownLabelKey(model: Model, stage: Stage): boolean {
  const chain = new Set(stageChain(stage));
  return labelPairs(model).some((p) => !p.onbuild && p.key === null && p.inst.stage !== null && chain.has(p.inst.stage));
}

/** `'value'`, or `'$V' (value)` when variables were substituted, for messages. */
export function shownValue(p: LabelPair): string {
  const v = p.value ?? '';
  return p.dynamic ? `'${p.rawValue}' (${JSON.stringify(v)})` : `'${v}'`;
}

// ---- the schema ---------------------------------------------------------------------------------

/** The value types a `label-schema` may name (hadolint's). */
export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

/** The configured label schema (label name → type), or null when none is configured. */
export function labelSchema(ctx: RuleContext): ReadonlyMap<string, string> | null {
  const s = ctx.settings?.labelSchema;
  if (!s) return null;
  return new Map(Object.entries(s));
}

/**
 * Findings for every label the schema gives `type` whose value (known, not empty: empty is
 * DL3051) fails `check`, which returns what is wrong or null. Every stage and ONBUILD LABEL
 * counts: a malformed value is wrong wherever it is written.
 */
export function checkTypedLabels(
  model: Model, ctx: RuleContext, type: LabelType,
  check: (value: string) => string | null,
  message: (p: LabelPair, problem: string) => string,
  fixFor?: (p: LabelPair) => RawFinding['fixes'],
): RawFinding[] {
  const schema = labelSchema(ctx);
  if (!schema) return [];
  const out: RawFinding[] = [];
  for (const p of labelPairs(model)) {
    if (p.key === null || schema.get(p.key) !== type || p.value === null || p.value === '') continue;
    const problem = check(p.value);
    if (problem === null) continue;
    const range = p.valueRange && (p.valueRange.start.line !== p.valueRange.end.line || p.valueRange.start.character !== p.valueRange.end.character) ? p.valueRange : p.range;
    out.push({ range, message: message(p, problem), fixes: fixFor?.(p) });
  }
  return out;
}

// ---- keys -----------------------------------------------------------------------------------------

const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/**
 * What is wrong with a label key by Docker's guidelines (lower-case letters, digits, `.` and
 * `-`; starts with a letter, ends with a letter or digit; no `..` or `--`; the com.docker.,
 * io.docker. and org.dockerproject. namespaces are Docker's), or null when nothing is.
 */
export function labelKeyProblem(key: string): string | null {
  if (key === '') return 'it is empty';
  for (const ns of RESERVED_NAMESPACES) if (key.toLowerCase().startsWith(ns)) return `the ${ns.slice(0, -1)} namespace is reserved for Docker`;
  for (const c of key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '.' || c === '-')) {
      return c >= 'A' && c <= 'Z' ? 'use lower-case letters only' : `'${c}' is not allowed (only lower-case letters, digits, '.' and '-')`;
    }
  }
  if (!(key[0] >= 'a' && key[0] <= 'z')) return 'it must start with a lower-case letter';
  const last = key[key.length - 1];
  if (last === '.' || last === '-') return 'it must end with a letter or a digit';
  if (key.includes('..') || key.includes('--')) return `it must not contain consecutive '.' or '-'`;
  return null;
}

// ---- value types ------------------------------------------------------------------------------------

/** Whether `v` is an absolute URL: a scheme, no white space, and parseable (WHATWG URL). */
export function urlProblem(v: string): string | null {
  if (/[\s\x00-\x1f\x7f]/.test(v)) return 'it contains white space or control characters';
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(v)) return 'it has no scheme (such as https://)';
  if (/^(https?|ftp|wss?):/i.test(v) && !/^[a-z]+:\/\//i.test(v)) return "its scheme is not followed by '//'";
  try {
    const u = new URL(v);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.hostname) return 'it has no host';
  } catch {
    return 'it does not parse as a URL';
  }
  return null;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** Whether `v` is an RFC 3339 date-time (`2024-05-01T12:30:00Z`, a space instead of `T` allowed). */
export function rfc3339Problem(v: string): string | null {
  if (v.length > 64) return 'it is not a date-time';
  const m = RFC3339.exec(v);
  if (!m) return /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'it has a date but no time and time zone' : 'it is not a date-time such as 2024-05-01T12:30:00Z';
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (mo < 1 || mo > 12) return 'the month is out of range';
  if (d < 1 || d > DAYS[mo - 1] || (mo === 2 && d === 29 && !leap)) return 'the day is out of range';
  if (h > 23 || mi > 59 || s > 60) return 'the time is out of range';
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return 'the time zone offset is out of range';
  return null;
}

const NUMERIC = /^(0|[1-9][0-9]*)$/;
const IDENT = /^[0-9A-Za-z-]+$/;

/** Whether `v` is a Semantic Versioning 2.0.0 version (`1.2.3`, `1.0.0-rc.1+build.5`). */
export function semverProblem(v: string): string | null {
  if (v.length > 256) return 'it is too long for a version';
  const plus = v.indexOf('+');
  const main = plus >= 0 ? v.slice(0, plus) : v;
  const build = plus >= 0 ? v.slice(plus + 1) : null;
  const dash = main.indexOf('-');
  const core = dash >= 0 ? main.slice(0, dash) : main;
  const pre = dash >= 0 ? main.slice(dash + 1) : null;
  const parts = core.split('.');
  if (parts.length !== 3 || !parts.every((p) => NUMERIC.test(p))) {
    if (/^[vV]\d/.test(core)) return `drop the leading '${core[0]}'`;
    return 'it needs MAJOR.MINOR.PATCH numbers without leading zeros';
  }
  if (pre !== null) {
    for (const id of pre.split('.')) {
      if (!IDENT.test(id)) return 'its pre-release part has an empty or invalid identifier';
      if (/^[0-9]+$/.test(id) && !NUMERIC.test(id)) return 'a numeric pre-release identifier has a leading zero';
    }
  }
  if (build !== null && !build.split('.').every((id) => IDENT.test(id))) return 'its build part has an empty or invalid identifier';
  return null;
}

/** Whether `v` is a git commit hash: hex, 7 to 40 digits (SHA-1, abbreviated or full) or 64 (SHA-256). */
export function gitHashProblem(v: string): string | null {
  if (!/^[0-9a-fA-F]+$/.test(v)) return 'it is not hexadecimal';
  if (!((v.length >= 7 && v.length <= 40) || v.length === 64)) return `it has ${v.length} digits (a commit hash has 7 to 40, or 64)`;
  return null;
}

const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function addrSpecProblem(a: string): string | null {
  const at = a.lastIndexOf('@');
  if (at <= 0 || at === a.length - 1) return "it needs the form name@domain";
  const local = a.slice(0, at);
  const domain = a.slice(at + 1);
  if (local.length > 64 || a.length > 254) return 'it is too long for an address';
  const quoted = local.length >= 2 && local[0] === '"' && local[local.length - 1] === '"' && !/(^|[^\\])"/.test(local.slice(1, -1)) && !/[\r\n]/.test(local);
  if (!quoted && !local.split('.').every((p) => ATEXT.test(p))) return 'the part before @ has characters an address cannot have';
  const literal = /^\[[^[\]\\\s]+\]$/.test(domain);
  if (!literal && !domain.split('.').every((l) => HOST_LABEL.test(l))) return 'the domain is not a host name';
  return null;
}

/** Whether `v` is an RFC 5322 mailbox: `name@example.com`, or `Display Name <name@example.com>`. */
export function emailProblem(v: string): string | null {
  if (v.length > 512) return 'it is too long for an address';
  const lt = v.indexOf('<');
  if (lt >= 0 && v.endsWith('>') && v.indexOf('<', lt + 1) < 0) {
    const name = v.slice(0, lt).trim();
    if (/[<>@,;:\\[\]]/.test(name.replace(/^"[^"]*"$/, ''))) return 'the display name needs quotes';
    return addrSpecProblem(v.slice(lt + 1, -1));
  }
  return addrSpecProblem(v);
}

let spdxIndex: Map<string, string> | null = null;
function spdxCanonical(id: string): string | undefined {
  if (!spdxIndex) {
    spdxIndex = new Map();
    for (const list of [spdxExceptions, spdxDeprecated, spdxIds]) for (const x of list) spdxIndex.set(x.toLowerCase(), x);
  }
  return spdxIndex.get(id.toLowerCase());
}

function parsesAsSpdx(v: string): boolean {
  try { parseSpdx(v); return true; } catch { return false; }
}

const SPDX_CHARS = /^[A-Za-z0-9.+:() -]+$/;
const SPDX_TOKEN = /[A-Za-z0-9.-]+/g;

/**
 * Whether `v` is an SPDX license expression (`MIT`, `Apache-2.0 OR MIT`, `GPL-2.0-only WITH
 * Classpath-exception-2.0`, `LicenseRef-…`). When it only differs in letter case from one,
 * `canonical` is that spelling.
 */
export function spdxProblem(v: string): { problem: string; canonical: string | null } | null {
  if (v.length > 1000) return { problem: 'it is too long for a license expression', canonical: null };
  if (!SPDX_CHARS.test(v)) return { problem: 'it has characters a license expression cannot have', canonical: null };
  if (parsesAsSpdx(v)) return null;
  let unknown: string | null = null;
  const canonical = v.replace(SPDX_TOKEN, (tok) => {
    const up = tok.toUpperCase();
    if (up === 'AND' || up === 'OR' || up === 'WITH') return up;
    const ref = /^(licenseref-|documentref-)(.*)$/i.exec(tok);
    if (ref) return (ref[1].toLowerCase() === 'licenseref-' ? 'LicenseRef-' : 'DocumentRef-') + ref[2];
    const c = spdxCanonical(tok);
    if (c === undefined && unknown === null) unknown = tok;
    return c ?? tok;
  });
  if (canonical !== v && parsesAsSpdx(canonical)) return { problem: `write it as '${canonical}'`, canonical };
  if (unknown !== null) return { problem: `'${unknown}' is not an SPDX license identifier`, canonical: null };
  return { problem: 'it is not a well-formed license expression', canonical: null };
}
