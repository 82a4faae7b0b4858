import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1013-npm-cache-not-cleaned';

const F = 'FROM node:22-slim\n';
const MSG = (action: string) => `npm's download cache stays in the image: run \`npm cache clean --force\` after \`npm ${action}\` in the same RUN, or use a cache mount`;

ruleTests(rule, {
  valid: [
    { name: 'cleaned in the same RUN', code: `${F}RUN npm ci --omit=dev && npm cache clean --force\n` },
    { name: 'cache folder removed', code: `${F}RUN npm install -g pm2@5.4.2 && rm -rf /root/.npm\n` },
    { name: 'cache mount on /root/.npm', code: `${F}RUN --mount=type=cache,target=/root/.npm npm ci\n` },
    { name: 'tmpfs mount on the folder npm_config_cache names', code: `${F}ENV npm_config_cache=/tmp/npm-cache\nRUN --mount=type=tmpfs,target=/tmp/npm-cache npm ci\n` },
    { name: 'cache mount on the --cache given', code: `${F}RUN --mount=type=cache,target=/cache/npm npm ci --cache /cache/npm\n` },
    { name: 'cache mount on $HOME/.npm', code: `${F}ENV HOME=/home/node\nRUN --mount=type=cache,target=/home/node/.npm npm ci\n` },
    { name: 'build stage not in the final image', code: `${F.trimEnd()} AS build\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n` },
    { name: 'commands that download nothing', code: `${F}RUN npm run build && npm prune --omit=dev && npm test && npm ls\n` },
    { name: 'exec form is left to the shell-form rule', code: `${F}RUN ["npm", "ci"]\n` },
  ],
  invalid: [
    {
      name: 'npm ci',
      code: `${F}RUN npm ci --omit=dev\n`,
      errors: [{ range: '2:9-2:11', message: MSG('ci') }],
      output: `${F}RUN npm ci --omit=dev && npm cache clean --force\n`,
    },
    { name: 'npm install with packages', code: `${F}RUN npm install -g typescript@5.6.3\n`, errors: [{ range: '2:9-2:16', message: MSG('install') }], output: `${F}RUN npm install -g typescript@5.6.3 && npm cache clean --force\n` },
    { name: 'short form i', code: `${F}RUN npm i\n`, errors: ['2:9-2:10'], output: `${F}RUN npm i && npm cache clean --force\n` },
    { name: 'cleanup before the install does not count', code: `${F}RUN npm cache clean --force && npm ci\n`, errors: ['2:36-2:38'], output: `${F}RUN npm cache clean --force && npm ci && npm cache clean --force\n` },
    { name: 'sudo kept', code: `${F}RUN sudo npm install -g pnpm@9.12.0\n`, errors: ['2:14-2:21'], output: `${F}RUN sudo npm install -g pnpm@9.12.0 && sudo npm cache clean --force\n` },
    { name: 'a cache mount elsewhere does not count', code: `${F}RUN --mount=type=cache,target=/root/.cache npm ci\n`, errors: ['2:48-2:50'], output: `${F}RUN --mount=type=cache,target=/root/.cache npm ci && npm cache clean --force\n` },
    {
      name: 'continuation lines',
      code: `${F}RUN npm ci \\\n    && npm run build\n`,
      errors: ['2:9-2:11'],
      output: `${F}RUN npm ci \\\n    && npm run build \\\n    && npm cache clean --force\n`,
    },
    { name: 'heredoc body with set -e', code: `${F}RUN <<EOF\nset -e\nnpm ci\nEOF\n`, errors: ['4:5-4:7'], output: `${F}RUN <<EOF\nset -e\nnpm ci\nnpm cache clean --force\nEOF\n` },
    { name: 'stage the final image builds on', code: `${F.trimEnd()} AS deps\nRUN npm ci\nFROM deps\nCMD ["node", "server.js"]\n`, errors: ['2:9-2:11'], output: `${F.trimEnd()} AS deps\nRUN npm ci && npm cache clean --force\nFROM deps\nCMD ["node", "server.js"]\n` },
    { name: 'RUN ending with ;: no fix', code: `${F}RUN npm ci && true ;\n`, errors: ['2:9-2:11'], output: null },
  ],
});
