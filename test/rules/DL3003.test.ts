import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3003-cd-instead-of-workdir';

ruleTests(rule, {
  valid: [
    { name: 'WORKDIR', code: 'FROM alpine:3.20\nWORKDIR /opt\nRUN make\n' },
    { name: 'cd in a subshell', code: 'FROM alpine:3.20\nRUN (cd /tmp/src && make install) && rm -rf /tmp/src\n' },
    { name: 'cd in a command substitution', code: 'FROM alpine:3.20\nRUN echo "$(cd /opt && pwd)" > /where\n' },
    { name: 'the word cd as an argument', code: 'FROM alpine:3.20\nRUN echo cd /x && apk add --no-cache cdrkit\n' },
    { name: 'cd in CMD is not a build step', code: 'FROM alpine:3.20\nCMD cd /app && ./run\n' },
  ],
  invalid: [
    {
      name: 'cd at the start',
      code: 'FROM alpine:3.20\nRUN cd /usr/src/app && make\n',
      errors: [{ range: '2:5-2:7', message: 'Use WORKDIR to change directory instead of cd in RUN' }],
      output: null,
    },
    { name: 'two cds in a chain, continuation lines', code: 'FROM alpine:3.20\nRUN cd /a && make \\\n    && cd /b && make\n', errors: ['2:5-2:7', '3:8-3:10'], output: null },
    { name: 'inside sh -c', code: 'FROM alpine:3.20\nRUN sh -c "cd /x; ls"\n', errors: ['2:12-2:14'], output: null },
    { name: 'heredoc, lower case keyword', code: 'FROM alpine:3.20\nrun <<EOF\ncd /src\nmake\nEOF\n', errors: ['3:1-3:3'], output: null },
    { name: 'multi-stage', code: 'FROM alpine:3.20 AS a\nRUN cd /x\nFROM alpine:3.20\nRUN cd /y\n', errors: ['2:5-2:7', '4:5-4:7'], output: null },
  ],
});
