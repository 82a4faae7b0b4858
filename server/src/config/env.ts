// Environment variables for CI overrides: hadolint's documented HADOLINT_* names and the
// same names with LAYERWISE_ (which wins when both are set). Pure: takes the environment as
// an object; an empty value counts as unset. Every bad value is an error naming the
// variable, so a typo in a pipeline stops the run (exit 2) instead of being ignored.
import type { RuleSetting, Severity } from '../../../shared/types';
import { findRule } from '../engine/engine';
import { LABEL_TYPES } from '../engine/labels';
import { isShellcheckCode } from '../engine/shellcheck';
import type { ConfigThreshold } from './hadolint';

/** A value and the variable it came from. */
export interface FromEnv<T> { value: T; name: string }

export interface EnvSettings {
  format?: FromEnv<string>;
  failureThreshold?: FromEnv<ConfigThreshold>;
  noFail?: FromEnv<boolean>;
  verbose?: FromEnv<boolean>;
  /** From DISABLE_IGNORE_PRAGMA, inverted: false when pragmas must not be honoured. */
  ignorePragmas?: FromEnv<boolean>;
  trustedRegistries?: FromEnv<string[]>;
  labelSchema?: FromEnv<Record<string, string>>;
  strictLabels?: FromEnv<boolean>;
  /** Per canonical rule code: off (IGNORE), a severity (OVERRIDE_*), or any setting (LAYERWISE_RULES). */
  rules: Record<string, FromEnv<RuleSetting>>;
}

export interface EnvResult { settings: EnvSettings; errors: string[]; warnings: string[] }

/** Suffixes after LAYERWISE_ / HADOLINT_, in the order they are documented. */
export const ENV_SUFFIXES = [
  'FORMAT', 'FAILURE_THRESHOLD', 'NOFAIL', 'IGNORE', 'OVERRIDE_ERROR', 'OVERRIDE_WARNING', 'OVERRIDE_INFO',
  'OVERRIDE_STYLE', 'DISABLE_IGNORE_PRAGMA', 'TRUSTED_REGISTRIES', 'REQUIRE_LABELS', 'STRICT_LABELS', 'VERBOSE',
] as const;
/** Only under LAYERWISE_: what hadolint has no variable for. */
export const LAYERWISE_ONLY = ['RULES'] as const;

const HADOLINT_CODE = /^(DL|SC)\d{4}$/;
const THRESHOLDS: readonly ConfigThreshold[] = ['error', 'warning', 'info', 'style', 'none'];
const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);
const OVERRIDES: [string, Severity][] = [['OVERRIDE_ERROR', 'error'], ['OVERRIDE_WARNING', 'warning'], ['OVERRIDE_INFO', 'info'], ['OVERRIDE_STYLE', 'hint']];
const RULE_SETTINGS: Record<string, RuleSetting> = { on: 'on', off: 'off', error: 'error', warning: 'warning', info: 'info', hint: 'hint', style: 'hint' };

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** `parseFormat` names a format from its (case-insensitive) name, or undefined for an unknown one. */
export function readEnv(env: NodeJS.ProcessEnv, parseFormat: (name: string) => string | undefined = (n) => n.toLowerCase()): EnvResult {
  const settings: EnvSettings = { rules: {} };
  const errors: string[] = [];
  const warnings: string[] = [];
  /** LAYERWISE_X, else HADOLINT_X (hadolintToo), when non-empty. */
  const get = (suffix: string, hadolintToo = true): FromEnv<string> | undefined => {
    for (const name of hadolintToo ? [`LAYERWISE_${suffix}`, `HADOLINT_${suffix}`] : [`LAYERWISE_${suffix}`]) {
      const v = env[name];
      if (v !== undefined && v.trim() !== '') return { value: v.trim(), name };
    }
    return undefined;
  };
  const bool = (suffix: string): FromEnv<boolean> | undefined => {
    const v = get(suffix);
    if (!v) return undefined;
    const s = v.value.toLowerCase();
    if (TRUE.has(s)) return { value: true, name: v.name };
    if (FALSE.has(s)) return { value: false, name: v.name };
    errors.push(`${v.name}: expected true or false (1/0, yes/no, on/off), found '${v.value}'`);
    return undefined;
  };
  const codes = (v: FromEnv<string>): string[] => {
    const out: string[] = [];
    for (const id of list(v.value)) {
      const rule = findRule(id);
      if (rule) out.push(rule.meta.code);
      else if (isShellcheckCode(id)) out.push(id.toUpperCase());
      else if (HADOLINT_CODE.test(id.toUpperCase())) warnings.push(`${v.name}: ${id} is a hadolint code that Layerwise does not implement; ignored`);
      else errors.push(`${v.name}: unknown rule code '${id}' (see layerwise --list-rules)`);
    }
    return out;
  };

  const format = get('FORMAT');
  if (format) {
    const f = parseFormat(format.value);
    if (f) settings.format = { value: f, name: format.name };
    else errors.push(`${format.name}: unknown format '${format.value}' (see layerwise --help)`);
  }
  const threshold = get('FAILURE_THRESHOLD');
  if (threshold) {
    const s = threshold.value.toLowerCase();
    const t = s === 'hint' ? 'style' : s;
    if ((THRESHOLDS as readonly string[]).includes(t)) settings.failureThreshold = { value: t as ConfigThreshold, name: threshold.name };
    else errors.push(`${threshold.name}: unknown failure threshold '${threshold.value}' (expected ${THRESHOLDS.join(', ')})`);
  }
  settings.noFail = bool('NOFAIL');
  settings.verbose = bool('VERBOSE');
  const dip = bool('DISABLE_IGNORE_PRAGMA');
  if (dip) settings.ignorePragmas = { value: !dip.value, name: dip.name };
  settings.strictLabels = bool('STRICT_LABELS');
  const trusted = get('TRUSTED_REGISTRIES');
  if (trusted) settings.trustedRegistries = { value: list(trusted.value), name: trusted.name };
  const labels = get('REQUIRE_LABELS');
  if (labels) {
    const schema: Record<string, string> = {};
    let ok = true;
    for (const item of list(labels.value)) {
      const colon = item.lastIndexOf(':');
      const label = colon > 0 ? item.slice(0, colon).trim() : '';
      const type = colon > 0 ? item.slice(colon + 1).trim() : '';
      if (!label || !(LABEL_TYPES as readonly string[]).includes(type)) {
        errors.push(`${labels.name}: expected label:type pairs separated by commas (types: ${LABEL_TYPES.join(', ')}), found '${item}'`);
        ok = false;
        continue;
      }
      schema[label] = type;
    }
    if (ok) settings.labelSchema = { value: schema, name: labels.name };
  }

  // Overrides first, then ignores (an ignored rule stays off, as in the config file), then
  // LAYERWISE_RULES, the most specific.
  for (const [suffix, sev] of OVERRIDES) {
    const v = get(suffix);
    if (v) for (const c of codes(v)) settings.rules[c] = { value: sev, name: v.name };
  }
  const ignore = get('IGNORE');
  if (ignore) for (const c of codes(ignore)) settings.rules[c] = { value: 'off', name: ignore.name };
  const rules = get('RULES', false);
  if (rules) {
    for (const item of list(rules.value)) {
      const m = /^([^=:]+)[=:](.*)$/.exec(item);
      const rule = m ? findRule(m[1].trim()) : undefined;
      const sc = m && !rule && isShellcheckCode(m[1]) ? m[1].trim().toUpperCase() : undefined;
      const val = m ? RULE_SETTINGS[m[2].trim().toLowerCase()] : undefined;
      if (!m) errors.push(`${rules.name}: expected code=setting pairs separated by commas, found '${item}'`);
      else if (sc && val) settings.rules[sc] = { value: val, name: rules.name };
      else if (!rule && !sc) errors.push(`${rules.name}: unknown rule code '${m[1].trim()}' (see layerwise --list-rules)`);
      else if (!val) errors.push(`${rules.name}: ${m[1].trim()}: expected on, off, error, warning, info or hint, found '${m[2].trim()}'`);
      else if (rule) settings.rules[rule.meta.code] = { value: val, name: rules.name };
    }
  }
  return { settings, errors, warnings };
}
