import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL4000-maintainer-deprecated';

ruleTests(rule, {
  valid: [
    { name: 'label', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="me"\n' },
    { name: 'ONBUILD MAINTAINER is DL3043', code: 'FROM alpine:3.20\nONBUILD MAINTAINER me\n' },
  ],
  invalid: [
    {
      name: 'name and email',
      code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
      errors: [{ range: '2:1-2:11', message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors' }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
    },
    {
      name: 'quotes, dollar and backslash are escaped; lower case keyword',
      code: 'from alpine:3.20\nmaintainer "Jo" $HOME a\\b\n',
      errors: ['2:1-2:11'],
      output: 'from alpine:3.20\nlabel org.opencontainers.image.authors="\\"Jo\\" \\$HOME a\\\\b"\n',
    },
    {
      name: 'backtick escape character, continuation, CRLF',
      code: '# escape=`\r\nFROM alpine:3.20\r\nMAINTAINER Jane `\r\n  Doe $x\r\nRUN true\r\n',
      errors: ['3:1-3:11'],
      output: '# escape=`\r\nFROM alpine:3.20\r\nLABEL org.opencontainers.image.authors="Jane   Doe `$x"\r\nRUN true\r\n',
    },
    { name: 'in a second stage', code: 'FROM alpine:3.20 AS a\nFROM a\n  MAINTAINER x\n', errors: ['3:3-3:13'], output: 'FROM alpine:3.20 AS a\nFROM a\n  LABEL org.opencontainers.image.authors="x"\n' },
  ],
});
