import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL4003-multiple-cmd';

ruleTests(rule, {
  valid: [
    { name: 'one CMD', code: 'FROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'one CMD per stage', code: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n' },
    { name: 'HEALTHCHECK CMD and ONBUILD CMD do not count', code: 'FROM alpine:3.20\nHEALTHCHECK CMD true\nONBUILD CMD ["x"]\nCMD ["sh"]\n' },
  ],
  invalid: [
    {
      name: 'two CMDs',
      code: 'FROM alpine:3.20\nCMD ["a"]\nRUN true\nCMD ["b"]\n',
      errors: [{ range: '2:1-2:4', message: 'This CMD has no effect: the CMD on line 4 overrides it' }],
      output: 'FROM alpine:3.20\nRUN true\nCMD ["b"]\n',
    },
    {
      name: 'three CMDs, continuation lines, lower case, CRLF',
      code: 'FROM alpine:3.20\r\ncmd echo a \\\r\n  && echo b\r\n# keep me\r\nCMD ["x"]\r\nCMD ["y"]\r\n',
      errors: ['2:1-2:4', '5:1-5:4'],
      output: 'FROM alpine:3.20\r\n# keep me\r\nCMD ["y"]\r\n',
    },
    {
      name: 'last line without a line break',
      code: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\nCMD ["c"]',
      errors: ['4:1-4:4'],
      output: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM a\nCMD ["c"]',
    },
    {
      name: 'overridden CMD on the last line of a file without a final line break',
      code: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]',
      errors: ['2:1-2:4'],
      output: 'FROM alpine:3.20\nCMD ["b"]',
    },
  ],
});
