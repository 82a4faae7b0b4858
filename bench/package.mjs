// VSIX size and extension activation time.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import Module from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * A stand-in for the `vscode` module: every property is a callable, constructible proxy, so
 * the bundle's activate() runs its own code (module load, client construction, registration)
 * without an editor. What it measures is our cost; VS Code's own work is not in it.
 */
function fakeVscode(names) {
  const handler = {
    get: (t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : p === 'isTrusted' ? true : p === 'version' ? '1.95.0' : make()),
    apply: () => make(),
    construct: () => make(),
    // The bundle reads the module through esbuild's namespace helper, which copies the module's
    // own keys: list the names the bundle uses as own, enumerable properties.
    ownKeys: (t) => [...new Set([...Reflect.ownKeys(t), ...names])],
    getOwnPropertyDescriptor: (t, p) => Reflect.getOwnPropertyDescriptor(t, p)
      ?? (names.includes(p) ? { configurable: true, enumerable: true, writable: true, value: make() } : undefined),
  };
  function make() { return new Proxy(function () {}, handler); }
  return make();
}

/** The names the bundle reads off its `vscode` imports (`x.workspace`, `x.Uri`, ...). */
function vscodeNames(bundle) {
  // `x=y(require("vscode"))` minified, `var x = __toESM(require("vscode"))` readable.
  const vars = new Set([...bundle.matchAll(/([\w$]+)\s*=\s*[\w$]+\(require\("vscode"\)[^)]*\)/g)].map((m) => m[1]));
  const names = new Set();
  for (const v of vars) {
    const re = new RegExp(`(?<![\\w$.])${v.replace(/\$/g, '\\$')}\\.([A-Za-z_$][\\w$]*)`, 'g');
    for (const m of bundle.matchAll(re)) names.add(m[1]);
  }
  return [...names];
}

export async function packageSection({ root, table, fmt, quick }) {
  const out = { vsixBytes: null, vsixFiles: null, activationMs: null };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-vsix-'));
  const vsix = path.join(tmp, 'layerwise.vsix');
  const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: root, encoding: 'utf8' });
  if (r.status === 0 && fs.existsSync(vsix)) {
    out.vsixBytes = fs.statSync(vsix).size;
    const list = spawnSync('unzip', ['-l', vsix], { encoding: 'utf8' });
    out.vsixFiles = list.status === 0 ? list.stdout.split('\n').filter((l) => /extension\//.test(l)).length : null;
  } else {
    console.log(`\nVSIX: vsce package failed: ${(r.stderr || r.stdout).split('\n').slice(-5).join(' ')}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });

  const ext = path.join(root, 'dist/extension.js');
  if (fs.existsSync(ext)) {
    // Each measurement in a fresh node process (as the extension host loads it once), the
    // median of several: a single load varies by ±30 % on this machine.
    const times = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--activate', ext], { encoding: 'utf8' });
      const m = /^activation-ms (\S+)/m.exec(r.stdout);
      if (r.status !== 0 || !m) { console.log(`activation probe failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`); break; }
      if (r.stdout.includes('threw:')) console.log(r.stdout.split('\n').find((l) => l.includes('threw:')));
      times.push(Number(m[1]));
    }
    if (times.length) { times.sort((a, b) => a - b); out.activationMs = times[times.length >> 1]; }
  }
  table('Package', ['', 'value'], [
    ['VSIX size', out.vsixBytes == null ? 'n/a' : `${fmt(out.vsixBytes / 1024, 0)} KiB (${out.vsixFiles} files)`],
    ['extension load + activate() (VS Code API stood in)', out.activationMs == null ? 'n/a (no dist/extension.js)' : `${fmt(out.activationMs, 1)} ms`],
  ]);
  return out;
}

/** `node bench/package.mjs --activate <dist/extension.js>`: one load + activate() under the stand-in. */
async function probeActivation(ext) {
  const origLoad = Module._load;
  const vscode = fakeVscode(vscodeNames(fs.readFileSync(ext, 'utf8')));
  Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : origLoad.call(this, request, ...rest); };
  const root = path.resolve(path.dirname(ext), '..');
  const ctx = { subscriptions: [], extensionPath: root, asAbsolutePath: (p) => path.join(root, p), extensionUri: vscode.Uri, globalState: vscode.Memento, workspaceState: vscode.Memento, extension: { packageJSON: {} } };
  const t0 = performance.now();
  try {
    const mod = Module.createRequire(ext)(ext);
    const p = mod.activate?.(ctx);
    if (p && typeof p.then === 'function') await Promise.race([p.catch(() => {}), new Promise((res) => setTimeout(res, 1000))]);
  } catch (e) {
    console.log(`activation under the stand-in threw: ${e.message}`);
  }
  console.log(`activation-ms ${performance.now() - t0}`);
  // activate() may have left a language client with pending work behind under the stand-in.
  process.exit(0);
}
if (process.argv[2] === '--activate') await probeActivation(process.argv[3]);
