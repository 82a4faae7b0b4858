import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1012-chown-after-copy';

ruleTests(rule, {
  valid: [
    { name: 'COPY --chown', code: 'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\n' },
    { name: 'a RUN between may write the directory', code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN chown -R node:node /app\n' },
    { name: 'another path', code: 'FROM debian:12-slim\nCOPY app /srv/app\nRUN chown -R 1000:1000 /data\n' },
    { name: 'a parent directory of the destination', code: 'FROM debian:12-slim\nCOPY app /srv/app\nRUN chown -R 1000 /srv\n' },
    { name: 'non-recursive chown of a copied directory', code: 'FROM debian:12-slim\nCOPY . /app/\nRUN chown 1000 /app\n' },
    { name: 'relative path without WORKDIR', code: 'FROM debian:12-slim\nCOPY . app\nRUN chown -R 1000 app\n' },
    { name: '--reference', code: 'FROM debian:12-slim\nCOPY a /a\nRUN chown --reference=/etc /a\n' },
    { name: 'variable owner', code: 'FROM debian:12-slim\nCOPY a /a\nRUN chown $UID /a\n' },
    { name: 'other stage', code: 'FROM debian:12-slim AS a\nCOPY a /a\nFROM debian:12-slim\nRUN chown -R 1000 /a\n' },
  ],
  invalid: [
    {
      name: 'the whole RUN goes; node user known',
      code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . /app\nRUN chown -R node:node /app\nUSER node\n',
      errors: [{ range: '4:5-4:28', message: 'This chown writes the files the COPY on line 3 copied into a new layer, so the image holds them twice: use COPY --chown=node:node instead' }],
      output: 'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node . /app\nUSER node\n',
    },
    {
      name: '`COPY . .` under WORKDIR, chown removed from an && chain, user created before the COPY',
      code: 'FROM debian:12-slim\nRUN useradd -m app\nWORKDIR /app\nCOPY . .\nRUN mkdir -p /data && \\\n    chown -R app:app /app\n',
      errors: ['6:5-6:26'],
      output: 'FROM debian:12-slim\nRUN useradd -m app\nWORKDIR /app\nCOPY --chown=app:app . .\nRUN mkdir -p /data\n',
    },
    {
      name: 'chown first in the chain; single file; existing --chown replaced',
      code: 'FROM alpine:3.20\nCOPY --chown=1:1 app.jar /opt/app.jar\nRUN chown 1000:1000 /opt/app.jar && echo done\n',
      errors: ['3:5-3:33'],
      output: 'FROM alpine:3.20\nCOPY --chown=1000:1000 app.jar /opt/app.jar\nRUN echo done\n',
    },
    {
      name: 'user created after the COPY (the seed example): reported, no fix',
      code: 'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN groupadd -r appuser && useradd -r -g appuser appuser\nRUN chown -R appuser:appuser /app\nUSER appuser\n',
      errors: ['5:5-5:34'],
      output: null,
    },
    {
      name: 'COPY --from with ||: reported, no fix',
      code: 'FROM debian:12-slim\nCOPY --from=build /out /srv/out\nRUN chown -R 1000 /srv/out || true\n',
      errors: ['3:5-3:27'],
      output: null,
    },
  ],
});
