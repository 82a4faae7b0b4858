// The hadolint-style configuration of a document, for the language server: discovered like
// the CLI does (config/discover.ts), parsed by config/hadolint.ts, cached by path and mtime
// so that typing costs no more than a few stat calls per lint.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintOptions } from '../../../shared/types';
import { discoverConfig } from './discover';
import { parseHadolintConfig, lintOptionsFrom, type HadolintConfig } from './hadolint';

export interface LoadedConfig {
  path: string;
  /** Changes when the file (or which file applies) changes: part of the lint cache key. */
  key: string;
  config: HadolintConfig;
  options: LintOptions;
}

const DISCOVERY_TTL_MS = 2000;
const discovered = new Map<string, { path: string | undefined; at: number }>();
const parsed = new Map<string, LoadedConfig>();

/** The configuration for the document at `uri` (a file: URI), or null (none, or not a file). */
export function hadolintConfigForFile(uri: string): LoadedConfig | null {
  if (!uri.startsWith('file:')) return null;
  const dir = path.dirname(fileURLToPath(uri));
  const now = Date.now();
  let d = discovered.get(dir);
  if (!d || now - d.at > DISCOVERY_TTL_MS) discovered.set(dir, (d = { path: discoverConfig(dir), at: now }));
  if (!d.path) return null;
  let st: fs.Stats;
  try { st = fs.statSync(d.path); } catch { discovered.delete(dir); return null; }
  const key = `${d.path}@${st.mtimeMs}:${st.size}`;
  const hit = parsed.get(d.path);
  if (hit && hit.key === key) return hit;
  const config = parseHadolintConfig(fs.readFileSync(d.path, 'utf8'), d.path);
  const loaded: LoadedConfig = { path: d.path, key, config, options: lintOptionsFrom(config) };
  parsed.set(d.path, loaded);
  return loaded;
}
