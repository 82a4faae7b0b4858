import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3026-untrusted-registry';

const context = { settings: { trustedRegistries: ['registry.example.com'] } };
const hub = { settings: { trustedRegistries: ['docker.io'] } };

ruleTests(rule, {
  context,
  valid: [
    { name: 'trusted registry', code: 'FROM registry.example.com/base/python:3.12\n' },
    { name: 'host names compare case-insensitively', code: 'FROM Registry.Example.COM/python:3.12\n' },
    { name: 'scratch and build stages', code: 'FROM registry.example.com/go:1.22 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'nothing configured: silent', code: 'FROM evil.example/x:1\n', context: {} },
    { name: 'empty list: silent', code: 'FROM evil.example/x:1\n', context: { settings: { trustedRegistries: [] } } },
    { name: 'Docker Hub by all its names', code: 'FROM ubuntu:22.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/zemanlx/ubuntu:18.04 AS c\nFROM index.docker.io/library/node:20 AS d\n', context: hub },
    { name: 'hub.docker.com in the list means Docker Hub', code: 'FROM ubuntu:22.04\nFROM docker.io/library/node:20\n', context: { settings: { trustedRegistries: ['hub.docker.com'] } } },
    { name: 'wildcard subdomain', code: 'FROM team.artifactory.example/app:1\n', context: { settings: { trustedRegistries: ['*.artifactory.example'] } } },
    { name: 'prefix wildcard', code: 'FROM mirror-eu.example/app:1\n', context: { settings: { trustedRegistries: ['mirror-*'] } } },
    { name: 'port is part of the host', code: 'FROM localhost:5000/app:1\n', context: { settings: { trustedRegistries: ['localhost:5000'] } } },
    { name: 'path entry: that namespace', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nFROM ubuntu:22.04\n', context: { settings: { trustedRegistries: ['gcr.io/distroless', 'docker.io/library'] } } },
    { name: 'ARG resolved to a trusted image', code: 'ARG BASE=registry.example.com/node:20\nFROM ${BASE}\n' },
    { name: 'ARG without a value is not judged', code: 'ARG REGISTRY\nFROM ${REGISTRY}/node:20\n' },
    { name: 'COPY --from a stage, by name or index', code: 'FROM registry.example.com/a:1 AS b\nFROM registry.example.com/a:1\nCOPY --from=b /x /x\nCOPY --from=0 /y /y\n' },
    { name: 'bare --from word is DL3022\'s', code: 'FROM registry.example.com/a:1\nCOPY --from=nginx /x /x\n' },
    { name: 'invalid reference is left to other rules', code: 'FROM Bad/Name:1\n' },
  ],
  invalid: [
    { name: 'other registry: range is the image word', code: 'FROM random.example/debian:12\n', errors: [{ range: '1:6-1:30', message: "Image 'random.example/debian:12' comes from registry 'random.example', which is not in trustedRegistries (registry.example.com)" }], output: null },
    { name: 'Docker Hub when only a private registry is trusted', code: 'FROM python:3.12-slim\n', errors: [{ range: '1:6-1:22', message: /Docker Hub \(docker\.io\)/ }], output: null },
    { name: 'every stage', code: 'FROM golang:1.22 AS build\nFROM registry.example.com/base:1\nFROM quay.io/x/y:2\n', errors: ['1:6-1:17', '3:6-3:19'], output: null },
    { name: 'via ARG: both shown', code: 'ARG BASE=node:20\nFROM $BASE\n', errors: [{ range: '2:6-2:11', message: /'\$BASE' \(node:20\)/ }], output: null },
    { name: 'COPY --from and RUN --mount from an external image', code: 'FROM registry.example.com/a:1\nCOPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/uv\nRUN --mount=type=bind,from=nginx:1.27,target=/n true\n', errors: ['2:13-2:37', '3:28-3:38'], output: null },
    { name: 'wildcard does not match the bare domain', code: 'FROM artifactory.example/app:1\n', context: { settings: { trustedRegistries: ['*.artifactory.example'] } }, errors: ['1:6-1:31'], output: null },
    { name: 'path entry does not trust the rest of the host', code: 'FROM gcr.io/other-project/app:1\nFROM node:20\n', context: { settings: { trustedRegistries: ['gcr.io/distroless', 'docker.io/library'] } }, errors: ['1:6-1:32'], output: null },
    { name: 'docker.io/library does not trust user images', code: 'FROM bitnami/redis:7\n', context: { settings: { trustedRegistries: ['docker.io/library'] } }, errors: ['1:6-1:21'], output: null },
  ],
});
