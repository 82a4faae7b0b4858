import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTests, findingsOf, applyFirstFixes } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1020-missing-oci-labels';
import { lint } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';

const ALL = 'LABEL org.opencontainers.image.source="https://github.com/o/r" org.opencontainers.image.version="1.0.0" org.opencontainers.image.revision="abc1234" org.opencontainers.image.licenses="MIT"\n';
const TODO = '# TODO: set the source URL and the SPDX license; build with --build-arg VERSION=<version> --build-arg REVISION=$(git rev-parse HEAD)';

ruleTests(rule, {
  valid: [
    { name: 'all four labels', code: `FROM a:1\n${ALL}` },
    { name: 'set in the stage the final one builds on', code: `FROM a:1 AS base\n${ALL}FROM base\nRUN true\n` },
    { name: 'build stages need none', code: `FROM golang:1.22 AS build\nRUN go build\nFROM a:1\n${ALL}` },
    { name: 'values from build arguments count', code: 'FROM a:1\nARG V\nARG R\nLABEL org.opencontainers.image.source=https://x.example org.opencontainers.image.version=$V\nLABEL org.opencontainers.image.revision=$R org.opencontainers.image.licenses=MIT\n' },
    { name: 'no FROM', code: 'ARG X=1\n' },
    { name: 'a key without a known value may be any label', code: 'FROM a:1\nARG K\nLABEL $K=x\n' },
  ],
  invalid: [
    {
      name: 'no labels: range is the final FROM, fix inserts ARGs, TODO and LABEL after it',
      code: 'FROM a:1 AS build\nRUN make\nFROM b:2\nCOPY --from=build /x /x\n',
      errors: [{ range: '3:1-3:5', message: 'The image has no org.opencontainers.image.source, org.opencontainers.image.version, org.opencontainers.image.revision and org.opencontainers.image.licenses labels: add them so the image can be traced to its repository, commit and license' }],
      output: [
        'FROM a:1 AS build', 'RUN make', 'FROM b:2',
        'ARG VERSION', 'ARG REVISION', TODO,
        'LABEL org.opencontainers.image.source="https://example.com/REPLACE-ME" \\',
        '      org.opencontainers.image.version="${VERSION}" \\',
        '      org.opencontainers.image.revision="${REVISION}" \\',
        '      org.opencontainers.image.licenses="LicenseRef-REPLACE-ME"',
        'COPY --from=build /x /x', '',
      ].join('\n'),
    },
    {
      name: 'only the missing ones; ARGs after FROM are kept first and not repeated',
      code: 'from a:1\narg VERSION=1.0.0\nlabel org.opencontainers.image.source=https://x.example org.opencontainers.image.licenses=MIT\n',
      errors: [{ range: '1:1-1:5', message: /no org\.opencontainers\.image\.version and org\.opencontainers\.image\.revision labels/ }],
      output: [
        'from a:1', 'arg VERSION=1.0.0', 'arg REVISION', TODO,
        'label org.opencontainers.image.version="${VERSION}" \\',
        '      org.opencontainers.image.revision="${REVISION}"',
        'label org.opencontainers.image.source=https://x.example org.opencontainers.image.licenses=MIT', '',
      ].join('\n'),
    },
    {
      name: 'one missing, escape directive and CRLF',
      code: '# escape=`\r\nFROM a:1\r\nLABEL org.opencontainers.image.version=1 org.opencontainers.image.revision=abc1234 org.opencontainers.image.licenses=MIT\r\n',
      errors: [{ range: '2:1-2:5', message: /no org\.opencontainers\.image\.source label:/ }],
      output: `# escape=\`\r\nFROM a:1\r\n${TODO}\r\nLABEL org.opencontainers.image.source="https://example.com/REPLACE-ME"\r\nLABEL org.opencontainers.image.version=1 org.opencontainers.image.revision=abc1234 org.opencontainers.image.licenses=MIT\r\n`,
    },
    {
      name: 'continuation uses the file\'s escape character',
      code: '# escape=`\nFROM a:1\n',
      errors: ['2:1-2:5'],
      output: `# escape=\`\nFROM a:1\nARG VERSION\nARG REVISION\n${TODO}\nLABEL org.opencontainers.image.source="https://example.com/REPLACE-ME" \`\n      org.opencontainers.image.version="\${VERSION}" \`\n      org.opencontainers.image.revision="\${REVISION}" \`\n      org.opencontainers.image.licenses="LicenseRef-REPLACE-ME"\n`,
    },
  ],
});

describe('LW1020 fix output', () => {
  before(() => initEngine());
  it('draws nothing from any other rule, label-schema rules included, and satisfies LW1020', () => {
    const code = 'FROM node:20.17.0-bookworm-slim\nUSER node\nCMD ["node", "server.js"]\n';
    const fixed = applyFirstFixes(code, findingsOf(rule, code));
    assert.notEqual(fixed, code);
    const context = { settings: { labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.licenses': 'spdx', 'org.opencontainers.image.version': 'semver', 'org.opencontainers.image.revision': 'hash' } } };
    const before = new Set(lint(code, { enable: ['all'] }, undefined, context).findings.map((f) => f.code));
    const after = lint(fixed, { enable: ['all'] }, undefined, context).findings.map((f) => f.code).filter((c) => !before.has(c) || c === 'LW1020');
    assert.deepEqual(after, []);
  });
});
