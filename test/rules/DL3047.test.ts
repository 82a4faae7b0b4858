import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3047-wget-progress';

ruleTests(rule, {
  valid: [
    { name: '--progress', code: 'FROM debian:12\nRUN wget --progress=dot:giga https://x/y\n' },
    { name: 'quiet variants', code: 'FROM debian:12\nRUN wget -q https://x && wget --quiet u && wget -qO- u | sh && wget -nv u && wget --no-verbose u\n' },
    { name: 'log file', code: 'FROM debian:12\nRUN wget -o /tmp/log u && wget --append-output=/tmp/l u && wget -a l u\n' },
    { name: 'curl is not wget', code: 'FROM debian:12\nRUN curl -fsSLO https://x/y\n' },
  ],
  invalid: [
    {
      name: 'plain wget on Debian',
      code: 'FROM debian:12\nRUN wget https://x/y.tgz\n',
      errors: [{ range: '2:5-2:9', message: 'wget without --progress, -q or -nv floods the build log with progress lines: add --progress=dot:giga' }],
      output: 'FROM debian:12\nRUN wget --progress=dot:giga https://x/y.tgz\n',
    },
    { name: 'Alpine gets -q, lower case', code: 'FROM alpine:3.20\nrun wget -O /tmp/x https://x\n', errors: ['2:5-2:9'], output: 'FROM alpine:3.20\nrun wget -q -O /tmp/x https://x\n' },
    { name: 'node alpine tag, -O bundle is not quiet', code: 'FROM node:20-alpine\nRUN wget -O- https://x | tar x\n', errors: ['2:5-2:9'], output: 'FROM node:20-alpine\nRUN wget -q -O- https://x | tar x\n' },
    { name: 'exec form and a substitution, two stages', code: 'FROM debian:12 AS a\nRUN ["wget", "https://x"]\nFROM a\nRUN v=$(wget -O - https://x/v)\n', errors: ['2:6-2:12', '4:9-4:13'], output: 'FROM debian:12 AS a\nRUN ["wget", "--progress=dot:giga", "https://x"]\nFROM a\nRUN v=$(wget --progress=dot:giga -O - https://x/v)\n' },
  ],
});
