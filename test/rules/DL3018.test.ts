import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3018-apk-unpinned';

const F = 'FROM alpine:3.20\n';

ruleTests(rule, {
  valid: [
    { name: 'exact and fuzzy pins', code: `${F}RUN apk add --no-cache curl=8.9.1-r0 git~2.45 'openssl>=3.3'\n` },
    { name: 'virtual name and repository are option values', code: `${F}RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 -t .tmp -X https://dl-cdn.alpinelinux.org/alpine/edge/testing musl-dev~1.2\n` },
    { name: 'local package file', code: `${F}RUN apk add --allow-untrusted /tmp/pkg-1.0.apk\n` },
    { name: 'package from a variable', code: `${F}ARG PKGS="curl git"\nRUN apk add --no-cache $PKGS\n` },
    { name: 'not add', code: `${F}RUN apk update && apk del curl && apk info -v\n` },
  ],
  invalid: [
    {
      name: 'unpinned package',
      code: `${F}RUN apk add --no-cache curl\n`,
      errors: [{ range: '2:24-2:28', message: 'Pin the version of `curl`: `curl=<version>` or `curl~<major.minor>`' }],
      output: null,
    },
    { name: 'global option before add, one of two', code: `${F}RUN apk --no-cache add bash=5.2.26-r0 tini\n`, errors: ['2:39-2:43'] },
    { name: 'repository tag is not a version', code: `${F}RUN apk add --no-cache shellcheck@testing\n`, errors: [{ range: '2:24-2:42', message: /`shellcheck=<version>`/ }] },
    { name: 'sudo, sh -c, several commands', code: `${F}RUN sudo apk add jq && sh -c "apk add --no-cache yq"\n`, errors: ['2:18-2:20', '2:50-2:52'] },
    { name: 'continuation lines', code: `${F}RUN apk add --no-cache \\\n      ca-certificates~20240705 \\\n      tzdata\n`, errors: ['4:7-4:13'] },
    { name: 'heredoc body', code: `${F}RUN <<EOF\napk add --no-cache git\nEOF\n`, errors: ['3:20-3:23'] },
    { name: 'exec form', code: `${F}RUN ["apk", "add", "--no-cache", "curl"]\n`, errors: ['2:34-2:40'] },
  ],
});
