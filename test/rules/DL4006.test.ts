import { ruleTests } from '../helpers/ruleTester';
import rule, { BASH_PIPEFAIL } from '../../server/src/rules/DL4006-pipefail';

const BASH = `SHELL ${BASH_PIPEFAIL}`;
ruleTests(rule, {
  valid: [
    { name: 'no pipe', code: 'FROM debian:12\nRUN a && b || c\n' },
    { name: 'SHELL with pipefail', code: `FROM debian:12\n${BASH}\nRUN curl -fsSL u | sh\n` },
    { name: 'bundled -eo pipefail in SHELL, inherited from the base stage', code: 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM base\nRUN a | b\n' },
    { name: 'set -o pipefail in the RUN', code: 'FROM debian:12\nRUN set -euxo pipefail; a | b\nRUN set -o pipefail && c | d\n' },
    { name: 'pipe inside sh -c', code: 'FROM debian:12\nRUN bash -o pipefail -c "a | b"\n' },
    { name: 'PowerShell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Process | Stop-Process\n' },
    { name: 'non-POSIX pragma', code: '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN Get-Process | Stop-Process\n' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["sh", "-c", "a | b"]\n' },
    { name: 'logical or is not a pipe', code: 'FROM debian:12\nRUN a || b\n' },
  ],
  invalid: [
    {
      name: 'Debian default shell: SHELL fix',
      code: 'FROM debian:12\nRUN curl -fsSL u | sh\n',
      errors: [{ range: '2:18-2:19', message: 'This pipe ignores failures of the commands before it: set -o pipefail (in SHELL or at the start of the RUN)' }],
      output: `FROM debian:12\n${BASH}\nRUN curl -fsSL u | sh\n`,
    },
    {
      name: 'Debian, lower case, indented, CRLF',
      code: 'from ubuntu:24.04\r\n  run --mount=type=cache,target=/x a \\\r\n    |& b\r\n',
      errors: ['3:5-3:7'],
      output: `from ubuntu:24.04\r\n  shell ${BASH_PIPEFAIL}\r\n  run --mount=type=cache,target=/x a \\\r\n    |& b\r\n`,
    },
    { name: 'Alpine: set -o pipefail prefix', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk wget -qO- u | tar x\n', errors: ['2:58-2:59'], output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk set -o pipefail && wget -qO- u | tar x\n' },
    { name: 'bash SHELL without pipefail: prefix', code: 'FROM myorg/base:1\nSHELL ["/bin/bash", "-c"]\nRUN a && b | c\n', errors: ['3:12-3:13'], output: 'FROM myorg/base:1\nSHELL ["/bin/bash", "-c"]\nRUN set -o pipefail && a && b | c\n' },
    { name: 'unknown image: no fix', code: 'FROM myorg/base:1\nRUN a | b\n', errors: ['2:7-2:8'], output: null },
    { name: 'set -o pipefail only after the pipe; substitution', code: 'FROM myorg/base:1\nRUN v=$(a | b) && set -o pipefail\n', errors: ['2:11-2:12'] },
    { name: 'heredoc script on Alpine', code: 'FROM alpine:3.20\nRUN <<EOF\napk add curl\ncurl u | sh\nEOF\n', errors: ['4:8-4:9'], output: 'FROM alpine:3.20\nRUN <<EOF\nset -o pipefail\napk add curl\ncurl u | sh\nEOF\n' },
  ],
});
