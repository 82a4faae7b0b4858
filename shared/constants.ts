// Names both the client and the server use. No runtime dependencies.
export const SOURCE = 'layerwise';
export const DOCS_BASE_URL = 'https://github.com/layerwise/layerwise/blob/main/docs/rules/';
export function ruleDocsUrl(code: string): string {
  return `${DOCS_BASE_URL}${code}.md`;
}
export const SETTINGS_SECTION = 'layerwise';
export const COMMAND_SHOW_DOCS = 'layerwise.showDocumentation';
export const CODE_ACTION_FIX_ALL = 'source.fixAll.layerwise';
export const PRAGMA_PREFIX = 'layerwise';

/** Settings as the server receives them from the client (`layerwise.*`). */
export interface LayerwiseSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  rules: Record<string, string>;
}
export const DEFAULT_SETTINGS: LayerwiseSettings = { enable: true, run: 'onType', rules: {} };
