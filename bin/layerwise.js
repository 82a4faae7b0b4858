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
  // A CLI run is short: V8's optimising compiler for the shell parser's WebAssembly costs more
  // than it saves (it kept 2 cores busy for ~0.9 s after a 130-file run had finished, and the
  // process could not exit before it was done). The baseline compiler alone: measured by
  // `npm run bench` (cli section).
  require('node:v8').setFlagsFromString('--liftoff-only');
  process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
  require(cli).main(process.argv.slice(2)).then(
    // Exit explicitly: after --pin-digests, idle keep-alive sockets would hold the process.
    (code) => { process.stdout.write('', () => process.stderr.write('', () => process.exit(code))); },
    (e) => { process.stderr.write(`layerwise: internal error: ${e && e.message ? e.message : String(e)}\n`); process.exitCode = 2; },
  );
}
