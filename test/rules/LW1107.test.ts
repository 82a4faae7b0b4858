import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1107-legacy-key-value-format';

ruleTests(rule, {
  valid: [
    { name: 'key=value pairs', code: 'FROM alpine\nENV A=1 B="two words"\nLABEL a=b\n' },
    { name: 'ARG with two names is not legacy', code: 'FROM alpine\nARG A B\n' },
    { name: 'multi-line key=value', code: 'FROM alpine\nENV A=1 \\\n    B=2\n' },
  ],
  invalid: [
    {
      name: 'simple ENV',
      code: 'FROM alpine\nENV PIP_NO_CACHE_DIR 1\n',
      errors: [{ range: '2:5-2:21', message: "Use 'ENV PIP_NO_CACHE_DIR=<value>' instead of the legacy 'ENV PIP_NO_CACHE_DIR <value>' form" }],
      output: 'FROM alpine\nENV PIP_NO_CACHE_DIR=1\n',
    },
    { name: 'value with blanks and an = sign', code: 'FROM alpine\nENV JAVA_OPTS -Xmx1g  -Dx=1\n', errors: ['2:5-2:14'], output: 'FROM alpine\nENV JAVA_OPTS="-Xmx1g  -Dx=1"\n' },
    {
      name: 'quotes resolved as Docker does, variables kept, single-quoted $ escaped',
      code: 'FROM alpine\nENV MSG "hi there"  \'$HOME is\' $USER x\\"y\n',
      errors: ['2:5-2:8'],
      output: 'FROM alpine\nENV MSG="hi there  \\$HOME is $USER x\\"y"\n',
    },
    {
      name: 'LABEL, trailing blanks trimmed',
      code: 'FROM alpine\nLABEL org.opencontainers.image.title My app  \n',
      errors: ['2:7-2:37'],
      output: 'FROM alpine\nLABEL org.opencontainers.image.title="My app"  \n',
    },
    {
      name: 'multi-line value keeps its continuations',
      code: 'FROM alpine\nENV DEPS \\\n    curl \\\n    git\n',
      errors: ['2:5-2:9'],
      output: 'FROM alpine\nENV DEPS="curl \\\n    git"\n',
    },
    { name: 'single word stays unquoted, ${} kept', code: 'FROM alpine\nENV P ${PATH}:/opt/bin\n', errors: ['2:5-2:6'], output: 'FROM alpine\nENV P=${PATH}:/opt/bin\n' },
    { name: 'unbalanced quote: no fix', code: 'FROM alpine\nENV A "open\n', errors: ['2:5-2:6'], output: null },
    { name: 'CRLF', code: 'FROM alpine\r\nENV A b c\r\n', errors: ['2:5-2:6'], output: 'FROM alpine\r\nENV A="b c"\r\n' },
    {
      name: 'escape=` file: backtick escapes, backslash literal',
      code: '# escape=`\nFROM alpine\nENV DIR C:\\app `\n  x``y\n',
      errors: ['3:5-3:8'],
      output: '# escape=`\nFROM alpine\nENV DIR="C:\\app `\n  x``y"\n',
    },
  ],
});
