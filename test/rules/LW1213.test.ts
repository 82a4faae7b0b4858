import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1213-copy-to-root-home-as-non-root';

ruleTests(rule, {
  valid: [
    { name: 'runs as root', code: 'FROM python:3.12\nCOPY a /root/a\n' },
    { name: 'last USER is root again', code: 'FROM python:3.12\nUSER app\nCOPY a /root/a\nUSER 0:0\n' },
    { name: 'non-root, copied elsewhere', code: 'FROM python:3.12\nWORKDIR /app\nCOPY a .\nUSER app\n' },
    { name: 'only an earlier build stage uses /root', code: 'FROM python:3.12 AS build\nCOPY a /root/a\nFROM python:3.12-slim\nCOPY --from=build /root/a /app/a\nUSER app\n' },
    { name: '/root opened up', code: 'FROM python:3.12\nCOPY a /root/a\nRUN chmod 755 /root\nUSER app\n' },
    { name: 'unknown user', code: 'FROM python:3.12\nARG U\nCOPY a /root/a\nUSER $U\n' },
    { name: 'similar prefix', code: 'FROM python:3.12\nCOPY a /rootfs/a\nUSER app\n' },
  ],
  invalid: [
    {
      name: 'seed pattern: pip --user files in /root',
      code: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/x/w:1 /root/.local /root/.local\nUSER app\n',
      errors: [{ range: '2:40-2:52', message: 'Copied into /root/.local, but the container runs as USER app (line 3): /root is accessible to root only. Copy to /app, /opt or the user\'s home instead' }],
      output: null,
    },
    { name: 'relative to WORKDIR /root/', code: 'FROM alpine:3.20\nWORKDIR /root/\nCOPY main .\nUSER 1000\n', errors: [{ range: '3:11-3:12', message: /^Copied into \/root, but the container runs as USER 1000/ }] },
    { name: 'in the base stage, exec form', code: 'FROM alpine:3.20 AS base\nCOPY ["a", "/root/a"]\nFROM base\nUSER nobody\n', errors: ['2:12-2:21'] },
    { name: 'distroless nonroot without USER', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /root/app\n', errors: [{ range: '2:10-2:19', message: /the base image's non-root user/ }] },
    { name: 'through an ARG', code: 'FROM alpine:3.20\nARG HOME_DIR=/root\nCOPY cfg ${HOME_DIR}/.cfg\nUSER app\n', errors: [{ range: '3:10-3:26', message: /\/root\/\.cfg/ }] },
  ],
});
