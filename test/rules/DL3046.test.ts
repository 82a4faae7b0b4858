import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3046-useradd-high-uid';

ruleTests(rule, {
  valid: [
    { name: 'low UID', code: 'FROM debian:12\nRUN useradd -u 1000 app\n' },
    { name: 'with -l', code: 'FROM debian:12\nRUN useradd -l -u 1000000 app\n' },
    { name: 'with --no-log-init and a bundle', code: 'FROM debian:12\nRUN useradd --no-log-init --uid=1000000 app && useradd -lmu 2000000 b\n' },
    { name: 'no UID', code: 'FROM debian:12\nRUN useradd -m app\n' },
    { name: 'unknown variable', code: 'FROM debian:12\nARG UID\nRUN useradd -u "$UID" app\n' },
    { name: 'adduser is not useradd', code: 'FROM alpine:3.20\nRUN adduser -u 1000000 -D app\n' },
  ],
  invalid: [
    {
      name: 'high UID',
      code: 'FROM debian:12\nRUN useradd -u 1000000 app\n',
      errors: [{ range: '2:16-2:23', message: 'useradd with UID 1000000 and without -l writes a large lastlog/faillog into the image: add -l (--no-log-init)' }],
      output: 'FROM debian:12\nRUN useradd -l -u 1000000 app\n',
    },
    { name: '--uid=, sudo, lower case', code: 'FROM debian:12\nrun sudo useradd --uid=100000 -m app\n', errors: ['2:18-2:30'], output: 'FROM debian:12\nrun sudo useradd -l --uid=100000 -m app\n' },
    { name: 'bundle -mu and an ARG', code: 'FROM debian:12\nARG APP_UID=123456\nRUN groupadd g && useradd -mu ${APP_UID} app\n', errors: ['3:31-3:41'], output: 'FROM debian:12\nARG APP_UID=123456\nRUN groupadd g && useradd -l -mu ${APP_UID} app\n' },
    { name: 'exec form, second stage', code: 'FROM debian:12 AS a\nFROM a\nRUN ["useradd", "-u", "999999", "app"]\n', errors: ['3:23-3:31'], output: 'FROM debian:12 AS a\nFROM a\nRUN ["useradd", "-l", "-u", "999999", "app"]\n' },
  ],
});
