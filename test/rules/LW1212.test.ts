import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1212-copy-from-untagged-image';

const F = 'FROM alpine:3.20\n';
ruleTests(rule, {
  valid: [
    { name: 'tagged image', code: F + 'COPY --from=nginx:1.27 /a /a\n' },
    { name: 'digest only', code: F + 'COPY --from=nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /a /a\n' },
    { name: 'stage name and index', code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\n' },
    { name: 'registry with port, tagged', code: F + 'COPY --from=localhost:5000/tools:2 /a /a\n' },
    { name: 'unknown variable', code: F + 'ARG IMG\nCOPY --from=$IMG /a /a\n' },
    { name: 'mount from a stage', code: 'FROM alpine:3.20 AS files\nFROM alpine:3.20\nRUN --mount=from=files,target=/f ls /f\n' },
  ],
  invalid: [
    { name: 'untagged', code: F + 'COPY --from=nginx /etc/nginx /etc/nginx\n', errors: [{ range: '2:6-2:18', message: /^The image "nginx" has no tag/ }], output: null },
    { name: 'registry with port, untagged', code: F + 'COPY --from=localhost:5000/tools /a /a\n', errors: [{ range: '2:6-2:33', message: /"localhost:5000\/tools" has no tag/ }] },
    { name: 'latest', code: F + 'COPY --from=ghcr.io/o/tool:latest /t /t\n', errors: [{ range: '2:6-2:34', message: /uses the latest tag/ }] },
    { name: 'through an ARG', code: 'ARG TOOLS=busybox\nFROM alpine:3.20\nCOPY --from=${TOOLS} /bin/busybox /bin/\n', errors: [{ range: '3:6-3:21', message: /"busybox" has no tag/ }] },
    { name: 'RUN --mount=from', code: F + 'RUN --mount=type=bind,from=golang,source=/usr/local/go,target=/go ls /go\n', errors: ['2:5-2:66'] },
  ],
});
