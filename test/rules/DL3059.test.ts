import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTests, findingsOf } from '../helpers/ruleTester';
import { initEngine } from '../../server/src/host/shellWasm';
import { applyEdits } from '../../server/src/engine';
import rule from '../../server/src/rules/DL3059-consecutive-run';

const MSG = 'This RUN follows another RUN: merge them into one to save a layer';
const WIN = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';

ruleTests(rule, {
  valid: [
    { name: 'one RUN', code: 'FROM debian:12\nRUN apt-get update\n' },
    { name: 'another instruction between', code: 'FROM debian:12\nRUN a\nWORKDIR /app\nRUN b\n' },
    { name: 'not across stages', code: 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nRUN ./install\n' },
    { name: 'different --mount', code: 'FROM debian:12\nRUN --mount=type=secret,id=npm npm ci\nRUN npm run build\n' },
    { name: 'different --mount targets', code: 'FROM debian:12\nRUN --mount=type=cache,target=/a a\nRUN --mount=type=cache,target=/b b\n' },
    { name: 'different --network', code: 'FROM debian:12\nRUN --network=none make test\nRUN make install\n' },
    { name: 'different --security', code: 'FROM debian:12\nRUN --security=insecure mount -t tmpfs none /mnt\nRUN ls\n' },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get update\nEOF\nRUN apt-get install -y curl\n' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["/bin/prepare"]\nRUN make\n' },
    { name: 'first RUN chains more than two commands (hadolint semantics)', code: 'FROM debian:12\nRUN a && b && c\nRUN d\n' },
    { name: 'second RUN chains more than two commands', code: 'FROM debian:12\nRUN a\nRUN b | c | d\n' },
    { name: 'ONBUILD RUN is not a RUN of this stage', code: 'FROM debian:12\nONBUILD RUN a\nONBUILD RUN b\n' },
  ],
  invalid: [
    {
      name: 'simple',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ range: '3:1-3:4', message: MSG }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'comments between become comment lines in the continuation; blank lines dropped',
      code: 'FROM debian:12\nRUN apt-get update\n\n# the tools we need\n  # (pinned later)\n\nRUN apt-get install -y curl\nCMD ["bash"]\n',
      errors: ['7:1-7:4'],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    # the tools we need\n    # (pinned later)\n    apt-get install -y curl\nCMD ["bash"]\n',
    },
    {
      name: 'CRLF line endings kept',
      code: 'FROM debian:12\r\nRUN apt-get update\r\n# curl\r\nRUN apt-get install -y curl\r\n',
      errors: ['4:1-4:4'],
      output: 'FROM debian:12\r\nRUN apt-get update && \\\r\n    # curl\r\n    apt-get install -y curl\r\n',
    },
    {
      name: 'escape=` (Windows): backtick continuation, cmd understands &&',
      code: `# escape=\`\n${WIN}RUN mkdir C:\\app\nRUN echo hi > C:\\app\\x.txt\n`,
      errors: ['4:1-4:4'],
      output: `# escape=\`\n${WIN}RUN mkdir C:\\app && \`\n    echo hi > C:\\app\\x.txt\n`,
    },
    {
      name: 'identical flags kept once, in any order',
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip --network=host pip install -r a.txt\nRUN --network=host --mount=type=cache,target=/root/.cache/pip pip install -r b.txt\n',
      errors: ['3:1-3:4'],
      output: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip --network=host pip install -r a.txt && \\\n    pip install -r b.txt\n',
    },
    {
      name: 'three in a row',
      code: 'FROM alpine:3.20\nRUN apk add curl\nRUN curl -fsSLo /tmp/x https://example.com/x\nRUN chmod +x /tmp/x\n',
      errors: ['3:1-3:4', '4:1-4:4'],
      output: 'FROM alpine:3.20\nRUN apk add curl && \\\n    curl -fsSLo /tmp/x https://example.com/x && \\\n    chmod +x /tmp/x\n',
    },
    {
      name: 'the file\'s continuation indentation and the second RUN\'s own lines kept',
      code: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl\nRUN rm -rf /tmp/a \\\n        /tmp/b\n',
      errors: ['4:1-4:4'],
      output: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl && \\\n  rm -rf /tmp/a \\\n        /tmp/b\n',
    },
    {
      name: 'indented instructions, lower-case keywords, trailing blanks',
      code: 'from debian:12\n  run make   \n  run make install\n',
      errors: ['3:3-3:6'],
      output: 'from debian:12\n  run make && \\\n      make install\n',
    },
    {
      name: '|| in the second RUN is grouped (a && b || c would run c after a failed a)',
      code: 'FROM debian:12\nRUN make\nRUN make test || true\n',
      errors: ['3:1-3:4'],
      output: 'FROM debian:12\nRUN make && \\\n    { make test || true; }\n',
    },
    {
      name: 'a list in the second RUN is grouped',
      code: 'FROM debian:12\nRUN make\nRUN cd docs; make\n',
      errors: ['3:1-3:4'],
      output: 'FROM debian:12\nRUN make && \\\n    { cd docs; make; }\n',
    },
    {
      name: 'a background job in the second RUN is grouped',
      code: 'FROM debian:12\nRUN a\nRUN b &\n',
      errors: ['3:1-3:4'],
      output: 'FROM debian:12\nRUN a && \\\n    { b & }\n',
    },
    {
      name: '|| in the first RUN needs nothing: (a || b) && c',
      code: 'FROM debian:12\nRUN a || b\nRUN c\n',
      errors: ['3:1-3:4'],
      output: 'FROM debian:12\nRUN a || b && \\\n    c\n',
    },
    {
      name: 'a first RUN ending with ; is grouped',
      code: 'FROM debian:12\nRUN a;\nRUN c\n',
      errors: ['3:1-3:4'],
      output: 'FROM debian:12\nRUN { a; } && \\\n    c\n',
    },
    {
      name: 'a second RUN ending with ; needs nothing',
      code: 'FROM debian:12\nRUN a\nRUN c;\n',
      errors: ['3:1-3:4'],
      output: 'FROM debian:12\nRUN a && \\\n    c;\n',
    },
    {
      name: 'a first RUN that changes directory runs in a subshell (the second starts in the WORKDIR)',
      code: 'FROM debian:12\nWORKDIR /app\nRUN cd /src && make\nRUN make install\n',
      errors: ['4:1-4:4'],
      output: 'FROM debian:12\nWORKDIR /app\nRUN ( cd /src && make ) && \\\n    make install\n',
    },
    {
      name: 'variables, export and exit in the first RUN: subshell',
      code: 'FROM debian:12\nRUN export PATH=/opt/bin:$PATH; V=1\nRUN tool\nWORKDIR /\nRUN test -f /x || exit 0\nRUN next\n',
      errors: ['3:1-3:4', '6:1-6:4'],
      output: 'FROM debian:12\nRUN ( export PATH=/opt/bin:$PATH; V=1 ) && \\\n    tool\nWORKDIR /\nRUN ( test -f /x || exit 0 ) && \\\n    next\n',
    },
    {
      name: 'cd only inside $( ) or a subshell leaves the shell as it was',
      code: 'FROM debian:12\nRUN echo $(cd /x && pwd)\nRUN (cd /y; make)\nRUN ls\n',
      errors: ['3:1-3:4', '4:1-4:4'],
      output: 'FROM debian:12\nRUN echo $(cd /x && pwd) && \\\n    (cd /y; make) && \\\n    ls\n',
    },
    {
      name: 'Windows cmd: cd in the first RUN would leak, no fix',
      code: `${WIN}RUN cd C:\\src && build.cmd\nRUN install.cmd\n`,
      errors: ['3:1-3:4'],
      output: null,
    },
    {
      name: 'first RUN ends in a # comment: flagged, no fix',
      code: 'FROM debian:12\nRUN make # builds everything\nRUN make install\n',
      errors: ['3:1-3:4'],
      output: null,
    },
    {
      name: 'a # comment in the second RUN is fine when nothing follows it',
      code: 'FROM debian:12\nRUN make\nRUN make install # to /usr/local\n',
      errors: ['3:1-3:4'],
      output: 'FROM debian:12\nRUN make && \\\n    make install # to /usr/local\n',
    },
    {
      name: 'Windows cmd: grouping needed but cmd has no { }: no fix',
      code: `${WIN}RUN a\nRUN b || c\n`,
      errors: ['3:1-3:4'],
      output: null,
    },
    {
      name: 'PowerShell: no fix',
      code: `${WIN}SHELL ["powershell", "-Command"]\nRUN New-Item -ItemType Directory C:/app\nRUN Set-Content C:/app/x.txt hi\n`,
      errors: ['4:1-4:4'],
      output: null,
    },
    {
      name: 'an explicit POSIX SHELL allows grouping',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a\nRUN b || c\n',
      errors: ['4:1-4:4'],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a && \\\n    { b || c; }\n',
    },
    {
      name: 'two separate pairs in two stages',
      code: 'FROM debian:12 AS a\nRUN a1\nRUN a2\nFROM debian:12\nRUN b1\nRUN b2\n',
      errors: ['3:1-3:4', '6:1-6:4'],
      output: 'FROM debian:12 AS a\nRUN a1 && \\\n    a2\nFROM debian:12\nRUN b1 && \\\n    b2\n',
    },
  ],
});

describe('DL3059 fix', () => {
  before(() => initEngine());
  it('is a suggestion (it changes layers and cache boundaries)', () => {
    const f = findingsOf(rule, 'FROM debian:12\nRUN a\nRUN b\n');
    assert.equal(f[0].fixes[0].safety, 'suggestion');
    assert.equal(f[0].fixes[0].title, 'Merge into the previous RUN');
  });
  it('three in a row with groups: each fix alone and both together stay valid shell', () => {
    const code = 'FROM debian:12\nRUN a\nRUN b || c;\nRUN d\n';
    const f = findingsOf(rule, code);
    assert.equal(f.length, 2);
    assert.equal(applyEdits(code, f[0].fixes[0].edits), 'FROM debian:12\nRUN a && \\\n    { b || c; }\nRUN d\n');
    assert.equal(applyEdits(code, f[1].fixes[0].edits), 'FROM debian:12\nRUN a\nRUN { b || c; } && \\\n    d\n');
    assert.equal(applyEdits(code, [...f[0].fixes[0].edits, ...f[1].fixes[0].edits]), 'FROM debian:12\nRUN a && \\\n    { { b || c; } } && \\\n    d\n');
  });
});
