// Bundles the client, the server and the CLI with esbuild into dist/ (what the VSIX and the
// `bin` entries run), copies the shell parser's WASM files beside them, and writes
// dist/THIRD_PARTY_NOTICES.txt: the licences of every package shipped in those files (found
// from esbuild's metafiles; the build fails if one has no licence text or a licence outside
// the allow-list in scripts/notices.mjs). The inputs per file go to out/bundle-inputs.json
// for the tests.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildNotices, NOTICES_FILE } from './notices.mjs';
const require = createRequire(import.meta.url);

const entries = [
  ['server/src/cli.ts', 'dist/cli.js'],
  ['server/src/server.ts', 'dist/server.js'],
  ['client/src/extension.ts', 'dist/extension.js'],
].filter(([src]) => existsSync(src));

mkdirSync('dist', { recursive: true });
const results = await Promise.all(entries.map(([entry, outfile]) => build({
  entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  // LAYERWISE_BUNDLE_READABLE=1 keeps names (for CPU profiles of the bundled server; never shipped).
  minify: !process.env.LAYERWISE_BUNDLE_READABLE, sourcemap: false, external: ['vscode'], logLevel: 'error', metafile: true,
  // Licence comments are dropped from the bundles; dist/THIRD_PARTY_NOTICES.txt carries them.
  legalComments: 'none',
  // web-tree-sitter is ESM and reads import.meta.url; give the CJS bundle a real value.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl=require('url').pathToFileURL(__filename).href;" },
})));
const uses = {};
entries.forEach(([, outfile], i) => { uses[outfile] = Object.keys(results[i].metafile.inputs).sort(); });
for (const [from, to] of [
  ['web-tree-sitter/web-tree-sitter.wasm', 'dist/web-tree-sitter.wasm'],
  ['tree-sitter-bash/tree-sitter-bash.wasm', 'dist/tree-sitter-bash.wasm'],
]) {
  const src = require.resolve(from);
  copyFileSync(src, to);
  uses[to] = [src];
}

let notices;
try {
  notices = buildNotices(uses, JSON.parse(readFileSync('package.json', 'utf8')));
} catch (e) {
  console.error(`\nbundle: ${e.message}\n`);
  process.exit(1);
}
writeFileSync(NOTICES_FILE, notices.text);
mkdirSync('out', { recursive: true });
writeFileSync('out/bundle-inputs.json', `${JSON.stringify(uses, null, 2)}\n`);
console.log(`${NOTICES_FILE}: licences of ${notices.packages.length} bundled packages`);
console.log(`bundled ${entries.map((e) => e[1]).join(', ')}`);
