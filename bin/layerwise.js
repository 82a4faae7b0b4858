#!/usr/bin/env node
'use strict';
// Runs the esbuild bundle of server/src/cli.ts.
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('layerwise: dist/cli.js is missing; run `npm run build` first\n');
  process.exitCode = 2;
} else {
  process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
  require(cli).main(process.argv.slice(2)).then(
    // Exit explicitly: after --pin-digests, idle keep-alive sockets would hold the process.
    (code) => { process.stdout.write('', () => process.stderr.write('', () => process.exit(code))); },
    (e) => { process.stderr.write(`layerwise: internal error: ${e && e.message ? e.message : String(e)}\n`); process.exitCode = 2; },
  );
}
