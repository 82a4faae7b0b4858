import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3029-constant-platform';

ruleTests(rule, {
  valid: [
    { name: 'no flag', code: 'FROM alpine:3.20\n' },
    { name: 'build platform', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
    { name: 'braces and quotes', code: 'FROM --platform="${BUILDPLATFORM}" golang:1.22\n' },
    { name: 'ARG of your own can be overridden', code: 'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM alpine:3.20\n' },
    { name: 'per-architecture stage', code: 'FROM --platform=linux/arm64 alpine:3.20 AS build_arm64\nFROM --platform=linux/amd64 alpine:3.20 AS build_amd64\n' },
    { name: 'stage name mentions the OS', code: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-tools\n' },
    { name: 'normalised architecture in the name', code: 'FROM --platform=linux/aarch64 alpine:3.20 AS base-arm64\n' },
  ],
  invalid: [
    {
      name: 'constant',
      code: 'FROM --platform=linux/amd64 node:20-slim\n',
      errors: [{ range: '1:17-1:28', message: "FROM --platform uses the constant 'linux/amd64', which ignores the platform the image is built for; omit it or use a build variable" }],
      output: null,
    },
    { name: 'quoted, lower case keyword, unrelated stage name', code: 'from --platform="linux/arm64" alpine:3.20 as base\n', errors: ['1:17-1:30'], output: null },
    { name: 'only the constant stage in a multi-stage file', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=linux/amd64 alpine:3.20\n', errors: ['2:17-2:28'], output: null },
  ],
});
