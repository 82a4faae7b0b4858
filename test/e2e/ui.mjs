// Keyboard-driven helpers over VS Code's workbench DOM (code-server 4.100 / VS Code 1.100).
// Everything reads what a person sees: squiggle decorations and where they sit over the text,
// the Problems view, the hover, the quick-fix menu. The editor's text is read from disk after
// Ctrl+S (code-server does not expose Monaco's models to the page).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mod, sleep } from './harness.mjs';

const ACTIVE_EDITOR = '.editor-group-container.active .editor-instance .monaco-editor';

/** Polls `fn` until it returns a truthy value; the error names `what` and the last value. */
export async function waitFor(what, fn, { timeout = 30_000, interval = 200 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try { last = await fn(); } catch (e) { last = e instanceof Error ? `error: ${e.message}` : e; }
    if (last && !(typeof last === 'string' && last.startsWith('error: '))) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${typeof last === 'string' ? last : JSON.stringify(last)}`);
    }
    await sleep(interval);
  }
}

/** Opens `name` (a file at the workspace root) with Ctrl+P; falls back to the Explorer. */
export async function openFile(w, name) {
  const { page } = w;
  await page.waitForSelector(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`, { timeout: 60_000 });
  await page.keyboard.press(`${mod}+p`);
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(name);
  const row = `.quick-input-widget .quick-input-list .monaco-list-row[aria-label^="${name},"]`;
  const picked = await page.waitForSelector(row, { timeout: 15_000 }).then(() => true, () => false);
  if (picked) {
    await page.keyboard.press('Enter');
  } else {
    // File search still indexing on a loaded machine: close quick open, click the Explorer row.
    await page.keyboard.press('Escape');
    await page.click(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
  }
  await waitFor(`the editor tab of ${name}`, () => page.$(`.tabs-container .tab.active[data-resource-name="${name}"]`));
  await page.waitForSelector(`${ACTIVE_EDITOR} .view-lines`, { timeout: 30_000 });
  await focusEditor(w);
}

export async function focusEditor(w) {
  await w.page.click(`${ACTIVE_EDITOR} .view-lines`, { position: { x: 400, y: 5 }, force: true }).catch(() => {});
  await w.page.focus(`${ACTIVE_EDITOR} textarea`).catch(() => {});
}

/** Moves the cursor with Go to Line/Column (Ctrl+G); line and column are 1-based. */
export async function goto(w, line, column) {
  const { page } = w;
  await page.keyboard.press(`${mod}+g`);
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(`${line}:${column}`);
  await sleep(150);
  await page.keyboard.press('Enter');
  await waitFor(`the cursor at ${line}:${column}`, async () => {
    const t = await page.textContent('.statusbar-item[id="status.editor.selection"]').catch(() => '');
    return t && t.includes(`Ln ${line}, Col ${column}`) ? t : `error: status bar says ${t}`;
  }, { timeout: 10_000 });
}

/**
 * The squiggles of the active editor: severity, 1-based line, 1-based start column and
 * end-exclusive end column, and the text under them, computed from where the decoration sits
 * over the rendered line (the editor font is monospace).
 */
export async function squiggles(w) {
  return w.page.evaluate((sel) => {
    const editor = document.querySelector(sel);
    if (!editor) return [];
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
      .map((e) => ({ n: Number(e.textContent.trim()), top: e.getBoundingClientRect().top }));
    const lines = [...editor.querySelectorAll('.view-lines .view-line')].map((e) => {
      const r = e.getBoundingClientRect();
      const span = e.firstElementChild;
      const text = e.textContent.replace(/\u00a0/g, ' ');
      const sr = span ? span.getBoundingClientRect() : r;
      return { text, top: r.top, left: sr.left, charWidth: text.length ? sr.width / text.length : 0 };
    });
    const sample = lines.find((l) => l.text.length > 0);
    const charWidth = sample ? sample.charWidth : 8;
    const out = [];
    for (const d of editor.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
      const m = /squiggly-(error|warning|info|hint)/.exec(d.className);
      if (!m) continue;
      const r = d.getBoundingClientRect();
      const num = numbers.find((x) => Math.abs(x.top - r.top) < 3);
      const line = lines.find((l) => Math.abs(l.top - r.top) < 3);
      if (!num || !line) continue;
      const start = Math.round((r.left - line.left) / charWidth);
      const end = Math.round((r.right - line.left) / charWidth);
      out.push({ severity: m[1], line: num.n, start: start + 1, end: end + 1, text: line.text.slice(start, end) });
    }
    return out.sort((a, b) => a.line - b.line || a.start - b.start);
  }, ACTIVE_EDITOR);
}

/** Squiggles that are drawn as underlines (hints are only three dots). */
export async function visibleSquiggles(w) {
  return (await squiggles(w)).filter((s) => s.severity !== 'hint');
}

export function describeSquiggles(list) {
  return list.map((s) => `${s.severity} ${s.line}:${s.start}-${s.end} "${s.text}"`);
}

/** Waits until the active editor's visible squiggles are exactly `expected` (see describeSquiggles). */
export async function waitForSquiggles(w, expected, { timeout = 30_000 } = {}) {
  const want = JSON.stringify([...expected].sort());
  return waitFor(`squiggles ${want}`, async () => {
    const got = describeSquiggles(await visibleSquiggles(w)).sort();
    return JSON.stringify(got) === want ? got : `error: ${JSON.stringify(got)}`;
  }, { timeout });
}

/** Opens the Problems view (Ctrl+Shift+M) and returns its markers. */
export async function problems(w) {
  const { page } = w;
  const visible = await page.$('.markers-panel:visible');
  if (!visible) await page.keyboard.press(`${mod}+Shift+m`);
  await page.waitForSelector('.markers-panel', { state: 'visible', timeout: 10_000 });
  await sleep(300);
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.flatMap((row) => {
    const details = row.querySelector('.marker-message-details-container');
    if (!details) return [];
    const text = (s) => row.querySelector(s)?.textContent?.trim() ?? null;
    const icon = row.querySelector('.marker-icon');
    const severity = icon ? ['error', 'warning', 'info'].find((c) => icon.classList.contains(c)) ?? null : null;
    const pos = /Ln (\d+), Col (\d+)/.exec(text('.marker-line') ?? '');
    return [{
      severity, message: text('.marker-message'), source: text('.marker-source'), code: text('.marker-code'),
      href: row.querySelector('a.monaco-link')?.getAttribute('href') ?? null,
      line: pos ? Number(pos[1]) : null, column: pos ? Number(pos[2]) : null,
    }];
  }));
}

/** Closes the panel (Problems) if it is open, so that it does not cover the editor. */
export async function closePanel(w) {
  if (await w.page.$('.part.panel:visible')) {
    await w.page.keyboard.press(`${mod}+j`);
    await w.page.waitForSelector('.part.panel', { state: 'hidden', timeout: 5_000 }).catch(() => {});
  }
  await focusEditor(w);
}

/** Shows the hover at line:column with the keyboard (Ctrl+K Ctrl+I); returns its text and links. */
export async function hoverAt(w, line, column) {
  const { page } = w;
  await goto(w, line, column);
  await page.keyboard.press(`${mod}+k`);
  await page.keyboard.press(`${mod}+i`);
  return waitFor('the hover', () => page.evaluate(() => {
    const hovers = [...document.querySelectorAll('.monaco-hover:not(.hidden)')].filter((h) => h.getBoundingClientRect().height > 0 && h.textContent.trim());
    if (!hovers.length) return null;
    return {
      text: hovers.map((h) => h.textContent).join('\n'),
      links: hovers.flatMap((h) => [...h.querySelectorAll('a')].map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href') ?? a.dataset.href ?? null }))),
    };
  }), { timeout: 15_000 });
}

/**
 * Opens the quick-fix menu (Ctrl+.) at line:column; returns the titles it offers. When fresh
 * diagnostics arrive while the request is in flight (right after an edit or a save), VS Code
 * re-triggers its code-action model and the manual request ends with "No code actions
 * available" although the lightbulb then shows: press Ctrl+. again, as a person would (at
 * most three times; each retry is logged to the window's console.log).
 */
export async function quickFixMenu(w, line, column) {
  const { page } = w;
  await page.keyboard.press('Escape');
  await goto(w, line, column);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(`${mod}+.`);
    const r = await waitFor('the quick-fix menu', async () => {
      const titles = await page.$$eval('.action-widget .monaco-list-row.action', (rows) => rows.map((x) => (x.getAttribute('aria-label') ?? x.textContent ?? '').trim()));
      if (titles.length) return { titles };
      const msg = await page.$$eval('.monaco-editor-overlaymessage', (els) => els.map((e) => e.textContent ?? '').join(' '));
      return /no code actions/i.test(msg) ? { none: msg } : null;
    }, { timeout: 15_000 });
    if (r.titles) return r.titles;
    if (attempt === 3) throw new Error(`Ctrl+. at ${line}:${column} said "${r.none}" three times`);
    w.consoleLines.push(`[e2e] Ctrl+. at ${line}:${column}: "${r.none}" (attempt ${attempt}); trying again`);
    await page.keyboard.press('Escape');
    await sleep(1000);
  }
}

/**
 * Picks the menu entry whose title matches `title` (string: exact; RegExp: test) with the
 * arrow keys and Enter, as a person would.
 */
export async function chooseQuickFix(w, title) {
  const { page } = w;
  const matches = (label) => (typeof title === 'string' ? label === title : title.test(label));
  const count = await page.$$eval('.action-widget .monaco-list-row.action', (rows) => rows.length);
  for (let i = 0; i <= count; i++) {
    const label = await page.$eval('.action-widget .monaco-list-row.action.focused', (r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').trim()).catch(() => '');
    if (label && matches(label)) {
      await page.keyboard.press('Enter');
      await page.waitForSelector('.action-widget .monaco-list-row.action', { state: 'detached', timeout: 10_000 }).catch(() => {});
      return label;
    }
    await page.keyboard.press('ArrowDown');
    await sleep(100);
  }
  throw new Error(`no quick fix ${title} in the menu`);
}

/** Saves the active editor (Ctrl+S) and returns the file's text once it reached the disk. */
export async function saveAndRead(w, name, { changedFrom } = {}) {
  const { page } = w;
  await page.keyboard.press(`${mod}+s`);
  const file = join(w.folder, name);
  return waitFor(`${name} saved`, async () => {
    const dirty = await page.$(`.tabs-container .tab.active.dirty[data-resource-name="${name}"]`);
    if (dirty) return null;
    const text = readFileSync(file, 'utf8');
    return changedFrom === undefined || text !== changedFrom ? text : null;
  }, { timeout: 20_000 });
}

/** Types text into the focused editor; '\n' presses Enter. */
export async function typeText(w, text) {
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]) await w.page.keyboard.type(parts[i], { delay: 5 });
    if (i < parts.length - 1) await w.page.keyboard.press('Enter');
  }
}

/** Runs a command from the Command Palette (F1) by its label. */
export async function runCommand(w, label) {
  const { page } = w;
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(label);
  await page.waitForSelector(`.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="${label}"]`, { timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** The status bar's problems counts ({errors, warnings}). */
export async function statusCounts(w) {
  const t = await w.page.textContent('.statusbar-item[id="status.problems"]').catch(() => '');
  const m = /(\d+)\D+(\d+)/.exec(t ?? '');
  return m ? { errors: Number(m[1]), warnings: Number(m[2]) } : null;
}
