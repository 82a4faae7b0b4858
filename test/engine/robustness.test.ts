// Malformed Dockerfiles are the normal case in an editor: the engine must return findings,
// never throw or hang. Property-based generation with fast-check plus adversarial inputs.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, fixAll, allRules, buildModel } from '../../server/src/engine';
import { defineRule } from '../../server/src/engine/rule';
import { initEngine } from '../../server/src/host/shellWasm';

const KEYWORDS = ['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ARG', 'ENV', 'USER', 'WORKDIR', 'LABEL', 'EXPOSE', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'VOLUME', 'STOPSIGNAL', 'MAINTAINER', 'from', 'Run', 'BOGUS'];
const PIECES = [
  'alpine:3.20', 'node', '${IMG}', '$TAG', 'AS build', '--platform=$BUILDPLATFORM', '--mount=type=cache,target=/root/.cache',
  'apt-get update', '&&', 'apt-get install -y curl', '\\', '\\\n', '\n', '\r\n', '<<EOF', 'EOF', '[', ']', '"', "'", '["a", "b"]', '["unterminated',
  '|', ';', '||', '$(', ')', '`', '{', '}', '# hadolint ignore=DL3008', '# escape=`', '#', '=', 'a=b', 'root', '0:0', '--from=build', '.', '/app',
  'pip install flask', 'npm ci', 'rm -rf /var/lib/apt/lists/*', '\u0000', '\ufeff', '\t', ' ', 'é😀', 'sh -c "', 'if', 'then', 'fi', 'case', 'esac', '((',
];

const line = fc.tuple(fc.constantFrom(...KEYWORDS), fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }))
  .map(([k, parts]) => `${k} ${parts.join(' ')}`);
const dockerfile = fc.array(fc.oneof(line, fc.constantFrom(...PIECES), fc.string({ maxLength: 40 })), { maxLength: 30 })
  .map((ls) => ls.join('\n'));

const everything = { enable: ['all'] };

describe('robustness', () => {
  before(() => initEngine());

  it('never throws and reports no rule errors on generated Dockerfiles', () => {
    fc.assert(fc.property(dockerfile, (text) => {
      const r = lint(text, everything);
      assert.deepEqual(r.ruleErrors, [], `rule errors on ${JSON.stringify(text)}`);
      for (const f of r.findings) {
        assert.ok(f.range.start.line <= f.range.end.line);
        assert.ok(f.range.start.line >= 0 && f.range.end.line <= text.split(/\r\n|\r|\n/).length);
      }
    }), { numRuns: 400 });
  });

  it('inputs dockerfile-ast itself throws on are linted, not lost (found by fuzzing)', () => {
    // dockerfile-ast's getHeredocs throws on `RUN \` followed by a line starting with `\#`.
    for (const text of ['FROM debian:12\nRUN \\\n\\#!/bin/bash\n', 'FROM debian:12\n\\\n\\#!/bin/bash\nRUN \\\n\\#!/bin/bash\n', 'FROM a\nCOPY \\\n\\#x /y\n']) {
      const m = buildModel(text);
      assert.ok(m.instructions.length >= 2, JSON.stringify(text));
      const r = lint(text, everything);
      assert.deepEqual(r.ruleErrors, []);
      assert.ok(r.findings.some((f) => f.code === 'LW1001' || f.code === 'DL3006'), 'the other instructions are still judged');
    }
  });

  it('fix-all terminates and keeps generated Dockerfiles parseable', () => {
    fc.assert(fc.property(dockerfile, (text) => {
      const r = fixAll(text, everything);
      assert.ok(r.passes <= 10);
      buildModel(r.text);
    }), { numRuns: 150 });
  });

  it('returns quickly on adversarial inputs (no catastrophic backtracking)', () => {
    const long = (s: string, n: number) => s.repeat(n);
    const inputs = [
      'FROM ' + long('a', 200_000),
      'FROM alpine:3.20\nRUN ' + long('a ', 50_000),
      'FROM alpine:3.20\nRUN ' + long('$(', 5_000),
      'FROM alpine:3.20\nRUN ' + long('"', 20_001),
      'FROM alpine:3.20\nRUN ' + long('x \\\n', 10_000),
      'FROM alpine:3.20\n' + long('# hadolint ignore=' + long('D', 1000) + '\n', 200) + 'RUN true',
      'FROM alpine:3.20\nRUN ' + long('\\', 100_001),
      long('ARG A=${A:-${A:-${A:-x}}}\n', 2_000) + 'FROM $A',
      'FROM alpine:3.20\nCMD [' + long('"a",', 20_000) + '"b"]',
      'FROM alpine:3.20\nADD ' + long('a.tar.', 30_000) + ' /x',
      long('FROM alpine:3.20\n', 3_000),
    ];
    for (const text of inputs) {
      // CPU time, not wall time: the bound is about the work done, whatever else runs.
      const c0 = process.cpuUsage();
      const r = lint(text, everything);
      const c = process.cpuUsage(c0);
      const ms = (c.user + c.system) / 1000;
      assert.deepEqual(r.ruleErrors, []);
      assert.ok(ms < 5_000, `took ${ms.toFixed(0)} ms of CPU on input starting ${JSON.stringify(text.slice(0, 40))}`);
    }
  });

  it('isolates a rule that throws: the others still report', () => {
    const boom = defineRule({
      meta: { ...allRules[0].meta, code: 'LW9999', name: 'boom', aliases: [], enabledByDefault: true },
      check() { throw new Error('kaboom'); },
    });
    const add = allRules.find((r) => r.meta.code === 'DL3020')!;
    const r = lint('FROM alpine:3.20\nADD a /a\n', {}, [boom, add]);
    assert.deepEqual(r.ruleErrors, [{ code: 'LW9999', message: 'kaboom' }]);
    assert.deepEqual(r.findings.map((f) => f.code), ['DL3020']);
  });
});
