import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1217-secret-arg-in-run';

const F = 'FROM node:20-slim\n';
ruleTests(rule, {
  valid: [
    { name: 'secret mount', code: F + 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n' },
    { name: 'ARG not used', code: F + 'ARG NPM_TOKEN\nRUN npm ci\n' },
    { name: 'not secret-like names', code: F + 'ARG NODE_VERSION\nARG TOKEN_FILE\nARG KEYBOARD\nRUN echo $NODE_VERSION $TOKEN_FILE $KEYBOARD\n' },
    { name: 'longer name with the same prefix', code: F + 'ARG TOKEN\nRUN echo $TOKENIZER\n' },
    { name: 'global ARG not redeclared in the stage', code: 'ARG API_KEY=x\n' + F + 'RUN echo $API_KEY\n' },
    { name: 'single-quoted: not expanded by the shell', code: F + "ARG DB_PASSWORD\nRUN echo '$DB_PASSWORD'\n" },
  ],
  invalid: [
    {
      name: 'token written to .npmrc',
      code: F + 'ARG NPM_TOKEN\nRUN echo "//r/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      errors: [{ range: '3:10-3:40', message: 'This RUN uses the build argument NPM_TOKEN (line 2): its value is recorded in the image history. Pass it with RUN --mount=type=secret instead' }],
      output: null,
    },
    { name: 'assignment and later RUN', code: F + 'ARG DB_PASSWORD=dev API_KEY\nRUN PGPASSWORD=$DB_PASSWORD psql -c "select 1"\nRUN curl -H "X-Key: $API_KEY" https://x.io\n', errors: ['3:5-3:28', '4:13-4:30'] },
    { name: 'inside sh -c and exec form', code: F + 'ARG GITHUB_TOKEN\nRUN sh -c "git clone https://$GITHUB_TOKEN@github.com/o/r"\nRUN ["sh", "-c", "echo $GITHUB_TOKEN"]\n', errors: ['3:22-3:58', '4:18-4:38'] },
  ],
});
