// pinDigestFix / pinAllDigests with the digest lookup done by the real client against a real
// registry (Debian's docker-registry on 127.0.0.1). Exact output text after applying each fix.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel } from '../../server/src/engine/model';
import { applyEdits } from '../../server/src/engine/text';
import { RegistryClient } from '../../server/src/registry/client';
import { pinDigestFix, pinAllDigests, pinTarget, type DigestResolver } from '../../server/src/registry/pin';
import { initEngine } from '../../server/src/host/shellWasm';
import { startRegistry, pushMultiPlatform, pushImage, type Registry } from './harness';

describe('pinDigestFix against a real registry', () => {
  let reg: Registry;
  let H: string; // 127.0.0.1:PORT
  let NODE20: string; // index digest of library/node:20
  let NODE_LATEST: string;
  let TOOLS: string; // single-platform manifest digest of tools/cli:1
  let client: RegistryClient;
  let lookups: string[];
  let resolve: DigestResolver;

  before(async () => {
    await initEngine();
    reg = await startRegistry();
    H = reg.host;
    NODE20 = (await pushMultiPlatform(reg, 'library/node', '20')).index.digest;
    NODE_LATEST = (await pushMultiPlatform(reg, 'library/node', 'latest')).index.digest;
    TOOLS = (await pushImage(reg, 'tools/cli', '1', { os: 'linux', architecture: 'amd64' })).digest;
    client = new RegistryClient();
    lookups = [];
    resolve = (ref) => { lookups.push(ref); return client.resolveDigest(ref); };
  });
  after(async () => { await reg?.stop(); });

  /** Pin the instruction on `line` (1-based) and return the fixed text, or the error. */
  async function pin(text: string, line: number): Promise<{ output?: string; title?: string; error?: string; safety?: string }> {
    const model = buildModel(text);
    const inst = model.instructionAt(line - 1);
    assert.ok(inst, `no instruction on line ${line}`);
    const r = await pinDigestFix(model, inst, resolve);
    if ('error' in r) return { error: r.error };
    return { output: applyEdits(text, r.edits), title: r.title, safety: r.safety };
  }

  it('FROM image:tag → image:tag@<index digest>', async () => {
    const r = await pin(`FROM ${H}/library/node:20\nRUN true\n`, 1);
    assert.deepEqual(r, { output: `FROM ${H}/library/node:20@${NODE20}\nRUN true\n`, title: 'Pin base image to digest', safety: 'suggestion' });
  });

  it('keeps --platform, AS name and CRLF line endings', async () => {
    const r = await pin(`FROM --platform=$BUILDPLATFORM ${H}/library/node:20 AS build\r\nRUN true\r\n`, 1);
    assert.equal(r.output, `FROM --platform=$BUILDPLATFORM ${H}/library/node:20@${NODE20} AS build\r\nRUN true\r\n`);
  });

  it('no tag: writes the latest tag it resolved', async () => {
    const r = await pin(`FROM ${H}/library/node\n`, 1);
    assert.equal(r.output, `FROM ${H}/library/node:latest@${NODE_LATEST}\n`);
    assert.equal(lookups.at(-1), `${H}/library/node:latest`);
  });

  it('existing digest: "Update pinned digest" replaces it', async () => {
    const stale = 'sha256:' + '0'.repeat(64);
    const r = await pin(`FROM ${H}/library/node:20@${stale} AS base\n`, 1);
    assert.deepEqual(r, { output: `FROM ${H}/library/node:20@${NODE20} AS base\n`, title: 'Update pinned digest', safety: 'suggestion' });
  });

  it('current digest already: up to date, no edit', async () => {
    const model = buildModel(`FROM ${H}/library/node:20@${NODE20}\n`);
    const r = await pinDigestFix(model, model.instructions[0], resolve);
    assert.deepEqual(r, { error: `${H}/library/node:20 is already pinned to its current digest`, upToDate: true });
  });

  it('digest without tag cannot be updated', async () => {
    const r = await pin(`FROM ${H}/library/node@${NODE20}\n`, 1);
    assert.equal(r.error, `cannot update ${H}/library/node@${NODE20}: it has no tag to resolve; write the tag before the digest (name:tag@sha256:…)`);
  });

  it('FROM ${IMAGE}: pins the ARG default, the FROM keeps the ARG', async () => {
    const text = `ARG BASE=${H}/library/node:20\nFROM \${BASE}\nRUN true\n`;
    const r = await pin(text, 2);
    assert.deepEqual(r, { output: `ARG BASE=${H}/library/node:20@${NODE20}\nFROM \${BASE}\nRUN true\n`, title: 'Pin base image to digest', safety: 'suggestion' });
  });

  it('FROM $IMAGE with a quoted ARG default and an existing pin', async () => {
    const text = `ARG BASE="${H}/tools/cli:1@sha256:${'1'.repeat(64)}"\nFROM $BASE\n`;
    const r = await pin(text, 2);
    assert.deepEqual(r, { output: `ARG BASE="${H}/tools/cli:1@${TOOLS}"\nFROM $BASE\n`, title: 'Update pinned digest', safety: 'suggestion' });
  });

  it('ARG without default: clear reason, no lookup', async () => {
    const n = lookups.length;
    assert.deepEqual(await pin('ARG BASE\nFROM ${BASE}\n', 2), { error: 'cannot pin: ARG BASE has no default' });
    assert.deepEqual(await pin(`ARG V\nFROM ${H}/library/node:\${V}\n`, 2), { error: 'cannot pin: ARG V has no default' });
    assert.equal(lookups.length, n);
  });

  it('ARG mixed into the reference: refuses (a digest would override --build-arg)', async () => {
    const r = await pin(`ARG V=20\nFROM ${H}/library/node:\${V}\n`, 2);
    assert.match(r.error!, /^cannot pin: the reference is built from ARG V; a digest written next to it would silently override --build-arg V=…/);
  });

  it('COPY --from=<image> is pinned; COPY --from=<stage> is not a target', async () => {
    const text = `FROM ${H}/library/node:20 AS build\nFROM ${H}/library/node:20\nCOPY --from=${H}/tools/cli:1 /bin/cli /usr/bin/cli\nCOPY --from=build /app /app\nCOPY --from=0 /x /x\n`;
    const r = await pin(text, 3);
    assert.deepEqual(r, {
      output: `FROM ${H}/library/node:20 AS build\nFROM ${H}/library/node:20\nCOPY --from=${H}/tools/cli:1@${TOOLS} /bin/cli /usr/bin/cli\nCOPY --from=build /app /app\nCOPY --from=0 /x /x\n`,
      title: 'Pin image to digest', safety: 'suggestion',
    });
    const model = buildModel(text);
    assert.equal(pinTarget(model, model.instructions[3]), null);
    assert.equal(pinTarget(model, model.instructions[4]), null);
    assert.match((await pin(text, 4)).error!, /^nothing to pin: line 4 does not name a registry image$/);
  });

  it('FROM <stage> and FROM scratch are not targets', async () => {
    const model = buildModel(`FROM ${H}/library/node:20 AS build\nFROM build\nFROM scratch\n`);
    assert.notEqual(pinTarget(model, model.instructions[0]), null);
    assert.equal(pinTarget(model, model.instructions[1]), null);
    assert.equal(pinTarget(model, model.instructions[2]), null);
  });

  it('registry errors come back as one-line reasons', async () => {
    const r = await pin(`FROM ${H}/library/node:99\n`, 1);
    assert.deepEqual(r, { error: `cannot pin ${H}/library/node:99: image or tag not found: ${H}/library/node:99` });
  });

  it('pinAllDigests: every FROM/COPY --from, shared ARG defaults edited once, results per line', async () => {
    const text = [
      `ARG BASE=${H}/library/node:20`,
      'FROM ${BASE} AS a',
      'FROM ${BASE} AS b',
      `COPY --from=${H}/tools/cli:1 /x /x`,
      `FROM ${H}/library/node:20@${NODE20}`,
      `FROM ${H}/library/node:404`,
      'FROM a',
      '',
    ].join('\n');
    const res = await pinAllDigests(buildModel(text), resolve);
    assert.equal(applyEdits(text, res.edits), [
      `ARG BASE=${H}/library/node:20@${NODE20}`,
      'FROM ${BASE} AS a',
      'FROM ${BASE} AS b',
      `COPY --from=${H}/tools/cli:1@${TOOLS} /x /x`,
      `FROM ${H}/library/node:20@${NODE20}`,
      `FROM ${H}/library/node:404`,
      'FROM a',
      '',
    ].join('\n'));
    assert.deepEqual(res.pinned.map((p) => [p.line, p.title]), [[1, 'Pin base image to digest'], [2, 'Pin base image to digest'], [3, 'Pin image to digest']]);
    assert.deepEqual(res.upToDate, [{ line: 4, reference: `${H}/library/node:20` }]);
    assert.deepEqual(res.errors, [{ line: 5, error: `cannot pin ${H}/library/node:404: image or tag not found: ${H}/library/node:404` }]);
  });
});

describe('pinDigestFix without a registry (resolver stub)', () => {
  before(() => initEngine());
  const D = 'sha256:' + 'c'.repeat(64);
  it('never throws when the resolver does, and rejects a non-digest answer', async () => {
    const model = buildModel('FROM node:20\n');
    assert.deepEqual(await pinDigestFix(model, model.instructions[0], async () => { throw new Error('boom\nsecond line'); }), { error: 'cannot pin node:20: boom second line' });
    assert.deepEqual(await pinDigestFix(model, model.instructions[0], async () => 'latest'), { error: 'cannot pin node:20: the registry lookup returned no sha256 digest' });
    const ok = await pinDigestFix(model, model.instructions[0], async (ref) => { assert.equal(ref, 'node:20'); return D; });
    assert.ok(!('error' in ok));
    assert.equal(applyEdits('FROM node:20\n', ok.edits), `FROM node:20@${D}\n`);
  });
  it('an invalid reference is reported before any lookup', async () => {
    const model = buildModel('FROM Node:20\n');
    let called = false;
    const r = await pinDigestFix(model, model.instructions[0], async () => { called = true; return D; });
    assert.deepEqual(r, { error: 'cannot pin: invalid image reference "Node:20": repository names must be lower-case' });
    assert.equal(called, false);
  });
});
