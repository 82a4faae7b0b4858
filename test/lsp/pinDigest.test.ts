// "Pin <image> to digest" / "Update pinned digest" through the real language server and a real
// registry (Debian's docker-registry on 127.0.0.1, behind a counting proxy): the network is
// used only when the command runs, the pin arrives as a workspace/applyEdit request, and
// failures (404, 401, connection refused, timeout) are shown with window/showMessage.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, Range } from 'vscode-languageserver-protocol';
import { LspClient, applyWorkspaceEdit } from '../helpers/lspClient';
import {
  startRegistry, pushMultiPlatform, pushImage, httpServer, silentServer, forward, freePort, writeDockerConfig,
  type Registry, type LocalServer,
} from '../registry/harness';
import { COMMAND_PIN_DIGEST } from '../../shared/constants';

const at = (line: number): Range => ({ start: { line, character: 2 }, end: { line, character: 2 } });
const NO_RULES = { rules: { all: 'off' } };

describe('language server: pin digest against a real registry', () => {
  let reg: Registry;
  let proxy: LocalServer;
  let host: string;
  let baseDigest: string;
  let toolsDigest: string;
  let c: LspClient;
  let settings: Record<string, unknown> = NO_RULES;
  let seq = 0;

  before(async () => {
    reg = await startRegistry();
    baseDigest = (await pushMultiPlatform(reg, 'team/base', '1.2')).index.digest;
    toolsDigest = (await pushImage(reg, 'team/tools', '3', { os: 'linux', architecture: 'amd64' })).digest;
    proxy = await httpServer((req, res) => forward(reg, req, res));
    host = `127.0.0.1:${proxy.port}`;
    c = await LspClient.start({ configuration: () => settings });
  });
  after(async () => {
    await c?.stop();
    await proxy?.close();
    await reg?.stop();
  });

  async function open(text: string): Promise<string> {
    const uri = `file:///ws/pin/${++seq}/Dockerfile`;
    await c.open(uri, text, 1);
    await c.diagnostics(uri, 1);
    return uri;
  }
  async function refactors(uri: string, line: number): Promise<CodeAction[]> {
    return (await c.codeActions(uri, at(line), [], ['refactor'])) as CodeAction[];
  }
  async function run(action: CodeAction): Promise<{ applied: boolean; error?: string }> {
    assert.equal(action.command?.command, COMMAND_PIN_DIGEST);
    return c.request('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
  }

  it('offers the pin on FROM and COPY --from images without touching the network', async () => {
    const text = `FROM ${host}/team/base:1.2 AS build\nCOPY --from=${host}/team/tools:3 /x /x\nCOPY --from=build /a /a\nFROM build\n`;
    const uri = await open(text);
    const from = await refactors(uri, 0);
    assert.deepEqual(from.map((a) => a.title), [`Pin ${host}/team/base:1.2 to digest`]);
    assert.equal(from[0].kind, 'refactor.rewrite');
    assert.deepEqual(from[0].command!.arguments, [{ uri, line: 0, version: 1 }]);
    assert.deepEqual((await refactors(uri, 1)).map((a) => a.title), [`Pin ${host}/team/tools:3 to digest`]);
    assert.deepEqual(await refactors(uri, 2), [], 'a stage is not an image');
    assert.deepEqual(await refactors(uri, 3), [], 'FROM <stage> is not an image');
    assert.equal(proxy.requests.length, 0, 'no registry traffic before the action is chosen');
  });

  it('offers the pin as the quick fix of an LW1002 (unpinned image) diagnostic, once', async () => {
    settings = { rules: { all: 'off', LW1002: 'on' } };
    const text = `FROM ${host}/team/base:1.2\nCOPY --from=${host}/team/tools:3 /x /x\n`;
    let uri: string;
    try { uri = await open(text); } finally { settings = NO_RULES; }
    const p = c.publishedFor(uri).at(-1)!;
    const lw = p.diagnostics.filter((d) => d.code === 'LW1002');
    assert.equal(lw.length, 2);
    for (const [i, d] of lw.entries()) {
      const actions = (await c.codeActions(uri, d.range, [d])) as CodeAction[];
      const pins = actions.filter((a) => a.command?.command === COMMAND_PIN_DIGEST);
      assert.equal(pins.length, 1, 'one pin action, not a quick fix and a refactoring');
      assert.equal(pins[0].title, i === 0 ? `Pin ${host}/team/base:1.2 to digest` : `Pin ${host}/team/tools:3 to digest`);
      assert.equal(pins[0].kind, 'quickfix');
      assert.deepEqual(pins[0].diagnostics, [d]);
    }
    assert.equal(proxy.requests.length, 0);
  });

  it('pins FROM image:tag to the index digest with workspace/applyEdit', async () => {
    const text = `FROM ${host}/team/base:1.2 AS build\nRUN true\n`;
    const uri = await open(text);
    const [action] = await refactors(uri, 0);
    const n = c.applyEdits.length;
    const r = await run(action);
    assert.deepEqual(r, { applied: true });
    assert.ok(proxy.requests.length > 0);
    assert.equal(c.applyEdits.length, n + 1);
    const req = c.applyEdits[n];
    assert.equal(req.label, 'Pin base image to digest');
    assert.deepEqual((req.edit.documentChanges![0] as { textDocument: unknown }).textDocument, { uri, version: 1 });
    assert.equal(applyWorkspaceEdit(text, req.edit, uri), `FROM ${host}/team/base:1.2@${baseDigest} AS build\nRUN true\n`);
  });

  it('pins COPY --from=<image>', async () => {
    const text = `FROM alpine:3.20\nCOPY --from=${host}/team/tools:3 /x /x\n`;
    const uri = await open(text);
    const [action] = await refactors(uri, 1);
    const n = c.applyEdits.length;
    assert.deepEqual(await run(action), { applied: true });
    assert.equal(applyWorkspaceEdit(text, c.applyEdits[n].edit, uri), `FROM alpine:3.20\nCOPY --from=${host}/team/tools:3@${toolsDigest} /x /x\n`);
  });

  it('updates a pinned digest to what the tag points to now, and says when it is current', async () => {
    const stale = `sha256:${'0'.repeat(64)}`;
    const text = `FROM ${host}/team/base:1.2@${stale}\n`;
    const uri = await open(text);
    const [action] = await refactors(uri, 0);
    assert.equal(action.title, 'Update pinned digest');
    let n = c.applyEdits.length;
    assert.deepEqual(await run(action), { applied: true });
    const pinned = applyWorkspaceEdit(text, c.applyEdits[n].edit, uri);
    assert.equal(pinned, `FROM ${host}/team/base:1.2@${baseDigest}\n`);

    // The editor applies it; then the tag moves on in the registry.
    await c.change(uri, 2, [{ text: pinned }]);
    await c.diagnostics(uri, 2);
    const moved = (await pushMultiPlatform(reg, 'team/base', '1.2')).index.digest;
    assert.notEqual(moved, baseDigest);
    const [again] = await refactors(uri, 0);
    n = c.applyEdits.length;
    assert.deepEqual(await run(again), { applied: true });
    assert.equal(applyWorkspaceEdit(pinned, c.applyEdits[n].edit, uri), `FROM ${host}/team/base:1.2@${moved}\n`);
    baseDigest = moved;

    // Already current: a message, no edit.
    const current = `FROM ${host}/team/base:1.2@${moved}\n`;
    await c.change(uri, 3, [{ text: current }]);
    await c.diagnostics(uri, 3);
    const [third] = await refactors(uri, 0);
    n = c.applyEdits.length;
    const m = c.messages.length;
    const r = await run(third);
    assert.equal(r.applied, false);
    assert.equal(c.applyEdits.length, n);
    const msg = await c.waitFor(() => c.messages.slice(m)[0]);
    assert.equal(msg.type, 3);
    assert.match(msg.message, /^Layerwise: .*already pinned to its current digest/);
  });

  async function expectError(image: string, pattern: RegExp) {
    const uri = await open(`FROM ${image}\n`);
    const [action] = await refactors(uri, 0);
    assert.ok(action, `no pin action for ${image}`);
    const n = c.applyEdits.length;
    const m = c.messages.length;
    const r = await run(action);
    assert.equal(r.applied, false);
    assert.equal(c.applyEdits.length, n, 'no edit on failure');
    const msg = await c.waitFor(() => c.messages.slice(m)[0]);
    assert.equal(msg.type, 1);
    assert.match(msg.message, pattern);
    return msg.message;
  }

  it('reports a missing tag (404)', async () => {
    await expectError(`${host}/team/base:9.9`, /^Layerwise: cannot pin .*team\/base:9\.9: image or tag not found/);
  });

  it('reports an unreachable registry (offline / connection refused)', async () => {
    const port = await freePort();
    await expectError(`127.0.0.1:${port}/x/y:1`, /connection refused/);
  });

  it('reports a timeout, with layerwise.registry.timeoutMs honoured', async () => {
    const silent = await silentServer();
    settings = { ...NO_RULES, registry: { timeoutMs: 300 } };
    await c.notifyServer('workspace/didChangeConfiguration', { settings: null });
    try {
      const t0 = Date.now();
      await expectError(`127.0.0.1:${silent.port}/x/y:1`, /did not answer within 0\.3 s/);
      assert.ok(Date.now() - t0 < 5000);
    } finally {
      settings = NO_RULES;
      await c.notifyServer('workspace/didChangeConfiguration', { settings: null });
      await silent.close();
    }
  });

  it('refuses a stale command whose document changed since the action was offered', async () => {
    const text = `FROM ${host}/team/base:1.2\n`;
    const uri = await open(text);
    const [action] = await refactors(uri, 0);
    await c.change(uri, 2, [{ text: `# moved\n${text}` }]);
    const m = c.messages.length;
    const r = await run(action);
    assert.equal(r.applied, false);
    assert.match((await c.waitFor(() => c.messages.slice(m)[0])).message, /document changed/);
  });
});

describe('language server: registry credentials only in a trusted workspace', () => {
  const USER = 'pinner';
  const PASS = 'S3cret-pin';
  let reg: Registry;
  let cfg: ReturnType<typeof writeDockerConfig>;
  let digest: string;
  before(async () => {
    reg = await startRegistry({ user: USER, password: PASS });
    digest = (await pushImage(reg, 'private/app', '1', { os: 'linux', architecture: 'amd64' })).digest;
    cfg = writeDockerConfig({ [reg.host]: { auth: Buffer.from(`${USER}:${PASS}`).toString('base64') } });
  });
  after(async () => {
    await reg?.stop();
    cfg?.remove();
  });

  async function pinWith(trusted: boolean) {
    const c = await LspClient.start({ env: { DOCKER_CONFIG: cfg.dir }, initializationOptions: { trustedWorkspace: trusted }, configuration: () => NO_RULES });
    try {
      const uri = 'file:///ws/private/Dockerfile';
      const text = `FROM ${reg.host}/private/app:1\n`;
      await c.open(uri, text, 1);
      await c.diagnostics(uri, 1);
      const [action] = (await c.codeActions(uri, at(0), [], ['refactor'])) as CodeAction[];
      const r = await c.request<{ applied: boolean }>('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
      return { r, text: c.applyEdits[0] ? applyWorkspaceEdit(text, c.applyEdits[0].edit, uri) : null, messages: c.messages.map((m) => m.message) };
    } finally {
      await c.stop();
    }
  }

  it('untrusted: no credentials are read, the 401 is reported', async () => {
    const { r, text, messages } = await pinWith(false);
    assert.equal(r.applied, false);
    assert.equal(text, null);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /authentication required/);
    assert.ok(!messages[0].includes(PASS));
  });

  it('trusted: the Docker config credentials are used', async () => {
    const { r, text } = await pinWith(true);
    assert.deepEqual(r, { applied: true });
    assert.equal(text, `FROM ${reg.host}/private/app:1@${digest}\n`);
  });
});
