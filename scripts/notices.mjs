// Third-party notices for what we ship: every npm package whose files esbuild put into a
// bundle (read from the esbuild metafiles) plus the packages whose WASM files are copied
// beside the bundles. For each: name, version, SPDX licence, and the licence/notice text from
// the package itself. The build fails (with every problem listed) when a shipped package has
// no licence text or a licence outside ALLOWED_LICENSES.
import { readFileSync, readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
const require = createRequire(import.meta.url);
const parseSpdx = require('spdx-expression-parse');

// The licences of what is actually bundled today (MIT, ISC: most packages; Apache-2.0:
// @balena/dockerignore; BlueOak-1.0.0: minimatch; CC-BY-3.0: spdx-exceptions; CC0-1.0:
// spdx-license-ids). A new licence must be reviewed and added here, on purpose.
export const ALLOWED_LICENSES = ['Apache-2.0', 'BlueOak-1.0.0', 'CC-BY-3.0', 'CC0-1.0', 'ISC', 'MIT'];

export const NOTICES_FILE = 'dist/THIRD_PARTY_NOTICES.txt';

// LICENSE, LICENCE, COPYING, NOTICE, with any suffix: LICENSE.md, License.txt, LICENSE-MIT ...
const LICENSE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.\-_][\w.\-]*)?$/i;

/** The package directory an esbuild input path lies in (the last node_modules/<name>), or null. */
export function packageDirOf(input, cwd = process.cwd()) {
  const p = input.split(path.sep).join('/');
  const i = p.lastIndexOf('node_modules/');
  if (i < 0) return null;
  const rest = p.slice(i + 'node_modules/'.length).split('/');
  const n = rest[0].startsWith('@') ? 2 : 1;
  if (rest.length <= n) return null;
  return path.resolve(cwd, p.slice(0, i + 'node_modules/'.length) + rest.slice(0, n).join('/'));
}

/** True when the SPDX expression is satisfiable with allowed licences only. */
export function licenseAllowed(expression, allowed = ALLOWED_LICENSES) {
  let tree;
  try { tree = parseSpdx(expression); } catch { return false; }
  const ok = (t) => t.conjunction === 'or' ? ok(t.left) || ok(t.right)
    : t.conjunction === 'and' ? ok(t.left) && ok(t.right)
      : allowed.includes(t.license) && !t.plus;
  return ok(tree);
}

/** The README section whose heading names the licence or copyright (for packages with no licence file). */
function readmeLicenseSection(dir) {
  const readme = readdirSync(dir).filter((f) => /^readme(?:\.(?:md|markdown|txt))?$/i.test(f)).sort()[0];
  if (!readme) return null;
  const lines = readFileSync(path.join(dir, readme), 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => /^#{1,6}\s/.test(l) && /licen[cs]|copyright/i.test(l));
  if (start < 0) return null;
  const level = /^#+/.exec(lines[start])[0].length;
  let end = start + 1;
  while (end < lines.length && !(/^#{1,6}\s/.test(lines[end]) && /^#+/.exec(lines[end])[0].length <= level)) end++;
  const text = lines.slice(start, end).join('\n').trim();
  return text.split('\n').length > 1 ? { source: `${readme} (section "${lines[start].replace(/^#+\s*/, '')}")`, text } : null;
}

function describePerson(p) {
  if (!p) return undefined;
  return typeof p === 'string' ? p : [p.name, p.email && `<${p.email}>`, p.url && `(${p.url})`].filter(Boolean).join(' ');
}

/** Reads one package directory: name, version, licence, author, repository and licence texts. */
export function readPackage(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const files = readdirSync(dir).filter((f) => LICENSE_FILE.test(f)).sort();
  let texts = files.map((f) => ({ source: f, text: readFileSync(path.join(dir, f), 'utf8').replace(/\r\n?/g, '\n').trim() }))
    .filter((t) => t.text.length > 0);
  if (texts.length === 0) { const r = readmeLicenseSection(dir); if (r) texts = [r]; }
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return {
    dir, name: pkg.name, version: pkg.version,
    license: typeof pkg.license === 'string' ? pkg.license : undefined,
    author: describePerson(pkg.author), repository: repo, texts,
  };
}

/**
 * Collects the shipped packages. `uses` maps each shipped file (dist/cli.js ...) to the paths
 * it came from: esbuild metafile input keys (relative to `cwd`) or copied files' paths.
 */
export function collectPackages(uses, cwd = process.cwd()) {
  const byDir = new Map();
  for (const [output, inputs] of Object.entries(uses)) {
    for (const input of inputs) {
      const dir = packageDirOf(input, cwd);
      if (!dir) continue;
      const real = realpathSync(dir);
      if (!byDir.has(real)) byDir.set(real, { ...readPackage(real), usedIn: new Set() });
      byDir.get(real).usedIn.add(output);
    }
  }
  // The same name@version installed twice (nested node_modules) is one entry.
  const byId = new Map();
  for (const p of byDir.values()) {
    const id = `${p.name}@${p.version}`;
    if (byId.has(id)) for (const o of p.usedIn) byId.get(id).usedIn.add(o);
    else byId.set(id, p);
  }
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byId.values()].sort((a, b) => cmp(a.name, b.name) || a.version.localeCompare(b.version, 'en', { numeric: true }))
    .map((p) => ({ ...p, usedIn: [...p.usedIn].sort() }));
}

/** Every reason the packages cannot ship, as one message per problem. */
export function checkPackages(packages, allowed = ALLOWED_LICENSES) {
  const problems = [];
  for (const p of packages) {
    const id = `${p.name}@${p.version} (${path.relative(process.cwd(), p.dir)})`;
    if (!p.license) problems.push(`${id}: package.json has no "license" string`);
    else if (!licenseAllowed(p.license, allowed)) problems.push(`${id}: licence "${p.license}" is not in the allow-list (${allowed.join(', ')}) in scripts/notices.mjs`);
    if (p.texts.length === 0) problems.push(`${id}: no LICENSE/LICENCE/COPYING/NOTICE file and no licence section in its README`);
  }
  return problems;
}

const RULE = '='.repeat(80);

// Where each licence's full text lives (CC-BY-3.0 asks for the licence's URI with the credit).
const LICENSE_URL = {
  'CC-BY-3.0': 'https://creativecommons.org/licenses/by/3.0/legalcode',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/legalcode',
};
const licenseUrl = (id) => LICENSE_URL[id] ?? (/^[\w.\-]+$/.test(id) ? `https://spdx.org/licenses/${id}.html` : undefined);

export function renderNotices(packages, product) {
  const out = [
    'THIRD-PARTY SOFTWARE NOTICES',
    '',
    `${product.name} ${product.version} (licence: ${product.license}, see LICENSE) ships code from the`,
    'following npm packages, bundled into dist/*.js or copied as dist/*.wasm. Their licences',
    'and notices follow, taken from each package as installed when this build was made.',
    '',
    ...packages.map((p) => `  ${p.name} ${p.version}  ${p.license}`),
    '',
  ];
  for (const p of packages) {
    const url = licenseUrl(p.license);
    out.push(RULE, `${p.name} ${p.version}`, `License: ${p.license}${url ? ` (${url})` : ''}`);
    if (p.author) out.push(`Author: ${p.author}`);
    if (p.repository) out.push(`Repository: ${p.repository}`);
    out.push(`Used in: ${p.usedIn.join(', ')}`);
    for (const t of p.texts) out.push('', `--- ${t.source} ---`, '', t.text);
    out.push('');
  }
  return out.join('\n');
}

/** Builds the notices text from metafiles and extra package dirs; throws listing every problem. */
export function buildNotices(uses, product, cwd = process.cwd()) {
  const packages = collectPackages(uses, cwd);
  const problems = checkPackages(packages);
  if (problems.length > 0) {
    throw new Error(`third-party licence check failed for ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  return { packages, text: renderNotices(packages, product) };
}
