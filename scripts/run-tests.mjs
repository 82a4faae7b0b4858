// `npm test`: runs every compiled test file under out/test/ with node's test runner, except
// the suites that need a real editor (out/test/vscode/, run by `npm run test:vscode` inside
// VS Code's extension host) and out/test/e2e/ (its own script).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = 'out/test';
const EXCLUDED = new Set(['vscode', 'e2e'].map((d) => join(ROOT, d)));

function collect(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (!EXCLUDED.has(p)) collect(p, out); }
    else if (e.isFile() && e.name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const files = collect(ROOT, []).sort();
if (files.length === 0) {
  console.error(`run-tests: no *.test.js under ${ROOT}/ (run \`npm run build\` first)`);
  process.exit(1);
}
// Extra arguments (e.g. --test-name-pattern=...) go to node before the file list.
const child = spawn(process.execPath, ['--test', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
