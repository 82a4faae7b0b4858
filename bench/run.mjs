// `npm run bench`: Layerwise against its peers, measured on this machine in this run.
// Prints a table per section and writes bench/results/latest.json. Not part of `npm test`.
//
//   engine    MB/s and files/s of the engine (default rules and all rules) next to the bare
//             dockerfile-ast parse and dockerfile-utils' validator, on the same inputs
//   cli       a whole `layerwise` CLI process on a folder of files next to a process running
//             dockerfile-utils' validator on the same files
//   lsp       keystroke → publishDiagnostics latency over stdio, next to
//             dockerfile-language-server-nodejs driven the same way; start-up time; peak RSS
//   package   VSIX size; extension activation time
//
// Options: --quick (fewer iterations), --only <section,...>
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const want = (s) => !onlyArg || onlyArg.includes(s);

// The peers are loaded first and keep their own dockerfile-ast module instances: the engine
// memoises argument tokens on dockerfile-ast's Instruction prototype, which must not speed up
// the peers it is compared with. The engine then gets fresh instances of the same files.
const { DockerfileParser, Instruction: PeerInstruction } = require('dockerfile-ast');
const dockerfileUtils = require('dockerfile-utils');
for (const k of Object.keys(require.cache)) if (k.includes(`${path.sep}dockerfile-ast${path.sep}`)) delete require.cache[k];
const { lint, clearEngineCaches } = require(path.join(root, 'out/server/src/engine/index.js'));
const { initEngine } = require(path.join(root, 'out/server/src/host/shellWasm.js'));
const { loadCorpus, generateDockerfile } = require(path.join(root, 'out/test/helpers/corpus.js'));
if (PeerInstruction.prototype.__lwMemo) throw new Error('bench: the peer dockerfile-ast shares the engine\'s patched prototype');
await initEngine();

const results = { date: new Date().toISOString(), machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.arch()}` }, sections: {}, budgets: [] };
const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : String(n));
const ratio = (a, b) => a / b;
function table(title, head, rows) {
  console.log(`\n## ${title}\n`);
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}
function budget(name, value, limit, unit, holds = value <= limit) {
  results.budgets.push({ name, value: Number(fmt(value, 3)), limit, unit, holds });
}

/** Median time of fn() over enough repetitions to fill ~minMs (at least `min` runs). */
function measure(fn, { minMs = quick ? 150 : 600, min = 3, max = 200 } = {}) {
  fn(); // warm-up
  const times = [];
  const start = performance.now();
  while ((times.length < min || performance.now() - start < minMs) && times.length < max) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

// ---------------------------------------------------------------------------------------
// Inputs: the corpus as written, and generated files of about 100, 600, 5,000 and 30,000 lines.
const corpus = loadCorpus();
const sizes = [100, 600, 5_000, 30_000];
const generated = sizes.map((n) => ({ name: `generated-${n}`, text: generateDockerfile(n, corpus) }));
const lineCount = (t) => t.split('\n').length;

// ---------------------------------------------------------------------------------------
if (want('engine')) {
  const inputs = [{ name: `corpus (${corpus.length} files)`, files: corpus.map((f) => f.text) }, ...generated.map((g) => ({ name: `${g.name} (${lineCount(g.text)} lines)`, files: [g.text] }))];
  const rows = [];
  const out = [];
  for (const input of inputs) {
    const bytes = input.files.reduce((a, t) => a + Buffer.byteLength(t), 0);
    const big = bytes > 200_000;
    const opts = big ? { minMs: quick ? 300 : 1500, min: quick ? 1 : 3 } : {};
    const tParse = measure(() => { for (const t of input.files) DockerfileParser.parse(t); }, opts);
    const tUtils = measure(() => { for (const t of input.files) dockerfileUtils.validate(t); }, opts);
    // Cold: the Dockerfile and shell parses reused between versions of a document (the editor
    // case, measured in the LSP section) are dropped, as a CLI run reading each file once would see them.
    const tLint = measure(() => { for (const t of input.files) { clearEngineCaches(); lint(t); } }, opts);
    const tAll = measure(() => { for (const t of input.files) { clearEngineCaches(); lint(t, { enable: ['all'] }); } }, opts);
    const mbs = (ms) => bytes / 1e6 / (ms / 1000);
    const fps = (ms) => input.files.length / (ms / 1000);
    const r = {
      input: input.name, bytes, files: input.files.length,
      ms: { dockerfileAst: tParse, dockerfileUtils: tUtils, layerwise: tLint, layerwiseAllRules: tAll },
      mbPerSec: { dockerfileAst: mbs(tParse), dockerfileUtils: mbs(tUtils), layerwise: mbs(tLint), layerwiseAllRules: mbs(tAll) },
      filesPerSec: { dockerfileAst: fps(tParse), dockerfileUtils: fps(tUtils), layerwise: fps(tLint), layerwiseAllRules: fps(tAll) },
      ratioAllRulesToParse: ratio(tAll, tParse), ratioToUtils: ratio(tLint, tUtils),
    };
    out.push(r);
    rows.push([input.name, fmt(r.mbPerSec.dockerfileAst), fmt(r.mbPerSec.dockerfileUtils), fmt(r.mbPerSec.layerwise), fmt(r.mbPerSec.layerwiseAllRules), fmt(r.filesPerSec.layerwise, 0), `${fmt(r.ratioAllRulesToParse)}×`, `${fmt(r.ratioToUtils)}×`]);
  }
  table('Engine throughput (MB/s, median)', ['input', 'dockerfile-ast parse', 'dockerfile-utils validate', 'layerwise (defaults)', 'layerwise (all rules)', 'layerwise files/s', 'all rules ÷ parse', 'layerwise ÷ dockerfile-utils'], rows);
  results.sections.engine = out;
  const worst = Math.max(...out.map((r) => r.ratioAllRulesToParse));
  budget('all rules ≤ 1.5× bare dockerfile-ast parse (worst input)', worst, 1.5, '×');
}

// ---------------------------------------------------------------------------------------
// A whole CLI process on a folder of Dockerfiles vs a process validating them with
// dockerfile-utils (read + validate + print), best of N wall-clock runs each.
if (want('cli')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-bench-'));
  const copies = quick ? 10 : 40;
  let n = 0;
  for (let c = 0; c < copies; c++) for (const f of corpus) fs.writeFileSync(path.join(dir, `${c}-${f.name}`), f.text), n++;
  fs.writeFileSync(path.join(dir, 'big.Dockerfile'), generated[2].text); n++;
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const peerScript = path.join(dir, 'peer.cjs');
  fs.writeFileSync(peerScript, `const fs=require('fs');const {validate}=require(${JSON.stringify(require.resolve('dockerfile-utils'))});let k=0;for(const f of process.argv.slice(2)){if(!f.endsWith('Dockerfile'))continue;const d=validate(fs.readFileSync(f,'utf8'));for(const x of d)k++;}console.log(k);`);
  const wall = (cmd, argv) => {
    let best = Infinity;
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const t0 = performance.now();
      const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
      const ms = performance.now() - t0;
      if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv[0]} failed (${r.status}): ${r.stderr}`);
      best = Math.min(best, ms);
    }
    return best;
  };
  // Like for like with the peer, which has no ShellCheck: the engine alone.
  const tCli = wall(process.execPath, [path.join(root, 'bin/layerwise.js'), '--failure-threshold', 'none', '--no-shellcheck', dir]);
  const tPeer = wall(process.execPath, [peerScript, ...files]);
  const tNode = wall(process.execPath, ['-e', '0']);
  const r = { files: n, ms: { layerwiseCli: tCli, dockerfileUtilsProcess: tPeer, bareNodeStart: tNode }, ratio: tCli / tPeer };
  table(`Whole CLI run on ${n} files (wall clock, best of runs)`, ['layerwise CLI', 'dockerfile-utils in a node process', 'ratio', 'bare node start-up'], [[`${fmt(tCli, 0)} ms`, `${fmt(tPeer, 0)} ms`, `${fmt(r.ratio)}×`, `${fmt(tNode, 0)} ms`]]);
  results.sections.cli = r;
  budget('whole CLI run ≤ 1.0× dockerfile-utils validator on the same files', r.ratio, 1.0, '×');
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------
if (want('lsp')) {
  const { lspSection } = await import('./lsp.mjs');
  const r = await lspSection({ root, generated, quick, table, fmt });
  results.sections.lsp = r;
  if (r.available) {
    const at5k = r.latency.find((x) => x.lines >= 5000 && x.lines < 6000);
    if (at5k) budget('keystroke p50 ≤ 0.5× peer server at 5,000 lines', at5k.layerwise.p50 / at5k.peer.p50, 0.5, '×');
    const typical = r.latency.filter((x) => x.lines < 1000);
    if (typical.length) budget('keystroke p95 ≤ 5 ms on a typical (100–600 line) file', Math.max(...typical.map((x) => x.layerwise.p95)), 5, 'ms');
    budget('server peak RSS ≤ 60 MB', r.peakRssMb, 60, 'MB');
  }
}

// ---------------------------------------------------------------------------------------
if (want('package')) {
  const { packageSection } = await import('./package.mjs');
  const r = await packageSection({ root, table, fmt, quick });
  results.sections.package = r;
  if (r.vsixBytes != null) budget('VSIX ≤ 1 MB', r.vsixBytes / 1e6, 1, 'MB');
  if (r.activationMs != null) budget('activation ≤ 100 ms', r.activationMs, 100, 'ms');
}

// ---------------------------------------------------------------------------------------
table('Budgets', ['budget', 'measured', 'holds'], results.budgets.map((b) => [b.name, `${fmt(b.value)} ${b.unit}`, b.holds ? 'yes' : '**no**']));
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote bench/results/latest.json (${results.machine.cpus} × ${results.machine.cpu}, node ${results.machine.node})`);
// The extension's activate() ran under the stand-in API and may have left a language client
// with pending work behind; the bench is done.
process.exit(0);
