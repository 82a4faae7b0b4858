import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTests } from '../helpers/ruleTester';
import { buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import rule from '../../server/src/rules/DL4004-multiple-entrypoint';

ruleTests(rule, {
  valid: [
    { name: 'one ENTRYPOINT and a CMD', code: 'FROM alpine:3.20\nENTRYPOINT ["tini", "--"]\nCMD ["sh"]\n' },
    { name: 'one per stage', code: 'FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM a\nENTRYPOINT ["b"]\n' },
  ],
  invalid: [
    {
      name: 'two ENTRYPOINTs',
      code: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nCMD ["c"]\n',
      errors: [{ range: '2:1-2:11', message: 'This ENTRYPOINT has no effect: the ENTRYPOINT on line 3 overrides it' }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["b"]\nCMD ["c"]\n',
    },
    {
      name: 'second stage, lower case, indented',
      code: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\n  entrypoint run.sh\n  ENTRYPOINT ["x"]\n',
      errors: ['3:3-3:13'],
      output: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\n  ENTRYPOINT ["x"]\n',
    },
    {
      name: 'between two RUNs: deleting it would make them consecutive, so the fix is only offered',
      code: 'FROM alpine:3.20\nRUN a\nENTRYPOINT ["a"]\nRUN b\nENTRYPOINT ["b"]\n',
      errors: ['3:1-3:11'],
      output: 'FROM alpine:3.20\nRUN a\nRUN b\nENTRYPOINT ["b"]\n',
    },
  ],
});

describe('DL4004 fix safety', () => {
  before(() => initEngine());
  it('is safe in general, a suggestion when it would join two RUNs', () => {
    const safety = (code: string) => rule.check(buildModel(code), {}).map((f) => f.fixes?.[0]?.safety);
    assert.deepEqual(safety('FROM alpine:3.20\nRUN a\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n'), ['safe']);
    assert.deepEqual(safety('FROM alpine:3.20\nRUN a\nENTRYPOINT ["a"]\nRUN b\nENTRYPOINT ["b"]\n'), ['suggestion']);
  });
});
