import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3007-latest-tag';

ruleTests(rule, {
  valid: [
    { name: 'version tag', code: 'FROM node:20-slim\n' },
    { name: 'untagged is DL3006', code: 'FROM node\n' },
    { name: 'latest pinned by digest', code: 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'tag containing latest', code: 'FROM node:latest-alpine\nFROM ghcr.io/o/latest:1\n' },
    { name: 'tags are case-sensitive', code: 'FROM node:LATEST\n' },
    { name: 'stage named latest', code: 'FROM node:20 AS latest\nFROM latest\n' },
    { name: 'ARG without default', code: 'ARG TAG\nFROM node:${TAG}\n' },
    { name: 'ARG with a version', code: 'ARG TAG=20\nFROM node:$TAG\n' },
  ],
  invalid: [
    { name: 'literal latest: range is the tag', code: 'FROM node:latest\n', errors: [{ range: '1:11-1:17', message: "Base image 'node' uses the 'latest' tag; pin a version tag" }], output: null },
    { name: 'registry with port', code: 'FROM localhost:5000/team/app:latest AS a\n', errors: ['1:30-1:36'], output: null },
    { name: 'tag from ARG: range is the image word', code: 'ARG TAG=latest\nFROM node:${TAG}\n', errors: [{ range: '2:6-2:17', message: /'node:\$\{TAG\}' resolves to 'node:latest'/ }], output: null },
    { name: 'each stage', code: 'FROM golang:latest AS b\nFROM alpine:latest\n', errors: ['1:13-1:19', '2:13-2:19'], output: null },
  ],
});
