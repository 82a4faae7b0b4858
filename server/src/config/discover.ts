// Where a Dockerfile's hadolint-style configuration lives, as hadolint looks for it. Host
// code (file system): used by the CLI and the language server, never by the engine.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** In one folder, Layerwise's own file wins over hadolint's (it takes all of hadolint's keys). */
export const CONFIG_NAMES = ['.layerwise.yaml', '.layerwise.yml', '.hadolint.yaml', '.hadolint.yml'] as const;

/**
 * The config file for a Dockerfile in `dir`: the nearest .layerwise.yaml / .layerwise.yml /
 * .hadolint.yaml / .hadolint.yml from `dir` up to the first folder holding `.git` (or the
 * file-system root), else the user-wide files. Undefined when there is none.
 */
export function discoverConfig(dir: string, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string | undefined {
  const isFile = (p: string) => { try { return fs.statSync(p).isFile(); } catch { return false; } };
  let d = path.resolve(dir);
  for (;;) {
    for (const n of CONFIG_NAMES) { const p = path.join(d, n); if (isFile(p)) return p; }
    if (fs.existsSync(path.join(d, '.git'))) break;
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  const user: string[] = [];
  if (env.XDG_CONFIG_HOME) user.push(path.join(env.XDG_CONFIG_HOME, 'layerwise.yaml'), path.join(env.XDG_CONFIG_HOME, 'hadolint.yaml'));
  if (home) user.push(path.join(home, '.config', 'layerwise.yaml'));
  if (home) user.push(path.join(home, '.config', 'hadolint.yaml'), path.join(home, '.hadolint', 'hadolint.yaml'), path.join(home, '.hadolint.yaml'));
  return user.find(isFile);
}

