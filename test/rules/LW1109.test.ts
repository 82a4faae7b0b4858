import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1109-expose-proto-casing';

ruleTests(rule, {
  valid: [
    { name: 'lower-case protocols', code: 'FROM alpine\nEXPOSE 80/tcp 53/udp 8080\n' },
    { name: 'variable protocol', code: 'FROM alpine\nARG PROTO=TCP\nEXPOSE 80/$PROTO\n' },
    { name: 'port range', code: 'FROM alpine\nEXPOSE 8000-8010/tcp\n' },
  ],
  invalid: [
    {
      name: 'mixed case',
      code: 'FROM alpine\nEXPOSE 80/TcP 443/tcp 53/UDP\n',
      errors: [{ range: '2:11-2:14', message: "Protocol 'TcP' in '80/TcP' should be lower case ('tcp')" }, '2:26-2:29'],
      output: 'FROM alpine\nEXPOSE 80/tcp 443/tcp 53/udp\n',
    },
    { name: 'CRLF, continuation', code: 'FROM alpine\r\nEXPOSE 80 \\\r\n  81/TCP\r\n', errors: ['3:6-3:9'], output: 'FROM alpine\r\nEXPOSE 80 \\\r\n  81/tcp\r\n' },
    { name: 'escape=` file', code: '# escape=`\nFROM alpine\nEXPOSE 80 `\n  8080/UDP\n', errors: ['4:8-4:11'], output: '# escape=`\nFROM alpine\nEXPOSE 80 `\n  8080/udp\n' },
  ],
});
