// What `npm run package` would put into layerwise.vsix, asked from vsce itself (`vsce ls`, no
// packaging): only the bundles, the WASM files, the launcher, the snippets, the manifest
// files and the third-party licence notices; no node_modules; and small enough that the compressed VSIX stays under 1 MB.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { SERVER_LAUNCHER } from '../../shared/constants';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ALLOWED = new Set([
  'package.json', 'README.md', 'LICENSE', 'client/snippets/dockerfile.json', SERVER_LAUNCHER,
  'dist/extension.js', 'dist/server.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-bash.wasm',
  'dist/THIRD_PARTY_NOTICES.txt',
]);

describe('VSIX contents', () => {
  it('vsce ls lists only the allowed files, and they compress to under 1 MB', () => {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const f of ['package.json', 'README.md', 'LICENSE', 'client/snippets/dockerfile.json', 'dist/extension.js', 'dist/server.js', 'dist/THIRD_PARTY_NOTICES.txt']) {
      assert.ok(files.includes(f), `${f} is packaged (got ${files.join(', ')})`);
    }
    for (const f of files) assert.ok(ALLOWED.has(f), `${f} should not be in the VSIX`);
    const compressed = files.reduce((n, f) => n + zlib.deflateRawSync(fs.readFileSync(path.join(ROOT, f)), { level: 9 }).length, 0);
    assert.ok(compressed < 1_000_000, `compressed payload ${compressed} bytes`);
  });
});
