import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1008-missing-cache-mount';

const S = '# syntax=docker/dockerfile:1\n';

ruleTests(rule, {
  valid: [
    { name: 'no sign of BuildKit', code: 'FROM node:20-slim\nRUN npm ci\n' },
    { name: 'cache mount present', code: `${S}FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\n` },
    { name: 'a mount written with ~', code: `${S}FROM node:20-slim\nRUN --mount=type=cache,target=~/.npm npm ci\n` },
    { name: 'a mount above the directory', code: `${S}FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install -r r.txt\n` },
    { name: 'pip without a cache', code: `${S}FROM python:3.12-slim\nRUN pip install --no-cache-dir -r r.txt\n` },
    { name: 'PIP_NO_CACHE_DIR', code: `${S}FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r r.txt\n` },
    { name: 'apt-get update alone', code: `${S}FROM debian:12-slim\nRUN apt-get update\n` },
    { name: 'go mod download with its mount (the clean corpus)', code: `${S}FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n` },
    { name: 'not a cacheable command', code: `${S}FROM node:20-slim\nRUN npm run build\n` },
  ],
  invalid: [
    {
      name: 'npm ci',
      code: `${S}FROM node:20-slim\nWORKDIR /app\nRUN npm ci\n`,
      errors: [{ range: '4:5-4:11', message: 'With BuildKit in use, a cache mount over /root/.npm keeps npm\'s downloads between builds and out of the image: RUN --mount=type=cache,target=/root/.npm' }],
      output: `${S}FROM node:20-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.npm npm ci\n`,
    },
    {
      name: 'apt-get install, BuildKit seen through another RUN --mount',
      code: 'FROM debian:12-slim\nRUN --mount=type=secret,id=x true\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      errors: ['3:23-3:38'],
      output: 'FROM debian:12-slim\nRUN --mount=type=secret,id=x true\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
    {
      name: 'go build: only the missing build cache is added',
      code: `${S}FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    go build -o /app .\n`,
      errors: [{ range: '4:5-4:13', message: /over \/root\/.cache\/go-build keeps/ }],
      output: `${S}FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n`,
    },
    {
      name: 'GOPATH from ENV, go mod download on a non-golang image',
      code: `${S}FROM debian:12-slim\nENV GOPATH=/opt/go\nRUN go mod download\n`,
      errors: ['4:5-4:20'],
      output: `${S}FROM debian:12-slim\nENV GOPATH=/opt/go\nRUN --mount=type=cache,target=/opt/go/pkg/mod go mod download\n`,
    },
    { name: 'pip via python -m, cargo on rust, mvn, gradle wrapper', code: `${S}FROM rust:1.83\nRUN python3 -m pip install x\nRUN cargo build --release\nRUN mvn -B package\nRUN ./gradlew build\n`, errors: ['3:16-3:27', '4:5-4:16', '5:5-5:8', '6:5-6:14'] },
    {
      name: 'exec form',
      code: `${S}FROM node:20-slim\nRUN ["yarn", "install", "--frozen-lockfile"]\n`,
      errors: ['3:6-3:23'],
      output: `${S}FROM node:20-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn ["yarn", "install", "--frozen-lockfile"]\n`,
    },
    { name: 'non-root user: no fix', code: `${S}FROM node:20-slim\nUSER node\nRUN npm ci\n`, errors: ['4:5-4:11'], output: null },
  ],
});
