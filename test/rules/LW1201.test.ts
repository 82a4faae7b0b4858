import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1201-expose-ssh-port';

ruleTests(rule, {
  valid: [
    { name: 'other ports', code: 'FROM alpine:3.20\nEXPOSE 80 443/tcp 2222\n' },
    { name: 'port 22 elsewhere in the word', code: 'FROM alpine:3.20\nEXPOSE 220 122/udp\n' },
    { name: 'range is not judged', code: 'FROM alpine:3.20\nEXPOSE 20-30\n' },
    { name: 'unknown variable', code: 'FROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n' },
    { name: 'not EXPOSE', code: 'FROM alpine:3.20\nLABEL port=22\n' },
  ],
  invalid: [
    { name: 'only port: whole line goes', code: 'FROM alpine:3.20\nEXPOSE 22\nCMD ["sh"]\n', errors: [{ range: '2:8-2:10', message: /Port 22/ }], output: 'FROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'among others', code: 'FROM alpine:3.20\nEXPOSE 8080 22/tcp 9090\n', errors: ['2:13-2:19'], output: 'FROM alpine:3.20\nEXPOSE 8080 9090\n' },
    { name: 'first of two', code: 'FROM alpine:3.20\nexpose 22/UDP 80\n', errors: ['2:8-2:14'], output: 'FROM alpine:3.20\nexpose 80\n' },
    { name: 'resolved from ARG', code: 'FROM alpine:3.20\nARG SSH=22\nEXPOSE ${SSH} 80\n', errors: ['3:8-3:14'], output: 'FROM alpine:3.20\nARG SSH=22\nEXPOSE 80\n' },
    { name: 'last line without a line break', code: 'FROM alpine:3.20\nEXPOSE 22', errors: ['2:8-2:10'], output: 'FROM alpine:3.20' },
  ],
});
