import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1108-invalid-default-arg-in-from';

ruleTests(rule, {
  valid: [
    { name: 'ARG with a default', code: 'ARG TAG=latest\nFROM busybox:${TAG}\n' },
    { name: 'empty ARG still valid', code: 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n' },
    { name: 'fallback in the reference', code: 'ARG TAG\nFROM alpine:${TAG:-3.14}\n' },
    { name: 'registry with port and digest', code: 'ARG REG=localhost:5000\nARG D=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM ${REG}/team/app@${D}\n' },
    { name: 'earlier stage by ARG', code: 'ARG BASE=Build\nFROM alpine AS build\nFROM ${BASE}\n' },
    { name: 'platform ARG is not evaluated', code: 'FROM example/tool-${TARGETARCH}\n' },
    { name: 'undeclared ARG is another rule', code: 'FROM alpine:${NOPE}\n' },
    { name: 'no variables', code: 'FROM alpine:\n' },
  ],
  invalid: [
    {
      name: 'empty tag',
      code: 'ARG TAG\nFROM busybox:${TAG}\n',
      errors: [{ range: '2:6-2:20', message: "With the ARG defaults, the base image 'busybox:${TAG}' is 'busybox:', which is not a valid image reference" }],
      output: null,
    },
    { name: 'whole image empty', code: 'ARG IMAGE\nFROM $IMAGE AS base\n', errors: [{ range: '2:6-2:12', message: "With the ARG defaults, the base image '$IMAGE' is empty; give the ARG a default" }], output: null },
    { name: 'upper-case repository', code: 'ARG IMG=MyOrg/App:1\nFROM ${IMG}\n', errors: ['2:6-2:12'], output: null },
    { name: 'empty digest', code: 'ARG DIGEST\nFROM alpine@${DIGEST}\n', errors: ['2:6-2:22'], output: null },
    { name: 'CRLF', code: 'ARG V\r\nFROM node:$V\r\n', errors: ['2:6-2:13'], output: null },
    { name: 'escape=` file', code: '# escape=`\nARG WIN\nFROM mcr.microsoft.com/windows/servercore:$WIN `\n  AS base\n', errors: ['3:6-3:47'], output: null },
  ],
});
