import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1009-healthcheck-tool-missing';

ruleTests(rule, {
  valid: [
    { name: 'the application probes itself', code: 'FROM scratch\nCOPY app /app\nHEALTHCHECK CMD ["/app", "health"]\n' },
    { name: 'curl on an image that has it (full python is buildpack-deps)', code: 'FROM python:3.12\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'curl installed first (the seed FastAPI example)', code: 'FROM python:3.11.5-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost:8000/health || exit 1\n' },
    { name: 'installed through a variable we cannot read', code: 'FROM debian:12-slim\nRUN apt-get install -y $PKGS\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'wget on Alpine (BusyBox)', code: 'FROM alpine:3.19\nHEALTHCHECK --interval=30s --timeout=5s CMD wget --quiet --tries=1 --spider http://localhost:8080/health || exit 1\n' },
    { name: 'the runtime probes (node slim)', code: 'FROM node:20-slim\nHEALTHCHECK CMD node -e "fetch(\'http://127.0.0.1:3000/health\').then(r=>process.exit(r.ok?0:1))"\n' },
    { name: 'an image we know nothing about', code: 'FROM registry.example.com/base:1\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'distroless :debug has wget', code: 'FROM gcr.io/distroless/base-debian12:debug\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost/"]\n' },
    { name: 'curl copied in', code: 'FROM scratch\nCOPY --from=ghcr.io/tarampampam/curl:8.7.1 /bin/curl /bin/curl\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'only the final image counts', code: 'FROM scratch AS a\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\nFROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'shell form is LW1010\'s', code: 'FROM scratch\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'HEALTHCHECK NONE', code: 'FROM scratch\nHEALTHCHECK NONE\n' },
  ],
  invalid: [
    {
      name: 'curl on distroless, with options and a continuation',
      code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nHEALTHCHECK --interval=30s \\\n  CMD ["curl", "-f", "http://localhost:8080/health"]\nENTRYPOINT ["/app"]\n',
      errors: [{ range: '4:8-4:14', message: 'This HEALTHCHECK runs curl, which the distroless image gcr.io/distroless/static-debian12:nonroot does not have, so the check always fails: run a program that is in the image (the application\'s own health command)' }],
      output: null,
    },
    {
      name: 'a shell on scratch; in the stage the final stage builds on',
      code: 'FROM scratch AS base\nHEALTHCHECK CMD ["/bin/sh", "-c", "test -f /ok"]\nFROM base\nCOPY app /app\n',
      errors: [{ range: '2:18-2:27', message: /runs sh, but `scratch` has no shell/ }],
    },
    {
      name: 'wget on ARG-resolved distroless',
      code: 'ARG RUNTIME=gcr.io/distroless/java21-debian12\nFROM ${RUNTIME}\nHEALTHCHECK CMD ["/usr/bin/wget", "-q", "http://localhost/"]\n',
      errors: ['3:18-3:33'],
    },
    {
      name: 'curl on a slim image, shell form',
      code: 'FROM node:20-slim\nCOPY . /app\nHEALTHCHECK CMD curl -fsS http://127.0.0.1:3000/health || exit 1\n',
      errors: [{ range: '3:17-3:21', message: 'This HEALTHCHECK runs curl, which node:20-slim does not include and no RUN installs, so the check always fails: install it, or probe with a program the image has (the application or its runtime)' }],
    },
    { name: 'curl on Alpine (only wget installed)', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache wget\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n', errors: ['3:18-3:24'] },
    { name: 'wget on ubuntu', code: 'FROM ubuntu:24.04\nHEALTHCHECK CMD wget -q --spider http://localhost/\n', errors: ['2:17-2:21'] },
  ],
});
