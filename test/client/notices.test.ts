// dist/THIRD_PARTY_NOTICES.txt (written by scripts/bundle.mjs): after a build it names every
// npm package esbuild's metafiles show in a bundle, plus the packages whose WASM files are
// copied beside them, each with its licence text; and the generator refuses packages without
// licence text or with a licence outside the allow-list.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NOTICES = path.join(ROOT, 'dist', 'THIRD_PARTY_NOTICES.txt');
const INPUTS = path.join(ROOT, 'out', 'bundle-inputs.json');
const RULE = '='.repeat(80);

// The ESM generator, loaded without TypeScript turning import() into require().
type Notices = {
  licenseAllowed(expr: string): boolean;
  buildNotices(uses: Record<string, string[]>, product: object, cwd: string): { packages: { name: string }[]; text: string };
};
const load = new Function('u', 'return import(u)') as (u: string) => Promise<Notices>;
const generator = () => load(require('node:url').pathToFileURL(path.join(ROOT, 'scripts', 'notices.mjs')).href);

/** Package directory of a metafile input, worked out here independently of the generator. */
function packageDir(input: string): string | null {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(path.sep).join('/'));
  return m ? path.resolve(ROOT, m[1]) : null;
}

function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of text.split(`${RULE}\n`).slice(1)) out.set(s.slice(0, s.indexOf('\n')), s);
  return out;
}

describe('third-party notices', () => {
  const read = () => {
    assert.ok(fs.existsSync(NOTICES), `${NOTICES} missing: run npm run build`);
    assert.ok(fs.existsSync(INPUTS), `${INPUTS} missing: run npm run build`);
    return { text: fs.readFileSync(NOTICES, 'utf8'), uses: JSON.parse(fs.readFileSync(INPUTS, 'utf8')) as Record<string, string[]> };
  };

  it('covers every bundled file, and every package in the metafiles with its licence text', () => {
    const { text, uses } = read();
    assert.deepEqual(Object.keys(uses).sort(), ['dist/cli.js', 'dist/extension.js', 'dist/server.js', 'dist/tree-sitter-bash.wasm', 'dist/web-tree-sitter.wasm']);
    const bySection = sections(text);
    const dirs = new Set(Object.values(uses).flat().map(packageDir).filter((d): d is string => d !== null));
    assert.ok(dirs.size >= 15, `expected the bundled packages, found ${dirs.size}`);
    for (const dir of dirs) {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const section = bySection.get(`${pkg.name} ${pkg.version}`);
      assert.ok(section, `${pkg.name} ${pkg.version} (${dir}) has a section`);
      assert.match(section, new RegExp(`^License: ${pkg.license.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`, 'm'));
      assert.ok(text.includes(`\n  ${pkg.name} ${pkg.version}  ${pkg.license}\n`), `${pkg.name} is in the summary list`);
      const files = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f));
      for (const f of files) {
        const body = fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n?/g, '\n').trim();
        assert.ok(section.includes(`--- ${f} ---\n\n${body}`), `${pkg.name}: ${f} is copied in full`);
      }
      if (files.length === 0) assert.match(section, /^--- README[^\n]*\(section "[^"\n]*(?:licen[cs]|copyright)[^"\n]*"\) ---$/im, `${pkg.name}: licence section of its README`);
    }
    assert.equal(bySection.size, new Set([...dirs].map((d) => { const p = JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')); return `${p.name}@${p.version}`; })).size, 'no package beyond the bundled ones');
  });

  it('includes the Apache-2.0 licence of @balena/dockerignore and the CC-BY-3.0 attribution of spdx-exceptions', () => {
    const bySection = sections(read().text);
    const balena = [...bySection].find(([k]) => k.startsWith('@balena/dockerignore '))?.[1];
    assert.ok(balena, '@balena/dockerignore is listed');
    assert.match(balena, /^License: Apache-2\.0 /m);
    assert.match(balena, /Apache License\s+Version 2\.0, January 2004/);
    assert.match(balena, /TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION/);
    const spdx = [...bySection].find(([k]) => k.startsWith('spdx-exceptions '))?.[1];
    assert.ok(spdx, 'spdx-exceptions is listed');
    assert.match(spdx, /^License: CC-BY-3\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/3\.0\/legalcode\)$/m);
    assert.match(spdx, /Copyright © 2010-2015 Linux Foundation and its Contributors/);
    assert.match(spdx, /Creative Commons Attribution License 3\.0/);
    const wasm = [...bySection].find(([k]) => k.startsWith('tree-sitter-bash '))?.[1];
    assert.ok(wasm, 'tree-sitter-bash (WASM only) is listed');
    assert.match(wasm, /^Used in: dist\/tree-sitter-bash\.wasm$/m);
  });

  it('is deterministic: packages in name order, the same text when built again', async () => {
    const { text, uses } = read();
    const names = [...sections(text).keys()].map((k) => k.slice(0, k.lastIndexOf(' ')));
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const { buildNotices } = await generator();
    const product = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(buildNotices(uses, product, ROOT).text, text);
  });

  it('allows only the listed licences, through SPDX OR/AND', async () => {
    const { licenseAllowed } = await generator();
    for (const ok of ['MIT', 'Apache-2.0', 'CC-BY-3.0', '(MIT OR GPL-3.0-only)', 'MIT AND ISC']) assert.ok(licenseAllowed(ok), ok);
    for (const no of ['GPL-3.0-only', 'MIT AND GPL-3.0-only', 'UNLICENSED', 'SEE LICENSE IN LICENSE', '', 'Apache-2.0+']) assert.ok(!licenseAllowed(no), no);
  });

  it('fails, naming each package, on a licence outside the list or a package without licence text', async () => {
    const { buildNotices } = await generator();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-notices-'));
    const mk = (name: string, pkg: object, files: Record<string, string>) => {
      const dir = path.join(tmp, 'node_modules', name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...pkg }));
      for (const [f, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), body);
    };
    mk('copyleft', { license: 'GPL-3.0-only' }, { 'index.js': '', LICENSE: 'GNU GENERAL PUBLIC LICENSE' });
    mk('bare', { license: 'MIT' }, { 'index.js': '', 'README.md': '# bare\n\nNo licence here.\n' });
    mk('@scope/fine', { license: 'MIT' }, { 'index.js': '', 'LICENSE.txt': 'MIT License\n\nCopyright (c) someone' });
    const product = { name: 'x', version: '0.0.0', license: 'MIT' };
    assert.throws(() => buildNotices({ 'dist/a.js': ['node_modules/copyleft/index.js', 'node_modules/bare/index.js', 'node_modules/@scope/fine/index.js', 'src/own.ts'] }, product, tmp),
      (e: Error) => /copyleft@1\.0\.0.*"GPL-3\.0-only" is not in the allow-list/.test(e.message) && /bare@1\.0\.0.*no LICENSE/.test(e.message) && !/fine@/.test(e.message));
    const ok = buildNotices({ 'dist/a.js': ['node_modules/@scope/fine/index.js', 'src/own.ts'] }, product, tmp);
    assert.deepEqual(ok.packages.map((p) => p.name), ['@scope/fine']);
    assert.match(ok.text, /--- LICENSE\.txt ---\n\nMIT License\n\nCopyright \(c\) someone\n/);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
