import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3043-onbuild-invalid-trigger';

ruleTests(rule, {
  valid: [
    { name: 'RUN trigger', code: 'FROM alpine:3.20\nONBUILD RUN make\n' },
    { name: 'COPY and LABEL triggers', code: 'FROM alpine:3.20\nONBUILD COPY . /src\nONBUILD LABEL a=b\n' },
    { name: 'plain FROM and MAINTAINER', code: 'FROM alpine:3.20\nMAINTAINER me\n' },
    { name: 'empty ONBUILD', code: 'FROM alpine:3.20\nONBUILD\n' },
  ],
  invalid: [
    { name: 'ONBUILD ONBUILD', code: 'FROM alpine:3.20\nONBUILD ONBUILD RUN x\n', errors: [{ range: '2:9-2:16', message: /another ONBUILD/ }], output: null },
    { name: 'FROM trigger, lower case', code: 'FROM alpine:3.20\nonbuild from debian\n', errors: [{ range: '2:9-2:13', message: /FROM is not allowed/ }], output: null },
    { name: 'MAINTAINER trigger in two stages', code: 'FROM alpine:3.20 AS a\nONBUILD MAINTAINER me\nFROM a\n  ONBUILD   Maintainer you\n', errors: ['2:9-2:19', '4:13-4:23'] },
  ],
});
