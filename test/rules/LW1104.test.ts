import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1104-consistent-instruction-casing';

ruleTests(rule, {
  valid: [
    { name: 'all upper', code: 'FROM alpine\nRUN true\nCMD ["sh"]\n' },
    { name: 'all lower', code: 'from alpine\nrun true\ncmd ["sh"]\n' },
    { name: 'lower-case arguments do not count', code: 'FROM alpine\nRUN echo run from\n' },
  ],
  invalid: [
    {
      name: 'upper majority, one lower and one mixed',
      code: 'FROM alpine\nrun true\nRUN false\nEntryPoint ["sh"]\n',
      errors: [{ range: '2:1-2:4', message: "Instruction 'run' should be written 'RUN' like the upper-case instructions in this file" }, '4:1-4:11'],
      output: 'FROM alpine\nRUN true\nRUN false\nENTRYPOINT ["sh"]\n',
    },
    {
      name: 'lower majority',
      code: 'from alpine\nrun true\nWORKDIR /app\ncmd ["sh"]\n',
      errors: [{ range: '3:1-3:8', message: "Instruction 'WORKDIR' should be written 'workdir' like the lower-case instructions in this file" }],
      output: 'from alpine\nrun true\nworkdir /app\ncmd ["sh"]\n',
    },
    { name: 'tie goes to upper case', code: 'FROM alpine\nrun true\n', errors: ['2:1-2:4'], output: 'FROM alpine\nRUN true\n' },
    { name: 'only mixed case: upper', code: 'From alpine\nRun true\n', errors: ['1:1-1:5', '2:1-2:4'], output: 'FROM alpine\nRUN true\n' },
    { name: 'CRLF, indented keyword', code: 'FROM alpine\r\nRUN true\r\n  copy a /b\r\n', errors: ['3:3-3:7'], output: 'FROM alpine\r\nRUN true\r\n  COPY a /b\r\n' },
    { name: 'escape=` file', code: '# escape=`\nFROM alpine\nRUN echo a `\n  b\nrun true\n', errors: ['5:1-5:4'], output: '# escape=`\nFROM alpine\nRUN echo a `\n  b\nRUN true\n' },
  ],
});
