import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3012-multiple-healthchecks';

ruleTests(rule, {
  valid: [
    { name: 'one', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
    { name: 'one per stage', code: 'FROM alpine:3.20 AS a\nHEALTHCHECK NONE\nFROM alpine:3.20\nHEALTHCHECK CMD true\n' },
    { name: 'none', code: 'FROM alpine:3.20\nCMD ["true"]\n' },
  ],
  invalid: [
    {
      name: 'two',
      code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nEXPOSE 80\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/health\n',
      errors: [{ range: '4:1-4:12', message: 'Multiple HEALTHCHECK instructions in this stage: the one on line 2 has no effect' }],
      output: 'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/health\n',
    },
    {
      name: 'three, with a continuation line, lower case',
      code: 'FROM alpine:3.20\nhealthcheck --interval=5s \\\n  CMD true\nhealthcheck NONE\nhealthcheck CMD false\n',
      errors: ['4:1-4:12', '5:1-5:12'],
      output: 'FROM alpine:3.20\nhealthcheck CMD false\n',
    },
    {
      name: 'CRLF line endings, second stage only',
      code: 'FROM alpine:3.20 AS a\r\nHEALTHCHECK CMD true\r\nFROM alpine:3.20\r\nHEALTHCHECK CMD a\r\nHEALTHCHECK CMD b\r\n',
      errors: ['5:1-5:12'],
      output: 'FROM alpine:3.20 AS a\r\nHEALTHCHECK CMD true\r\nFROM alpine:3.20\r\nHEALTHCHECK CMD b\r\n',
    },
  ],
});
