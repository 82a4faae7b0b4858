import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3006-untagged-image';

ruleTests(rule, {
  valid: [
    { name: 'tagged', code: 'FROM alpine:3.20\n' },
    { name: 'tagged with registry port', code: 'FROM localhost:5000/app:1.2\n' },
    { name: 'digest only', code: 'FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'earlier stage', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM build\n' },
    { name: 'earlier stage, different case', code: 'FROM golang:1.22 AS Build\nFROM BUILD\n' },
    { name: 'tag from ARG', code: 'ARG V=3.20\nFROM alpine:${V}\n' },
    { name: 'ARG without default: unknown image', code: 'ARG IMG\nFROM ${IMG}\n' },
    { name: 'ARG holding a tagged image', code: 'ARG BASE=node:20-slim\nFROM $BASE\n' },
    { name: 'platform flag and stage name', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS b\n' },
  ],
  invalid: [
    { name: 'untagged', code: 'FROM python\n', errors: [{ range: '1:6-1:12', message: "Base image 'python' has no tag, so it pulls whatever 'latest' is at build time; pin a version tag" }], output: null },
    { name: 'registry with port, no tag', code: 'FROM localhost:5000/app AS x\n', errors: ['1:6-1:24'], output: null },
    { name: 'image from ARG default', code: 'ARG IMG=alpine\nFROM ${IMG}\n', errors: [{ range: '2:6-2:12', message: /'\$\{IMG\}' \(alpine\)/ }], output: null },
    { name: 'stage name defined later is an image', code: 'FROM base\nFROM alpine:3.20 AS base\n', errors: ['1:6-1:10'], output: null },
    { name: 'lower case keyword with platform', code: 'from --platform=linux/amd64 ubuntu as build\nFROM build\n', errors: ['1:29-1:35'], output: null },
  ],
});
