// The language server honours the .hadolint.yaml the CLI finds for a Dockerfile (nearest up
// the tree, stopping at .git), with the editor's layerwise.rules winning, and a broken file is
// said once, not silently ignored.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, sleep } from '../helpers/lspClient';

async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  for (const end = Date.now() + ms; !cond(); await sleep(25)) if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
}

const DOC = 'FROM alpine:3.20\nADD a /b\nRUN apt-get update && apt-get install -y curl\n';

describe('language server: .hadolint.yaml', () => {
  let c: LspClient;
  let root: string;
  const put = (rel: string, text: string) => { const p = path.join(root, rel); fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, text); return p; };
  const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).href;
  const codes = (p: { diagnostics: { code?: string | number; severity?: number }[] }) => p.diagnostics.map((d) => `${d.code}:${d.severity}`).sort();

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-lsp-config-'));
    fs.mkdirSync(path.join(root, '.git'));
    // An empty HOME: no user-wide configuration leaks in from the machine.
    c = await LspClient.start({ env: { HOME: root, XDG_CONFIG_HOME: path.join(root, 'xdg') } });
  });
  after(async () => { await c.stop(); fs.rmSync(root, { recursive: true, force: true }); });

  it('ignored codes disappear and override changes the severity, for files under the config', async () => {
    put('svc/.hadolint.yaml', 'ignored:\n  - DL3020\noverride:\n  error:\n    - DL3008\n');
    put('svc/api/Dockerfile', DOC);
    put('other/Dockerfile', DOC);
    await c.open(uriOf('svc/api/Dockerfile'), DOC, 1);
    const under = codes(await c.diagnostics(uriOf('svc/api/Dockerfile'), 1));
    await c.open(uriOf('other/Dockerfile'), DOC, 1);
    const outside = codes(await c.diagnostics(uriOf('other/Dockerfile'), 1));
    assert.ok(outside.includes('DL3020:1'), `without the config DL3020 is reported: ${outside}`);
    assert.ok(outside.includes('DL3008:2'), `without the config DL3008 is a warning: ${outside}`);
    assert.ok(!under.some((x) => x.startsWith('DL3020:')), `ignored by the config: ${under}`);
    assert.ok(under.includes('DL3008:1'), `overridden to error by the config: ${under}`);
  });

  it('.layerwise.yaml is found the same way; its rules: turns an opt-in rule on and wins over .hadolint.yaml', async () => {
    put('lw/.hadolint.yaml', 'ignored:\n  - DL3008\n');
    put('lw/.layerwise.yaml', 'rules:\n  DL3057: warning\n  DL3020: off\n');
    put('lw/Dockerfile', DOC);
    await c.open(uriOf('lw/Dockerfile'), DOC, 1);
    const got = codes(await c.diagnostics(uriOf('lw/Dockerfile'), 1));
    assert.ok(got.includes('DL3057:2'), `the opt-in rule is on, as a warning: ${got}`);
    assert.ok(!got.some((x) => x.startsWith('DL3020:')), `off by rules: ${got}`);
    assert.ok(got.includes('DL3008:2'), `the .hadolint.yaml in the same folder is not used: ${got}`);
  });

  it('a broken config is reported once and its good keys still apply', async () => {
    put('bad/.hadolint.yaml', 'ignored:\n  - DL3020\nfailure-threshold: loud\n');
    put('bad/Dockerfile', DOC);
    await c.open(uriOf('bad/Dockerfile'), DOC, 1);
    const got = codes(await c.diagnostics(uriOf('bad/Dockerfile'), 1));
    assert.ok(!got.some((x) => x.startsWith('DL3020:')), `the good key still applies: ${got}`);
    await waitFor(() => c.messages.some((m) => m.message.includes('failure-threshold')), 5000, 'a message naming the bad key');
    const shown = c.messages.filter((m) => m.message.includes('failure-threshold'));
    assert.equal(shown.length, 1);
    assert.match(shown[0].message, /\.hadolint\.yaml: failure-threshold/);
    // Typing in the file does not repeat the message.
    await c.change(uriOf('bad/Dockerfile'), 2, [{ text: DOC + '# x\n' }]);
    await c.diagnostics(uriOf('bad/Dockerfile'), 2);
    assert.equal(c.messages.filter((m) => m.message.includes('failure-threshold')).length, 1);
  });
});
