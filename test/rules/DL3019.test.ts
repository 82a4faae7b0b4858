import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3019-apk-no-cache';

const F = 'FROM alpine:3.20\n';

ruleTests(rule, {
  valid: [
    { name: 'flag after add', code: `${F}RUN apk add --no-cache curl\n` },
    { name: 'flag before add', code: `${F}RUN apk --no-cache add curl && apk add curl --no-cache\n` },
    { name: 'cache mount', code: `${F}RUN --mount=type=cache,target=/var/cache/apk apk add curl\n` },
    { name: 'cache mount on a parent, tmpfs', code: `${F}RUN --mount=type=tmpfs,target=/var/cache apk add curl\n` },
    { name: 'cache removed later in the RUN', code: `${F}RUN apk add curl && rm -rf /var/cache/apk/*\nRUN apk add jq \\\n && apk cache clean\n` },
    { name: 'option from a known ENV value', code: `${F}ENV APK_OPTS=--no-cache\nRUN apk add $APK_OPTS curl\n` },
    { name: 'option from a variable we cannot see', code: `${F}RUN apk add $APK_OPTS curl\n` },
    { name: 'not add', code: `${F}RUN apk del curl && apk info\n` },
  ],
  invalid: [
    {
      name: 'apk add',
      code: `${F}RUN apk update && apk add curl\n`,
      errors: [{ range: '2:23-2:26', message: "Use `apk add --no-cache`: otherwise apk's index cache stays in the image layer" }],
      output: `${F}RUN apk update && apk add --no-cache curl\n`,
    },
    { name: 'removal before the add does not count', code: `${F}RUN rm -rf /var/cache/apk/* && apk add -U curl\n`, errors: ['2:36-2:39'], output: `${F}RUN rm -rf /var/cache/apk/* && apk add --no-cache -U curl\n` },
    { name: 'other cache mount', code: `${F}RUN --mount=type=cache,target=/root/.cache apk add --virtual .deps gcc\n`, errors: ['2:48-2:51'], output: `${F}RUN --mount=type=cache,target=/root/.cache apk add --no-cache --virtual .deps gcc\n` },
    {
      name: 'sudo, sh -c, two commands',
      code: `${F}RUN sudo apk add jq && sh -c 'apk add yq'\n`,
      errors: ['2:14-2:17', '2:35-2:38'],
      output: `${F}RUN sudo apk add --no-cache jq && sh -c 'apk add --no-cache yq'\n`,
    },
    {
      name: 'continuation lines',
      code: `${F}RUN apk add \\\n      curl \\\n && echo done\n`,
      errors: ['2:9-2:12'],
      output: `${F}RUN apk add --no-cache \\\n      curl \\\n && echo done\n`,
    },
    { name: 'heredoc body', code: `${F}RUN <<EOF\nset -e\napk add git\nEOF\n`, errors: ['4:5-4:8'], output: `${F}RUN <<EOF\nset -e\napk add --no-cache git\nEOF\n` },
    { name: 'exec form', code: `${F}RUN ["apk", "add", "curl"]\n`, errors: ['2:13-2:18'], output: `${F}RUN ["apk", "add", "--no-cache", "curl"]\n` },
    { name: 'package from an ARG does not hide the missing flag', code: `${F}ARG PKG=curl\nRUN apk add $PKG\n`, errors: ['3:9-3:12'], output: `${F}ARG PKG=curl\nRUN apk add --no-cache $PKG\n` },
  ],
});
