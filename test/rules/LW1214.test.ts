import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1214-package-install-as-non-root';

ruleTests(rule, {
  valid: [
    { name: 'install before USER', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER app\n' },
    { name: 'back to root', code: 'FROM debian:12\nUSER app\nUSER root\nRUN apk add git\n' },
    { name: 'sudo', code: 'FROM debian:12\nUSER app\nRUN sudo apt-get install -y curl\n' },
    { name: 'not a package manager', code: 'FROM debian:12\nUSER app\nRUN pip install --user x && apt-cache policy\n' },
    { name: 'unknown user', code: 'FROM debian:12\nARG U\nUSER $U\nRUN apt-get install -y curl\n' },
    { name: 'new stage starts as root', code: 'FROM debian:12 AS a\nUSER app\nFROM debian:12\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      name: 'apt-get after USER',
      code: 'FROM debian:12\nUSER app\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ range: '3:5-3:19', message: '`apt-get update` needs root, but this RUN runs as USER app (line 2). Install packages before switching users' }],
      output: 'FROM debian:12\nUSER app\nUSER root\nRUN apt-get update && apt-get install -y curl\nUSER app\n',
    },
    { name: 'inherited from the base stage', code: 'FROM alpine:3.20 AS base\nUSER 1000:1000\nFROM base\nRUN apk del curl\n', errors: ['4:5-4:12'], output: 'FROM alpine:3.20 AS base\nUSER 1000:1000\nFROM base\nUSER root\nRUN apk del curl\nUSER 1000:1000\n' },
    { name: 'chainguard base runs as non-root: no fix', code: 'FROM cgr.dev/chainguard/python:latest\nRUN apk add git\n', errors: [{ range: '2:5-2:12', message: /the base image's non-root user/ }], output: null },
    { name: 'lower-case keywords', code: 'from fedora:40\nuser app\nrun dnf -y install git\n', errors: ['3:5-3:19'], output: 'from fedora:40\nuser app\nuser root\nrun dnf -y install git\nuser app\n' },
  ],
});
