// hadolint's configuration file (.hadolint.yaml / .hadolint.yml) read into Layerwise
// settings. Pure: takes the file's text (and a name for messages), returns settings and a
// list of problems; finding and reading the file is the front end's job.
//
// Honoured keys:
//   ignored: [codes]                     → rules off (ShellCheck's SCnnnn codes too)
//   override: {error|warning|info|style: [codes]} → severity (style → hint)
//   failure-threshold: error|warning|info|style|none   (the CLI flag wins)
//   no-fail: true                        → failure threshold none, unless failure-threshold is set
//   disable-ignore-pragma: bool          → `# hadolint ignore=` / `# layerwise ignore=` are not honoured
//   trustedRegistries: [hosts], label-schema: {label: type}, strict-labels: bool → RuleContext.settings
//                                        (DL3026, DL3049-DL3058), see ruleSettingsFrom
// Not used by Layerwise (a warning, not an error): format, no-color, verbose.
//
// Layerwise's own file (.layerwise.yaml / .layerwise.yml, same discovery) takes every key
// above and adds what hadolint's cannot say:
//   rules: {code|name|alias: on|off|error|warning|info|hint|style}
//     → turn any rule (LW, BuildKit names, Trivy/Checkov ids included) on at its default
//       severity, off, or to a severity; applied after ignored/override.
import type { LintOptions, RuleSetting, Severity } from '../../../shared/types';
import { findRule } from '../engine/engine';
import type { RuleSettings } from '../engine/rule';
import { LABEL_TYPES } from '../engine/labels';
import { isShellcheckCode } from '../engine/shellcheck';
import { parseYamlSubset, YamlSubsetError, type YamlValue } from './yamlSubset';

export type ConfigThreshold = 'error' | 'warning' | 'info' | 'style' | 'none';

export interface ConfigProblem {
  /** `error`: the file is wrong (the CLI exits 2); `warning`: understood but not used. */
  severity: 'error' | 'warning';
  /** One line, starting with the file name: "<file>: <key>: <what is wrong>". */
  message: string;
}

export interface HadolintConfig {
  /** Per rule code: `off` (ignored) or a severity (override). */
  rules: Record<string, RuleSetting>;
  failureThreshold?: ConfigThreshold;
  /** From disable-ignore-pragma: false when ignore pragmas must not be honoured. */
  ignorePragmas?: boolean;
  trustedRegistries?: string[];
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
  problems: ConfigProblem[];
}

const OVERRIDE_LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
const THRESHOLDS: readonly ConfigThreshold[] = ['error', 'warning', 'info', 'style', 'none'];
const UNUSED_KEYS = new Set(['format', 'no-color', 'verbose']);
/** hadolint's own codes: DL rules and ShellCheck (SC) checks. */
const HADOLINT_CODE = /^(DL|SC)\d{4}$/;

const isMap = (v: YamlValue): v is { [key: string]: YamlValue } => !!v && typeof v === 'object' && !Array.isArray(v);
const describe = (v: YamlValue) => (v === null ? 'nothing' : Array.isArray(v) ? 'a list' : isMap(v) ? 'a mapping' : typeof v === 'boolean' ? `${v}` : `'${v}'`);

/** Which file a config text comes from: hadolint's keys only, or Layerwise's own superset. */
export type ConfigDialect = 'hadolint' | 'layerwise';

/** The dialect of a config file, from its name. */
export function dialectOf(file: string): ConfigDialect {
  return /(^|[\\/])\.?layerwise\.ya?ml$/i.test(file) ? 'layerwise' : 'hadolint';
}

const RULE_SETTINGS: Record<string, RuleSetting> = { on: 'on', off: 'off', error: 'error', warning: 'warning', info: 'info', hint: 'hint', style: 'hint' };

export function parseHadolintConfig(text: string, source = '.hadolint.yaml', dialect: ConfigDialect = dialectOf(source)): HadolintConfig {
  const cfg: HadolintConfig = { rules: {}, problems: [] };
  const err = (key: string, msg: string) => cfg.problems.push({ severity: 'error', message: `${source}: ${key}: ${msg}` });
  const warn = (key: string, msg: string) => cfg.problems.push({ severity: 'warning', message: `${source}: ${key}: ${msg}` });

  let doc: YamlValue;
  try {
    doc = parseYamlSubset(text);
  } catch (e) {
    if (e instanceof YamlSubsetError) { cfg.problems.push({ severity: 'error', message: `${source}: ${e.message}` }); return cfg; }
    throw e;
  }
  if (doc === null) return cfg; // an empty file (or only comments) configures nothing
  if (!isMap(doc)) { cfg.problems.push({ severity: 'error', message: `${source}: expected a mapping of keys to values, found ${describe(doc)}` }); return cfg; }

  /** Rule codes from a list; each unknown one is a problem. Returns canonical codes. */
  const codes = (key: string, v: YamlValue): string[] => {
    if (v === null) return [];
    if (!Array.isArray(v)) { err(key, 'expected a list of rule codes'); return []; }
    const out: string[] = [];
    for (const item of v) {
      if (typeof item !== 'string' || item.trim() === '') { err(key, `expected a list of rule codes, found ${describe(item)} in it`); continue; }
      const id = item.trim();
      const rule = findRule(id);
      if (rule) out.push(rule.meta.code);
      else if (isShellcheckCode(id)) out.push(id.toUpperCase());
      else if (HADOLINT_CODE.test(id.toUpperCase())) warn(key, `${id} is a hadolint code that Layerwise does not implement; ignored`);
      else err(key, `unknown rule code '${id}' (see layerwise --list-rules)`);
    }
    return out;
  };
  const bool = (key: string, v: YamlValue): boolean | undefined => {
    if (typeof v === 'boolean') return v;
    err(key, `expected true or false, found ${describe(v)}`);
    return undefined;
  };
  const strings = (key: string, v: YamlValue, what: string): string[] | undefined => {
    if (v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) { err(key, `expected a list of ${what}`); return undefined; }
    return v as string[];
  };

  let noFail: boolean | undefined;
  const ignored = new Set<string>();
  const own: Record<string, RuleSetting> = {};
  for (const [key, v] of Object.entries(doc)) {
    switch (key) {
      case 'ignored':
        for (const c of codes(key, v)) ignored.add(c);
        break;
      case 'override': {
        if (v === null) break;
        if (!isMap(v)) { err(key, 'expected a mapping of error, warning, info or style to lists of rule codes'); break; }
        for (const [level, list] of Object.entries(v)) {
          const sev = OVERRIDE_LEVELS[level];
          if (!sev) { err(`${key}.${level}`, 'unknown level (expected error, warning, info or style)'); continue; }
          for (const c of codes(`${key}.${level}`, list)) {
            cfg.rules[c] = sev;
          }
        }
        break;
      }
      case 'failure-threshold': {
        const s = typeof v === 'string' ? v.toLowerCase() : '';
        const t = s === 'hint' ? 'style' : s;
        if ((THRESHOLDS as readonly string[]).includes(t)) cfg.failureThreshold = t as ConfigThreshold;
        else err(key, `expected one of ${THRESHOLDS.join(', ')}, found ${describe(v)}`);
        break;
      }
      case 'no-fail': noFail = bool(key, v); break;
      case 'disable-ignore-pragma': {
        const b = bool(key, v);
        if (b !== undefined) cfg.ignorePragmas = !b;
        break;
      }
      case 'strict-labels': cfg.strictLabels = bool(key, v); break;
      case 'trustedRegistries': {
        const s = strings(key, v, 'registry host names');
        if (s) cfg.trustedRegistries = s;
        break;
      }
      case 'label-schema': {
        if (v === null) { cfg.labelSchema = {}; break; }
        if (!isMap(v)) { err(key, 'expected a mapping of label names to types'); break; }
        const schema: Record<string, string> = {};
        for (const [label, type] of Object.entries(v)) {
          if (typeof type !== 'string') { err(`${key}.${label}`, `expected a label type (text, url, semver, hash, rfc3339, spdx, email), found ${describe(type)}`); continue; }
          if (!(LABEL_TYPES as readonly string[]).includes(type)) { err(`${key}.${label}`, `unknown label type '${type}' (expected text, url, semver, hash, rfc3339, spdx or email)`); continue; }
          schema[label] = type;
        }
        cfg.labelSchema = schema;
        break;
      }
      case 'rules': {
        if (dialect !== 'layerwise') { err(key, 'a .layerwise.yaml key; hadolint\'s file has ignored and override (or rename the file to .layerwise.yaml)'); break; }
        if (v === null) break;
        if (!isMap(v)) { err(key, 'expected a mapping of rule codes to on, off, error, warning, info or hint'); break; }
        for (const [id, setting] of Object.entries(v)) {
          const sc = isShellcheckCode(id) ? id.trim().toUpperCase() : null;
          const rule = findRule(id.trim());
          // YAML reads a bare `off`/`on` as a string here (the subset reader has no booleans for them).
          const val = typeof setting === 'boolean' ? (setting ? 'on' : 'off') : typeof setting === 'string' ? RULE_SETTINGS[setting.trim().toLowerCase()] : undefined;
          if (!rule && !sc) { err(`${key}.${id}`, `unknown rule code '${id}' (see layerwise --list-rules)`); continue; }
          if (!val) { err(`${key}.${id}`, `expected on, off, error, warning, info or hint, found ${describe(setting)}`); continue; }
          own[rule ? rule.meta.code : sc!] = val;
        }
        break;
      }
      default:
        if (UNUSED_KEYS.has(key)) warn(key, 'a hadolint option Layerwise does not use; ignored');
        else err(key, `unknown key (expected ignored, override, failure-threshold, no-fail, disable-ignore-pragma, trustedRegistries, label-schema${dialect === 'layerwise' ? ', strict-labels or rules' : ' or strict-labels'})`);
    }
  }
  if (noFail && cfg.failureThreshold === undefined) cfg.failureThreshold = 'none';
  // A rule both ignored and overridden stays off, whatever the order of the keys.
  for (const c of ignored) cfg.rules[c] = 'off';
  // Layerwise's `rules:` is the most specific: it wins over ignored and override.
  Object.assign(cfg.rules, own);
  return cfg;
}

/**
 * LintOptions from a config and the command line. The command line wins: `--disable` wins
 * anyway, and a rule the user `--enable`s is taken out of the config's `off` list.
 */
export function lintOptionsFrom(cfg: HadolintConfig | undefined, cli: { enable?: string[]; disable?: string[] } = {}): LintOptions {
  const opts: LintOptions = { enable: cli.enable ?? [], disable: cli.disable ?? [] };
  if (!cfg) return opts;
  const rules: Record<string, RuleSetting> = { ...cfg.rules };
  const enableAll = (cli.enable ?? []).some((e) => e.toLowerCase() === 'all');
  for (const [code, s] of Object.entries(rules)) {
    if (s !== 'off') continue;
    if (enableAll || (cli.enable ?? []).some((id) => (findRule(id)?.meta.code ?? id.trim().toUpperCase()) === code)) delete rules[code];
  }
  opts.rules = rules;
  if (cfg.ignorePragmas === false) opts.ignorePragmas = false;
  return opts;
}

/** The settings rules read (trusted registries, label schema, strict labels) from a config. */
export function ruleSettingsFrom(cfg: HadolintConfig | undefined | null): RuleSettings {
  if (!cfg) return {};
  const out: { -readonly [K in keyof RuleSettings]: RuleSettings[K] } = {};
  if (cfg.trustedRegistries) out.trustedRegistries = cfg.trustedRegistries;
  if (cfg.labelSchema) out.labelSchema = cfg.labelSchema;
  if (cfg.strictLabels !== undefined) out.strictLabels = cfg.strictLabels;
  return out;
}
