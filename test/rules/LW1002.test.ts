import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1002-unpinned-base-digest';

const D = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

ruleTests(rule, {
  valid: [
    { name: 'tag and digest', code: `FROM node:20-slim@${D}\n` },
    { name: 'digest only', code: `FROM ghcr.io/o/app@${D} AS a\n` },
    { name: 'scratch', code: 'FROM scratch\n' },
    { name: 'earlier stage', code: `FROM golang:1.22@${D} AS build\nFROM build\n` },
    { name: 'ARG without default', code: 'ARG BASE\nFROM $BASE\n' },
    { name: 'ARG default pinned', code: `ARG BASE=node:20@${D}\nFROM \${BASE}\n` },
    { name: 'COPY --from a stage name', code: `FROM golang:1.22@${D} AS build\nFROM scratch\nCOPY --from=build /app /app\n` },
    { name: 'COPY --from a stage index', code: `FROM golang:1.22@${D}\nFROM scratch\nCOPY --from=0 /app /app\n` },
    { name: 'COPY --from a pinned image', code: `FROM scratch\nCOPY --from=busybox:1.36@${D} /bin/busybox /bin/\n` },
    { name: 'COPY --from an ARG without default', code: 'FROM scratch\nARG SRC\nCOPY --from=$SRC /x /x\n' },
    { name: 'COPY --from a stage through ARG', code: `FROM alpine:3.20@${D} AS tools\nFROM scratch\nARG S=tools\nCOPY --from=\${S} /x /x\n` },
  ],
  invalid: [
    { name: 'tagged FROM', code: 'FROM node:20-slim\n', errors: [{ range: '1:6-1:18', message: "Base image 'node:20-slim' is not pinned by digest; a tag can later point to different content" }], output: null },
    { name: 'untagged FROM with stage name', code: 'FROM ubuntu AS base\nFROM base\n', errors: ['1:6-1:12'], output: null },
    { name: 'FROM through ARG: message shows the resolved image', code: 'ARG BASE=python:3.12\nFROM ${BASE}\n', errors: [{ range: '2:6-2:13', message: /'python:3\.12'/ }], output: null },
    { name: 'COPY --from an image', code: `FROM alpine:3.20@${D}\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n`, errors: [{ range: '2:13-2:25', message: /COPY --from/ }], output: null },
    { name: 'COPY --from a stage defined later is an image', code: `FROM alpine:3.20@${D}\nCOPY --from=late /x /x\nFROM alpine:3.20@${D} AS late\n`, errors: ['2:13-2:17'], output: null },
    { name: 'both, in document order', code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', errors: ['1:6-1:17', '2:13-2:23'], output: null },
  ],
});
