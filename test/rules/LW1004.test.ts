import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1004-cleanup-in-later-run';

const F = 'FROM debian:bookworm-slim\n';
const RM = 'rm -rf /var/lib/apt/lists/*';

ruleTests(rule, {
  valid: [
    { name: 'cleanup in the installing RUN', code: F + `RUN apt-get update && apt-get install -y curl && apt-get clean && ${RM}\n` },
    { name: 'a later RUN that installs again cleans its own layer', code: F + `RUN apt-get update && apt-get install -y a\nRUN apt-get update && apt-get install -y b && ${RM}\n` },
    { name: 'earlier RUN already cleaned that cache', code: F + `RUN apt-get update && apt-get install -y a && ${RM}\nRUN ${RM}\n` },
    { name: 'lists left behind, but the later RUN cleans a different cache', code: F + 'RUN apt-get update\nRUN apt-get clean\n' },
    { name: 'different stages', code: `FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y gcc\n${F}RUN ${RM}\n` },
    { name: 'earlier install kept the cache out of its layer', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*\nFROM python:3.12\nRUN pip install --no-cache-dir flask\nRUN pip cache purge\nFROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\nRUN rm -rf /root/.cache/pip\n' },
    { name: 'cache mount on the earlier RUN', code: F + `RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x\nRUN ${RM}\n` },
    { name: 'cleanup before any install', code: F + `RUN ${RM}\nRUN apt-get update && apt-get install -y x && ${RM}\n` },
    { name: 'unrelated removals', code: F + 'RUN apt-get update && apt-get install -y x\nRUN rm -rf /tmp/* /var/lib/apt/lists/partial/*.gz && rm -f /var/lib/apt/lists/x\n' },
  ],
  invalid: [
    {
      name: 'apt lists removed in a later RUN',
      code: F + `RUN apt-get update && apt-get install -y curl\nRUN ${RM}\n`,
      errors: [{ range: '3:5-3:32', message: "This removes apt's package lists in a later RUN than the one that wrote it (line 2): the files stay in that layer and the image does not shrink. Clean up in the same RUN as the install" }],
      output: null,
    },
    {
      name: 'apt-get clean after an install, with sudo',
      code: F + 'RUN apt-get install -y ./x.deb\nRUN echo done && sudo apt-get -y clean\n',
      errors: [{ range: '3:23-3:39', message: /apt's package cache .*\(line 2\)/ }],
      output: null,
    },
    { name: 'apk', code: 'FROM alpine:3.20\nRUN apk add curl\nRUN apk cache clean\n', errors: ['3:5-3:20'], output: null },
    { name: 'pip, rm of ~/.cache/pip', code: 'FROM python:3.12\nRUN pip install flask\nRUN rm -rf ~/.cache/pip\n', errors: ['3:5-3:24'], output: null },
    { name: 'python -m pip, pip cache purge', code: 'FROM python:3.12\nRUN python3 -m pip install flask\nRUN pip cache purge\n', errors: ['3:5-3:20'], output: null },
    { name: 'npm', code: 'FROM node:20\nRUN npm ci\nRUN npm cache clean --force\n', errors: [{ range: '3:5-3:28', message: /npm's cache/ }], output: null },
    { name: 'yarn', code: 'FROM node:20\nRUN yarn\nRUN yarn cache clean\n', errors: ['3:5-3:21'], output: null },
    { name: 'dnf', code: 'FROM fedora:40\nRUN dnf install -y gcc\nRUN dnf clean all\n', errors: ['3:5-3:18'], output: null },
    { name: 'zypper', code: 'FROM opensuse/leap\nRUN zypper -n in gcc\nRUN zypper cc -a\n', errors: ['3:5-3:17'], output: null },
    {
      name: 'heredoc install, sh -c cleanup: only the cache that was left behind',
      code: F + `RUN <<EOF\napt-get update\nEOF\nRUN sh -c 'apt-get clean && ${RM}'\n`,
      errors: ['5:29-5:56'],
      output: null,
    },
    {
      name: 'lists from an earlier RUN, even when the same rm also cleans this RUN\'s cache',
      code: F + 'RUN apt-get update\nRUN apt-get install -y x \\\n  && rm -rf /var/lib/apt/lists/* /var/cache/apt/*\n',
      errors: ['4:6-4:50'],
      output: null,
    },
    {
      name: 'CRLF, continuation',
      code: 'FROM debian\r\nRUN apt-get update && apt-get install -y x\r\nRUN true \\\r\n && apt-get clean\r\n',
      errors: ['4:5-4:18'],
      output: null,
    },
    {
      name: 'each stage on its own',
      code: `FROM debian:bookworm AS build\nRUN apt-get update\nRUN ${RM}\n${F}RUN apt-get update\nRUN apt-get distclean\n`,
      errors: ['3:5-3:32', '6:5-6:22'],
      output: null,
    },
  ],
});
