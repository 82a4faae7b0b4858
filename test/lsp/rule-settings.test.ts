// The language server passes the rule settings of a document's .hadolint.yaml
// (trustedRegistries, label-schema) to the rules, as the CLI does.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';

const DOC = 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="github.com/example/app"\nUSER 65532\n';

describe('language server: rule settings from .hadolint.yaml', () => {
  let c: LspClient;
  let root: string;
  const put = (rel: string, text: string) => { const p = path.join(root, rel); fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, text); return p; };
  const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).href;
  const lines = (p: { diagnostics: { code?: string | number; range: { start: { line: number } } }[] }) =>
    p.diagnostics.filter((d) => /^DL30(26|49|52)$/.test(String(d.code))).map((d) => `${d.range.start.line + 1}:${d.code}`).sort();

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-lsp-settings-'));
    fs.mkdirSync(path.join(root, '.git'));
    c = await LspClient.start({ env: { HOME: root, XDG_CONFIG_HOME: path.join(root, 'xdg') } });
  });
  after(async () => { await c.stop(); fs.rmSync(root, { recursive: true, force: true }); });

  it('trustedRegistries and label-schema reach DL3026, DL3049 and DL3052; files outside the config are not judged', async () => {
    put('svc/.hadolint.yaml', 'trustedRegistries: [registry.example.com]\nlabel-schema:\n  org.opencontainers.image.source: url\n  org.opencontainers.image.version: semver\n');
    put('svc/Dockerfile', DOC);
    put('other/Dockerfile', DOC);
    await c.open(uriOf('svc/Dockerfile'), DOC, 1);
    assert.deepEqual(lines(await c.diagnostics(uriOf('svc/Dockerfile'), 1)), ['1:DL3026', '1:DL3049', '2:DL3052']);
    await c.open(uriOf('other/Dockerfile'), DOC, 1);
    assert.deepEqual(lines(await c.diagnostics(uriOf('other/Dockerfile'), 1)), []);
  });
});
