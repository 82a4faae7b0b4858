import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1216-copy-secret-file';

const F = 'FROM node:20-slim\n';
ruleTests(rule, {
  valid: [
    { name: 'ordinary files', code: F + 'COPY package.json src/ ./\n' },
    { name: 'template env file', code: F + 'COPY .env.example .env.sample ./\n' },
    { name: 'public key and files that only contain the word', code: F + 'COPY id_rsa.pub keys.txt environment.ts /x/\n' },
    { name: 'from a stage', code: 'FROM alpine:3.20 AS certs\nFROM alpine:3.20\nCOPY --from=certs /etc/ssl/server.pem /etc/ssl/\n' },
    { name: 'a URL', code: F + 'ADD https://example.com/ca.pem /etc/ssl/\n' },
  ],
  invalid: [
    { name: '.env', code: F + 'COPY .env /app/\n', errors: [{ range: '2:6-2:10', message: '.env looks like a secret file (.env): once copied it stays in the image layers. Use RUN --mount=type=secret or a run-time mount instead' }], output: null },
    { name: 'several sources', code: F + 'COPY .npmrc package.json ./\nADD certs/server.key config/.env.production /etc/app/\n', errors: ['2:6-2:12', '3:5-3:21', '3:22-3:44'] },
    { name: 'paths with directories, exec form', code: F + 'COPY ["home/.aws/credentials", "/root/.ssh/id_ed25519", "/root/"]\n', errors: [{ range: '2:7-2:30', message: /\(\.aws\/credentials\)/ }, { range: '2:32-2:55', message: /\(id_ed25519\)/ }] },
    { name: 'glob', code: F + 'COPY *.pem /etc/ssl/private/\n', errors: [{ range: '2:6-2:11', message: /\(\*\.pem\)/ }] },
  ],
});
