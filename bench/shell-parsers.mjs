// Measures candidate shell parsers for RUN bodies: correctness on a corpus of real-world RUN
// bodies (does it parse, does it find the expected simple commands in order), speed, and the
// size each would add to the bundle. Run: node bench/shell-parsers.mjs
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
const require = createRequire(import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('./shell-corpus.json', import.meta.url), 'utf8'));
const ITER = 200;

function bundleSize(entry, extra = []) {
  const r = buildSync({ stdin: { contents: entry, resolveDir: process.cwd() }, bundle: true, minify: true, platform: 'node', write: false, logLevel: 'silent', external: ['*.wasm'] });
  return r.outputFiles[0].contents.length + extra.reduce((a, f) => a + statSync(f).size, 0);
}

// --- mvdan-sh (GopherJS build of mvdan/sh, synchronous) ---
const mv = require('mvdan-sh');
const mvParser = mv.syntax.NewParser();
function mvCommands(src) {
  const file = mvParser.Parse(src, 'run');
  const out = [];
  mv.syntax.Walk(file, (node) => {
    if (node && mv.syntax.NodeType(node) === 'CallExpr' && node.Args.length > 0) {
      const w = node.Args[0];
      out.push(w.Parts.map((p) => (p.Value !== undefined ? p.Value : '')).join(''));
    }
    return true;
  });
  return out;
}

// --- tree-sitter-bash through web-tree-sitter (WASM, parse is synchronous after async init) ---
const TS = await import('web-tree-sitter');
await TS.Parser.init();
const bashLang = await TS.Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
const tsParser = new TS.Parser();
tsParser.setLanguage(bashLang);
function tsCommands(src) {
  const tree = tsParser.parse(src);
  const out = [];
  const walk = (n) => {
    if (n.type === 'command') {
      const name = n.childForFieldName('name');
      if (name) out.push(name.text);
    }
    if (n.type === 'test_command') out.push('[');
    for (const c of n.namedChildren) walk(c);
  };
  walk(tree.rootNode);
  const hasError = tree.rootNode.hasError;
  tree.delete();
  if (hasError) throw new Error('tree has ERROR nodes');
  return out;
}

// --- sh-syntax (Go WASM build of mvdan/sh, asynchronous API) ---
// Its JSON serialises each statement's Cmd as positions only (no node type, no Args), so it
// cannot give us argv at all: it scores 0 here by construction, which is a real finding.
const shs = await import('sh-syntax');
async function shsCommands(src) {
  const file = await shs.parse(src);
  const out = [];
  const walk = (n) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.Type === 'CallExpr' && n.Args && n.Args.length) out.push(n.Args[0].Parts.map((p) => p.Value ?? '').join(''));
    for (const k of Object.keys(n)) if (k !== 'Pos' && k !== 'End') walk(n[k]);
  };
  walk(file);
  return out;
}

async function measure(name, fn, isAsync) {
  let ok = 0; const failures = [];
  for (const c of corpus) {
    try {
      const got = isAsync ? await fn(c.src) : fn(c.src);
      const norm = got.map((s) => s.replace(/^\[\[?$/, '['));
      if (JSON.stringify(norm) === JSON.stringify(c.cmds)) ok++; else failures.push(`${JSON.stringify(c.src.slice(0, 40))}: got ${JSON.stringify(norm)}`);
    } catch (e) { failures.push(`${JSON.stringify(c.src.slice(0, 40))}: ${String(e.message).split('\n')[0]}`); }
  }
  const t0 = performance.now();
  for (let i = 0; i < ITER; i++) for (const c of corpus) { try { isAsync ? await fn(c.src) : fn(c.src); } catch {} }
  const us = ((performance.now() - t0) * 1000) / (ITER * corpus.length);
  return { name, correct: `${ok}/${corpus.length}`, usPerBody: +us.toFixed(1), failures };
}

const results = [
  { ...(await measure('mvdan-sh', mvCommands, false)), sync: 'yes', bundleBytes: bundleSize("require('mvdan-sh')") },
  { ...(await measure('tree-sitter-bash (web-tree-sitter)', tsCommands, false)), sync: 'after async init', bundleBytes: bundleSize("require('web-tree-sitter')", [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')]) },
  { ...(await measure('sh-syntax', shsCommands, true)), sync: 'no (Promise)', bundleBytes: bundleSize("require('sh-syntax')", [require.resolve('sh-syntax/main.wasm')]) },
];
console.log('| parser | correct | µs/body | synchronous | bundle bytes (min JS + wasm) |');
console.log('|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.correct} | ${r.usPerBody} | ${r.sync} | ${r.bundleBytes} |`);
for (const r of results) for (const f of r.failures) console.log(`  ${r.name} miss: ${f}`);
