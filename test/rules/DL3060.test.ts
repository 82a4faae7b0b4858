import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3060-yarn-cache-clean';

const F = 'FROM node:20-slim\n';

ruleTests(rule, {
  valid: [
    { name: 'cleaned in the same RUN', code: `${F}RUN yarn install --frozen-lockfile && yarn cache clean\n` },
    { name: 'cache directory removed', code: `${F}RUN yarn && rm -rf /usr/local/share/.cache/yarn\n` },
    { name: 'cache mount', code: `${F}RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n` },
    { name: 'cache mount on YARN_CACHE_FOLDER', code: `${F}ENV YARN_CACHE_FOLDER=/yc\nRUN --mount=type=cache,target=/yc yarn install\n` },
    { name: 'cache mount on --cache-folder', code: `${F}RUN --mount=type=cache,target=/tmp/yc yarn install --cache-folder /tmp/yc\n` },
    { name: 'build stage not in the final image', code: `${F.trimEnd()} AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n` },
    { name: 'other yarn commands', code: `${F}RUN yarn build && yarn add left-pad@1.3.0 && yarn run test\n` },
  ],
  invalid: [
    {
      name: 'yarn install',
      code: `${F}RUN yarn install --frozen-lockfile\n`,
      errors: [{ range: '2:10-2:17', message: "Run `yarn cache clean` after `yarn install` in the same RUN: otherwise Yarn's cache stays in the image" }],
      output: `${F}RUN yarn install --frozen-lockfile && yarn cache clean\n`,
    },
    { name: 'bare yarn', code: `${F}RUN yarn --production\n`, errors: ['2:5-2:9'], output: `${F}RUN yarn --production && yarn cache clean\n` },
    { name: 'cleanup before the install does not count', code: `${F}RUN yarn cache clean && yarn install\n`, errors: ['2:30-2:37'], output: `${F}RUN yarn cache clean && yarn install && yarn cache clean\n` },
    { name: 'sudo kept', code: `${F}RUN sudo yarn install\n`, errors: ['2:15-2:22'], output: `${F}RUN sudo yarn install && sudo yarn cache clean\n` },
    { name: 'sh -c', code: `${F}RUN sh -c "yarn install"\n`, errors: ['2:17-2:24'], output: `${F}RUN sh -c "yarn install" && yarn cache clean\n` },
    {
      name: 'continuation lines',
      code: `${F}RUN yarn install \\\n    && yarn build\n`,
      errors: ['2:10-2:17'],
      output: `${F}RUN yarn install \\\n    && yarn build \\\n    && yarn cache clean\n`,
    },
    { name: 'heredoc body with set -e', code: `${F}RUN <<EOF\nset -e\nyarn install\nEOF\n`, errors: ['4:6-4:13'], output: `${F}RUN <<EOF\nset -e\nyarn install\nyarn cache clean\nEOF\n` },
    { name: 'stage the final image builds on', code: `${F.trimEnd()} AS deps\nRUN yarn install\nFROM deps\nCMD ["node", "server.js"]\n`, errors: ['2:10-2:17'], output: `${F.trimEnd()} AS deps\nRUN yarn install && yarn cache clean\nFROM deps\nCMD ["node", "server.js"]\n` },
    { name: 'RUN ending with ;: no fix', code: `${F}RUN yarn install && true ;\n`, errors: ['2:10-2:17'], output: null },
  ],
});
