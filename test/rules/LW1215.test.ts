import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1215-secret-literal-value';

const F = 'FROM alpine:3.20\n';
// Fake credentials, assembled so the test file itself holds no scanner-matching literal.
const AWS = 'AKIA' + 'ABCDEFGHIJKLMNOP';
const GHP = 'ghp' + '_' + 'a'.repeat(36);
ruleTests(rule, {
  valid: [
    { name: 'ordinary values', code: F + 'ENV PATH=/usr/local/bin:$PATH APP_ENV=production\nLABEL org.opencontainers.image.source=https://github.com/o/r\n' },
    { name: 'secrets from variables', code: F + 'ARG TOKEN\nENV API_TOKEN=$TOKEN DB_URL=postgres://app:${DB_PASS}@db/app\n' },
    { name: 'URL without password', code: F + 'ENV PIP_INDEX_URL=https://user@pypi.example.com/simple\n' },
    { name: 'public key', code: F + 'LABEL key="-----BEGIN PUBLIC KEY-----"\n' },
    { name: 'too short to be a key id', code: F + 'ENV X=AKIA1234\n' },
    { name: 'password option without a value', code: F + 'ENV ARGS="--password= --user=a"\n' },
  ],
  invalid: [
    { name: 'AWS key in ENV', code: F + `ENV AWS_ACCESS_KEY_ID=${AWS}\n`, errors: [{ range: '2:23-2:43', message: 'The value of ENV AWS_ACCESS_KEY_ID looks like an AWS access key ID: it is stored in the image for anyone who can pull it. Pass it at run time or with RUN --mount=type=secret' }], output: null },
    { name: 'GitHub token as ARG default', code: F + `ARG GH=${GHP}\n`, errors: [{ range: '2:8-2:48', message: /a GitHub token/ }] },
    { name: 'private key in a LABEL', code: F + 'LABEL k="-----BEGIN OPENSSH PRIVATE KEY-----\\nabc"\n', errors: [{ range: '2:9-2:51', message: /a private key/ }] },
    { name: 'password in a URL', code: F + 'ENV DATABASE_URL=postgres://app:hunter2@db:5432/app\n', errors: [{ range: '2:18-2:52', message: /a password in a URL/ }] },
    { name: 'password= inside a value', code: F + 'ENV OPTS="--db-host=db password=s3cret"\n', errors: [{ range: '2:10-2:40', message: /looks like a password:/ }] },
  ],
});
