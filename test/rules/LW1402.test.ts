import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1402-npm-install-not-ci';

const F = 'FROM node:20-slim\nWORKDIR /app\n';
const LOCK = 'COPY package.json package-lock.json ./\n';

ruleTests(rule, {
  valid: [
    { name: 'npm ci', code: `${F}${LOCK}RUN npm ci --omit=dev\n` },
    { name: 'no lockfile copied', code: `${F}COPY package.json ./\nRUN npm install\n` },
    { name: 'whole context copy does not count', code: `${F}COPY . .\nRUN npm install\n` },
    { name: 'lockfile copied after the install', code: `${F}RUN npm install\nCOPY package-lock.json ./\n` },
    { name: 'lockfile in another stage', code: `FROM node:20 AS a\nCOPY package-lock.json ./\nFROM node:20\nRUN npm install\n` },
    { name: 'named packages and global installs', code: `${F}${LOCK}RUN npm install express@4.19.2 && npm i -g pm2@5.3.1 && npm install --global\n` },
    { name: 'lockfile turned off', code: `${F}${LOCK}RUN npm install --no-package-lock && npm install --package-lock=false\n` },
    { name: 'other --only values', code: `${F}RUN npm install --only=dev && npm install --production=false\n` },
  ],
  invalid: [
    {
      name: 'install with the lockfile copied',
      code: `${F}${LOCK}RUN npm install\n`,
      errors: [{ range: '4:9-4:16', message: 'Use `npm ci` instead of `npm install`: the lockfile is copied, and `npm ci` installs exactly what it locks' }],
      output: `${F}${LOCK}RUN npm ci\n`,
    },
    { name: 'glob copy, npm i', code: `${F}COPY package*.json ./\nRUN npm i --no-audit\n`, errors: ['4:9-4:10'], output: `${F}COPY package*.json ./\nRUN npm ci --no-audit\n` },
    { name: 'optional lockfile glob, shrinkwrap', code: `${F}COPY package.json npm-shrinkwrap.json* ./\nRUN npm install\n`, errors: ['4:9-4:16'] },
    { name: 'lockfile copied in the stage built on', code: `FROM node:20 AS deps\nCOPY app/package-lock.json ./\nFROM deps\nRUN npm install\n`, errors: ['4:9-4:16'] },
    { name: 'bind-mounted lockfile', code: `${F}RUN --mount=type=bind,source=package-lock.json,target=package-lock.json npm install\n`, errors: ['3:77-3:84'] },
    {
      name: 'both findings; --only=production rewritten safely on node 20',
      code: `${F}${LOCK}RUN npm install --only=production\n`,
      errors: [{ range: '4:9-4:16' }, { range: '4:17-4:34', message: 'Use `--omit=dev` instead of the deprecated `--only=production` / `--production`' }],
      output: `${F}${LOCK}RUN npm ci --omit=dev\n`,
    },
    { name: 'npm ci --only=prod', code: `${F}RUN npm ci --only=prod\n`, errors: ['3:12-3:23'], output: `${F}RUN npm ci --omit=dev\n` },
    { name: '--only production as two words', code: `${F}RUN npm ci --only production && npm ci --production\n`, errors: ['3:12-3:29', '3:40-3:52'], output: `${F}RUN npm ci --omit=dev && npm ci --omit=dev\n` },
    { name: 'old node: suggestion', code: 'FROM node:14-alpine\nRUN npm ci --production\n', errors: ['2:12-2:24'], output: 'FROM node:14-alpine\nRUN npm ci --omit=dev\n' },
    { name: 'sudo and sh -c', code: `${F}${LOCK}RUN sudo npm install && sh -c "npm install"\n`, errors: ['4:14-4:21', '4:36-4:43'], output: `${F}${LOCK}RUN sudo npm ci && sh -c "npm ci"\n` },
    { name: 'continuation lines', code: `${F}${LOCK}RUN npm \\\n    install \\\n    --production\n`, errors: ['5:5-5:12', '6:5-6:17'], output: `${F}${LOCK}RUN npm \\\n    ci \\\n    --omit=dev\n` },
    { name: 'heredoc body', code: `${F}${LOCK}RUN <<EOF\nnpm install\nEOF\n`, errors: ['5:5-5:12'], output: `${F}${LOCK}RUN <<EOF\nnpm ci\nEOF\n` },
    { name: 'exec form', code: `${F}${LOCK}RUN ["npm", "install", "--production"]\n`, errors: ['4:13-4:22', '4:24-4:38'], output: `${F}${LOCK}RUN ["npm", "ci", "--omit=dev"]\n` },
  ],
});
