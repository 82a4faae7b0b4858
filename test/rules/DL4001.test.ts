import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL4001-wget-and-curl';

ruleTests(rule, {
  valid: [
    { name: 'curl only', code: 'FROM debian:12\nRUN curl -fsSLO https://x/a\nRUN curl -fsSLO https://x/b\n' },
    { name: 'one tool per stage', code: 'FROM debian:12 AS a\nRUN curl -fsSLO https://x/a\nFROM alpine:3.20\nRUN wget -q https://x/b\n' },
    { name: 'installing both is not using both', code: 'FROM debian:12\nRUN apt-get install -y curl wget\n' },
  ],
  invalid: [
    {
      name: 'curl then wget',
      code: 'FROM debian:12\nRUN curl -fsSLO https://x/a\nRUN wget -q https://x/b && wget -q https://x/c\n',
      errors: [{ range: '3:5-3:9', message: 'This stage already downloads with curl (line 2): use one of curl and wget, not both' }, '3:28-3:32'],
      output: null,
    },
    { name: 'wget first, curl in a substitution, lower case', code: 'FROM debian:12\nrun wget -q https://x/a\nRUN v=$(curl -fsS https://x/v)\n', errors: ['3:9-3:13'] },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["curl", "-fsSLO", "https://x/a"]\nRUN /usr/bin/wget -q https://x/b\n', errors: ['3:5-3:18'] },
  ],
});
