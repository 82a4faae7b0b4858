import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1103-no-empty-continuation';

ruleTests(rule, {
  valid: [
    { name: 'continuation without gaps', code: 'FROM alpine\nRUN apk add \\\n    curl \\\n    git\n' },
    { name: 'comment line inside a continuation', code: 'FROM alpine\nEXPOSE \\\n# the port\n80\n' },
    { name: 'blank line between instructions', code: 'FROM alpine\nRUN true\n\nRUN false\n' },
    { name: 'blank lines in a heredoc body', code: 'FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n' },
    { name: 'escaped escape is not checked by escape=`', code: '# escape=`\nFROM alpine\nRUN echo \\\n\nRUN true\n' },
  ],
  invalid: [
    {
      name: 'one blank line',
      code: 'FROM alpine\nRUN apk add \\\n\n    curl\n',
      errors: [{ range: '3:1-4:1', message: 'Empty continuation line inside RUN: Docker joins the next line onto this instruction' }],
      output: 'FROM alpine\nRUN apk add \\\n    curl\n',
    },
    {
      name: 'two runs, one with whitespace-only lines',
      code: 'FROM alpine\nRUN apk add \\\n  \n\t\n    curl \\\n\n    git\n',
      errors: ['3:1-5:1', '6:1-7:1'],
      output: 'FROM alpine\nRUN apk add \\\n    curl \\\n    git\n',
    },
    {
      name: 'blank line after a comment inside the continuation',
      code: 'FROM alpine\nENV A=1 \\\n# note\n\n    B=2\n',
      errors: ['4:1-5:1'],
      output: 'FROM alpine\nENV A=1 \\\n# note\n    B=2\n',
    },
    {
      name: 'CRLF',
      code: 'FROM alpine\r\nRUN echo a \\\r\n\r\n  b\r\n',
      errors: ['3:1-4:1'],
      output: 'FROM alpine\r\nRUN echo a \\\r\n  b\r\n',
    },
    {
      name: 'escape=` file',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n\n  c:\\\n',
      errors: ['4:1-5:1'],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\n',
    },
  ],
});
