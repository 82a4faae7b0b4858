// The settings that apply to one Dockerfile, from four layers: built-in defaults < the
// config file < environment variables < command-line options; and, for --print-config,
// where each value came from. Pure: the caller reads the file and the environment.
import type { LintOptions, RuleSetting, Severity } from '../../../shared/types';
import { effectiveSeverities, findRule } from '../engine/engine';
import { isShellcheckCode } from '../engine/shellcheck';
import { allRules } from '../rules';
import type { RuleSettings } from '../engine/rule';
import { lintOptionsFrom, ruleSettingsFrom, type ConfigThreshold, type HadolintConfig } from './hadolint';
import type { EnvSettings } from './env';

export type SourceKind = 'default' | 'config' | 'env' | 'cli';
/** Where a value came from: `name` is the config file's path, the variable or the option. */
export interface Source { kind: SourceKind; name?: string }
export interface Setting<T> { value: T; source: Source }

export interface CliLayer {
  enable: string[];
  disable: string[];
  /** Set only when -t/--failure-threshold (or --no-fail) was given. */
  failureThreshold?: ConfigThreshold;
  /** The option that set failureThreshold (default --failure-threshold). */
  thresholdFlag?: string;
  /** hadolint's --error/--warning/--info/--style: canonical code → level, and the option used. */
  levels?: Record<string, Severity>;
  levelFlags?: Record<string, string>;
  trustedRegistries?: string[];
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
  ignorePragmas?: boolean;
}

export interface RuleState {
  code: string;
  name: string;
  /** What the rule does for this file: off or the severity it reports at (`on`: a ShellCheck code at ShellCheck's own level). */
  value: Severity | 'off' | 'on';
  default: Severity | 'off' | 'on';
  source: Source;
}

export interface Effective {
  configFile: string | null;
  failureThreshold: Setting<ConfigThreshold>;
  ignorePragmas: Setting<boolean>;
  trustedRegistries: Setting<string[] | null>;
  labelSchema: Setting<Record<string, string> | null>;
  strictLabels: Setting<boolean>;
  /** Rules some layer set, or whose state differs from the default, in code order. */
  rules: RuleState[];
  options: LintOptions;
  ruleSettings: RuleSettings;
}

const DEFAULT: Source = { kind: 'default' };

export function resolveSettings(cfg: HadolintConfig | undefined, configFile: string | undefined, env: EnvSettings, cli: CliLayer): Effective {
  const fileSrc: Source = { kind: 'config', name: configFile };
  const envSrc = (name: string): Source => ({ kind: 'env', name });
  const pick = <T>(envV: { value: T; name: string } | undefined, fileV: T | undefined, def: T): Setting<T> =>
    envV ? { value: envV.value, source: envSrc(envV.name) } : fileV !== undefined ? { value: fileV, source: fileSrc } : { value: def, source: DEFAULT };

  let failureThreshold: Setting<ConfigThreshold>;
  if (cli.failureThreshold) failureThreshold = { value: cli.failureThreshold, source: { kind: 'cli', name: cli.thresholdFlag ?? '--failure-threshold' } };
  else if (env.failureThreshold) failureThreshold = { value: env.failureThreshold.value, source: envSrc(env.failureThreshold.name) };
  else if (env.noFail?.value) failureThreshold = { value: 'none', source: envSrc(env.noFail.name) };
  else failureThreshold = pick(undefined, cfg?.failureThreshold, 'info');

  const cliWins = <T>(v: T | undefined, flag: string, s: Setting<T>): Setting<T> => (v !== undefined ? { value: v, source: { kind: 'cli', name: flag } } : s);
  const ignorePragmas = cliWins(cli.ignorePragmas, '--disable-ignore-pragma', pick(env.ignorePragmas, cfg?.ignorePragmas, true));
  const trustedRegistries = cliWins<string[] | null>(cli.trustedRegistries, '--trusted-registry', pick<string[] | null>(env.trustedRegistries, cfg?.trustedRegistries, null));
  const labelSchema = cliWins<Record<string, string> | null>(cli.labelSchema, '--require-label', pick<Record<string, string> | null>(env.labelSchema, cfg?.labelSchema, null));
  const strictLabels = cliWins(cli.strictLabels, '--strict-labels', pick(env.strictLabels, cfg?.strictLabels, false));

  // The file and the environment merged as one config; the command line on top as before.
  const merged: HadolintConfig = {
    rules: { ...(cfg?.rules ?? {}) },
    problems: [],
    ignorePragmas: ignorePragmas.value,
    ...(trustedRegistries.value ? { trustedRegistries: trustedRegistries.value } : {}),
    ...(labelSchema.value ? { labelSchema: labelSchema.value } : {}),
    ...(strictLabels.source.kind !== 'default' ? { strictLabels: strictLabels.value } : {}),
  };
  const ruleSource = new Map<string, Source>();
  for (const code of Object.keys(cfg?.rules ?? {})) ruleSource.set(code, fileSrc);
  for (const [code, v] of Object.entries(env.rules)) { merged.rules[code] = v.value; ruleSource.set(code, envSrc(v.name)); }
  for (const [code, v] of Object.entries(cli.levels ?? {})) { merged.rules[code] = v; ruleSource.set(code, { kind: 'cli', name: cli.levelFlags?.[code] ?? '--error' }); }
  const options = lintOptionsFrom(merged, { enable: cli.enable, disable: cli.disable });
  const touchAll = (ids: string[], flag: string) => {
    for (const id of ids) {
      const targets = id.toLowerCase() === 'all' ? allRules : [findRule(id)].filter((r) => !!r);
      for (const r of targets) ruleSource.set(r!.meta.code, { kind: 'cli', name: flag });
    }
  };
  touchAll(cli.enable, '--enable');
  touchAll(cli.disable, '--disable');

  const now = effectiveSeverities(options);
  const rules: RuleState[] = [];
  for (const r of allRules) {
    const value: Severity | 'off' = now.get(r) ?? 'off';
    const def: Severity | 'off' = r.meta.enabledByDefault ? r.meta.severity : 'off';
    const source = ruleSource.get(r.meta.code);
    if (source || value !== def) rules.push({ code: r.meta.code, name: r.meta.name, value, default: def, source: source ?? DEFAULT });
  }
  // ShellCheck codes (SCnnnn) are not rules of the engine: shown as set, ShellCheck's level being the default.
  for (const [code, setting] of Object.entries(merged.rules)) {
    if (!isShellcheckCode(code) || findRule(code)) continue;
    const off = (options.disable ?? []).some((d) => d.toUpperCase() === code || d.toLowerCase() === 'all');
    rules.push({ code, name: 'shellcheck', value: off ? 'off' : setting, default: 'on', source: off ? { kind: 'cli', name: '--disable' } : ruleSource.get(code) ?? DEFAULT });
  }
  rules.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    configFile: configFile ?? null, failureThreshold, ignorePragmas, trustedRegistries, labelSchema, strictLabels, rules,
    options, ruleSettings: ruleSettingsFrom(merged),
  };
}

export const describeSource = (s: Source): string =>
  s.kind === 'default' ? 'default' : s.kind === 'config' ? `config file ${s.name}` : s.kind === 'env' ? `environment ${s.name}` : `command line ${s.name}`;

/** Settings of the host rather than the engine (CLI only): build context, ShellCheck. */
export interface HostSettings { buildContext: Setting<string>; shellcheck: Setting<string> }

/** The --print-config text for one file. */
export function formatEffectiveText(file: string, e: Effective, format: Setting<string>, host?: HostSettings): string {
  const rows: [string, string, Source][] = [
    ['config file', e.configFile ?? '(none)', e.configFile ? { kind: 'config', name: e.configFile } : DEFAULT],
    ['format', format.value, format.source],
    ['failure-threshold', e.failureThreshold.value, e.failureThreshold.source],
    ['disable-ignore-pragma', String(!e.ignorePragmas.value), e.ignorePragmas.source],
    ['trustedRegistries', e.trustedRegistries.value ? (e.trustedRegistries.value.join(', ') || '(empty: none trusted)') : '(any registry)', e.trustedRegistries.source],
    ['label-schema', e.labelSchema.value ? Object.entries(e.labelSchema.value).map(([k, v]) => `${k}: ${v}`).join(', ') || '(empty)' : '(none)', e.labelSchema.source],
    ['strict-labels', String(e.strictLabels.value), e.strictLabels.source],
  ];
  if (host) rows.push(['build context', host.buildContext.value, host.buildContext.source], ['shellcheck', host.shellcheck.value, host.shellcheck.source]);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  let out = `Effective settings for ${file}:\n`;
  for (const [k, v, s] of rows) out += `  ${k.padEnd(w0)}  ${v.padEnd(w1)}  ${k === 'config file' ? '' : describeSource(s)}`.trimEnd() + '\n';
  if (e.rules.length === 0) out += '  rules: every rule at its default\n';
  else {
    out += '  rules (set, or not at their default):\n';
    const wc = Math.max(...e.rules.map((r) => r.code.length));
    const wv = Math.max(...e.rules.map((r) => r.value.length));
    for (const r of e.rules) out += `    ${r.code.padEnd(wc)}  ${r.value.padEnd(wv)}  ${describeSource(r.source)} (default: ${r.default})\n`;
  }
  return out;
}

export function effectiveJson(file: string, e: Effective, format: Setting<string>, host?: HostSettings) {
  return {
    file,
    configFile: e.configFile,
    settings: {
      format, failureThreshold: e.failureThreshold,
      disableIgnorePragma: { value: !e.ignorePragmas.value, source: e.ignorePragmas.source },
      trustedRegistries: e.trustedRegistries, labelSchema: e.labelSchema, strictLabels: e.strictLabels,
      ...(host ? { buildContext: host.buildContext, shellcheck: host.shellcheck } : {}),
    },
    rules: e.rules,
  };
}

export type { RuleSetting };
