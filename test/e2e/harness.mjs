// End-to-end harness: a real VS Code (code-server, the same workbench and Node extension host
// as the desktop editor) with the packaged layerwise.vsix installed, driven by Debian's
// Chromium through playwright-core. Everything it starts is stopped by stopAll(), which runs
// from the suite's `after` hook, on SIGINT/SIGTERM and on exit; servers run in their own
// process group so that their extension hosts and language servers go with them.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = process.env.LAYERWISE_E2E_CACHE ?? join(ROOT, '.cache/code-server');
export const CODE_SERVER = join(CACHE_DIR, 'node_modules/.bin/code-server');
export const VSIX = join(ROOT, 'layerwise.vsix');
export const ARTIFACTS = join(ROOT, 'artifacts/e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIXTURES = join(ROOT, 'test/e2e/fixtures');
const KEEP = process.env.LAYERWISE_E2E_KEEP === '1';

export const isMac = process.platform === 'darwin';
export const mod = isMac ? 'Meta' : 'Control';

// ---- process bookkeeping ----------------------------------------------------------------------

const children = new Set(); // ChildProcess, each the leader of its own process group
const tempDirs = new Set();
const browsers = new Set();

function killGroup(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { try { child.kill(signal); } catch { /* gone */ } }
}

/** Stops every browser and server this process started and removes its temp folders. */
export async function stopAll() {
  for (const b of [...browsers]) {
    browsers.delete(b);
    await Promise.race([b.close().catch(() => {}), sleep(5000)]);
  }
  await Promise.all([...children].map((c) => stopChild(c)));
  if (!KEEP) for (const d of [...tempDirs]) { tempDirs.delete(d); rmSync(d, { recursive: true, force: true }); }
}

async function stopChild(child) {
  children.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  killGroup(child, 'SIGTERM');
  if (await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) { killGroup(child, 'SIGKILL'); return; }
  killGroup(child, 'SIGKILL');
  await Promise.race([exited, sleep(2000)]);
}

function syncKillAll() {
  for (const c of children) killGroup(c, 'SIGKILL');
  for (const b of browsers) { try { b.process?.()?.kill('SIGKILL'); } catch { /* gone */ } }
  if (!KEEP) for (const d of tempDirs) { try { rmSync(d, { recursive: true, force: true }); } catch { /* best effort */ } }
}
process.once('exit', syncKillAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => { syncKillAll(); process.exit(130); });
}

export function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

export function tempDir(prefix) {
  const d = mkdtempSync(join(tmpdir(), `layerwise-e2e-${prefix}-`));
  tempDirs.add(d);
  return d;
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

// ---- preconditions ----------------------------------------------------------------------------

export function checkPrerequisites() {
  const missing = [];
  if (!existsSync(CODE_SERVER)) missing.push(`${CODE_SERVER} (run scripts/e2e-setup.sh)`);
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (run scripts/e2e-setup.sh)`);
  if (!existsSync(VSIX)) missing.push(`${VSIX} (run npm run package)`);
  if (missing.length) throw new Error(`e2e prerequisites missing:\n  ${missing.join('\n  ')}`);
}

// ---- code-server ------------------------------------------------------------------------------

/** Installs the VSIX into a fresh extensions folder (shared by the servers of one run). */
export function installExtension() {
  const extensionsDir = tempDir('ext');
  const userDataDir = tempDir('install-data');
  const r = spawnSync(CODE_SERVER, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--install-extension', VSIX, '--force'], { encoding: 'utf8', env: codeServerEnv(userDataDir), timeout: 120_000 });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`code-server --install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return extensionsDir;
}

function codeServerEnv(home) {
  const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') };
  // Settings of the shell that runs the suite must not leak into the editor under test.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  return env;
}

/**
 * Starts code-server on 127.0.0.1 and a random free port, with a throw-away user-data-dir whose
 * User/settings.json is `userSettings`.
 */
export async function startCodeServer({ extensionsDir, userSettings, name = 'main' }) {
  const userDataDir = tempDir(`data-${name}`);
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(userSettings, null, 2));
  const port = await freePort();
  const configFile = join(userDataDir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = join(ARTIFACTS, `code-server-${name}.log`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const child = spawn(CODE_SERVER, ['--config', configFile, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir], {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: codeServerEnv(userDataDir),
  });
  children.add(child);
  let output = '';
  const append = (d) => { output += d; try { writeFileSync(log, output); } catch { /* best effort */ } };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${url}healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
    await sleep(250);
  }
  return { url, port, userDataDir, log, output: () => output, stop: () => stopChild(child) };
}

// ---- workspaces -------------------------------------------------------------------------------

/** A fresh copy of test/e2e/fixtures/<name> in a temp folder, plus optional files. */
export function makeWorkspace(name, files = {}) {
  const dir = join(tempDir(`ws-${name}`), name);
  cpSync(join(FIXTURES, 'workspace'), dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export function readText(path) { return readFileSync(path, 'utf8'); }

// ---- browser ----------------------------------------------------------------------------------

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  browsers.add(browser);
  return browser;
}

/**
 * One editor window on `folder`. Returns helpers bound to the page; `shot(step)` saves
 * artifacts/e2e/<test>/<nn>-<step>.png and returns its path.
 */
export async function newWindow(browser, testName) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  const slug = testName.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
  const dir = join(ARTIFACTS, slug);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const w = {
    page, context, dir, consoleLines, folder: null,
    async shot(step) {
      const file = join(dir, `${String(++n).padStart(2, '0')}-${step.replace(/[^a-z0-9]+/gi, '-')}.png`);
      try { await page.screenshot({ path: file, timeout: 15_000 }); } catch (e) { consoleLines.push(`[e2e] screenshot ${file} failed: ${e.message}`); }
      return file;
    },
    async close() {
      try { writeFileSync(join(dir, 'console.log'), consoleLines.join('\n')); } catch { /* best effort */ }
      await Promise.race([context.close().catch(() => {}), sleep(5000)]);
    },
  };
  return w;
}

/** Loads the workbench on `folder` (slow on a loaded machine: generous timeouts). */
export async function loadWorkbench(w, server, folder) {
  w.folder = folder;
  await w.page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await w.page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  // The status bar is the last part of the workbench to appear.
  await w.page.waitForSelector('.statusbar', { timeout: 60_000 });
  await w.shot('workbench');
}

/**
 * Runs `body(w)` in a new window on `folder`, with a screenshot on failure; the failure's
 * message names the screenshot and the folder of the test's steps.
 */
export async function withWindow(browser, server, folder, testName, body) {
  const w = await newWindow(browser, testName);
  try {
    await loadWorkbench(w, server, folder);
    await body(w);
    await w.shot('done');
  } catch (e) {
    const file = await w.shot('FAILED');
    const err = e instanceof Error ? e : new Error(String(e));
    const where = `screenshot: ${file}\n  steps, console and log: ${w.dir}`;
    // The reporter prints the stack, which holds the message as it was at creation.
    const stack = typeof err.stack === 'string' ? err.stack : '';
    err.message = `${err.message}\n  ${where}`;
    err.stack = `${stack.split('\n    at ')[0]}\n  ${where}${stack.includes('\n    at ') ? `\n    at ${stack.split('\n    at ').slice(1).join('\n    at ')}` : ''}`;
    throw err;
  } finally {
    await w.close();
  }
}
