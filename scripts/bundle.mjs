// Bundles the client, the server and the CLI with esbuild into dist/ (what the VSIX and the
// `bin` entries run), and copies the shell parser's WASM files beside them.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);

const entries = [
  ['server/src/cli.ts', 'dist/cli.js'],
  ['server/src/server.ts', 'dist/server.js'],
  ['client/src/extension.ts', 'dist/extension.js'],
].filter(([src]) => existsSync(src));

mkdirSync('dist', { recursive: true });
await Promise.all(entries.map(([entry, outfile]) => build({
  entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  minify: true, sourcemap: false, external: ['vscode'], logLevel: 'error', legalComments: 'none',
  // web-tree-sitter is ESM and reads import.meta.url; give the CJS bundle a real value.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl=require('url').pathToFileURL(__filename).href;" },
})));
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), 'dist/tree-sitter-bash.wasm');
console.log(`bundled ${entries.map((e) => e[1]).join(', ')}`);
