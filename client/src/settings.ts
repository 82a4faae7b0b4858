// Reads `layerwise.*` into the shape the server expects. No `vscode` import, so tests can run
// it with a plain getter.
import { DEFAULT_SETTINGS, RULE_SETTING_VALUES, type LayerwiseSettings } from '../../shared/constants';

/** `vscode.WorkspaceConfiguration.get` for the `layerwise` section. */
export type Getter = <T>(key: string, fallback: T) => T;

const RULE_VALUES: ReadonlySet<string> = new Set(RULE_SETTING_VALUES);

/** Every setting with its default where the user's value has the wrong type. */
export function readSettings(get: Getter): LayerwiseSettings {
  const d = DEFAULT_SETTINGS;
  const enable = get('enable', d.enable);
  const run = get<string>('run', d.run);
  const rules = get<unknown>('rules', d.rules);
  const insecure = get<unknown>('registry.insecure', d.registry.insecure);
  const timeoutMs = get<unknown>('registry.timeoutMs', d.registry.timeoutMs);
  const scEnable = get<unknown>('shellcheck.enable', d.shellcheck.enable);
  const scPath = get<unknown>('shellcheck.path', d.shellcheck.path);
  const ruleMap: Record<string, string> = {};
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [id, v] of Object.entries(rules)) {
      if (typeof v === 'string' && (RULE_VALUES.has(v.toLowerCase()) || v.toLowerCase() === 'style')) ruleMap[id] = v.toLowerCase();
    }
  }
  return {
    enable: typeof enable === 'boolean' ? enable : d.enable,
    run: run === 'onSave' ? 'onSave' : 'onType',
    rules: ruleMap,
    registry: {
      insecure: Array.isArray(insecure) ? insecure.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim()) : [],
      timeoutMs: typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : d.registry.timeoutMs,
    },
    shellcheck: {
      enable: typeof scEnable === 'boolean' ? scEnable : d.shellcheck.enable,
      path: typeof scPath === 'string' && scPath.trim() !== '' ? scPath.trim() : d.shellcheck.path,
    },
  };
}

/** `vscode.WorkspaceConfiguration.inspect` for the `layerwise` section (the user-level value only). */
export type UserValue = (key: string) => unknown;

/**
 * In an untrusted workspace: `settings` with the ShellCheck executable taken from user settings
 * (or the default), whatever the workspace's settings say. VS Code already does this for the
 * restricted settings; this is the same rule where the client sends the value itself.
 */
export function forUntrustedWorkspace(settings: LayerwiseSettings, userValue: UserValue): LayerwiseSettings {
  const p = userValue('shellcheck.path');
  return { ...settings, shellcheck: { ...settings.shellcheck, path: typeof p === 'string' && p.trim() !== '' ? p.trim() : DEFAULT_SETTINGS.shellcheck.path } };
}
