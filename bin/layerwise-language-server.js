#!/usr/bin/env node
'use strict';
// Runs the esbuild bundle of server/src/server.ts: the Layerwise language server.
// `--stdio` for editors that talk LSP over stdin/stdout; `--node-ipc` when VS Code starts it.
const fs = require('node:fs');
const path = require('node:path');

const server = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(server)) {
  process.stderr.write('layerwise-language-server: dist/server.js is missing; run `npm run build` first\n');
  process.exitCode = 2;
} else {
  try {
    const code = require(server).main(process.argv.slice(2));
    if (typeof code === 'number') process.exitCode = code;
  } catch (e) {
    process.stderr.write(`layerwise-language-server: ${e && e.message ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
