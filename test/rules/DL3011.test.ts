import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3011-port-out-of-range';

ruleTests(rule, {
  valid: [
    { name: 'ordinary ports', code: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 0 65535\n' },
    { name: 'range', code: 'FROM alpine:3.20\nEXPOSE 40000-60000/tcp\n' },
    { name: 'variable without value', code: 'FROM alpine:3.20\nARG PORT\nEXPOSE ${PORT}\n' },
    { name: 'range with an unknown end', code: 'FROM alpine:3.20\nEXPOSE 40000-${TOP}\n' },
    { name: 'ARG in range', code: 'FROM alpine:3.20\nARG PORT=8080\nEXPOSE $PORT\n' },
    { name: 'other formats are not this rule\'s business', code: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:99999:80\n' },
  ],
  invalid: [
    {
      name: 'single port',
      code: 'FROM nginx:1.27\nEXPOSE 80 80800\n',
      errors: [{ range: '2:11-2:16', message: 'Port 80800 is out of range: ports go from 0 to 65535' }],
      output: null,
    },
    { name: 'end of a range with protocol', code: 'FROM alpine:3.20\nexpose 40000-80000/tcp\n', errors: ['2:14-2:19'], output: null },
    { name: 'both ends of a range', code: 'FROM alpine:3.20\nEXPOSE 70000-80000\n', errors: ['2:8-2:13', '2:14-2:19'], output: null },
    { name: 'quoted', code: 'FROM alpine:3.20\nEXPOSE "65536"\n', errors: ['2:8-2:15'], output: null },
    { name: 'from an ARG', code: 'FROM alpine:3.20\nARG PORT=70000\nEXPOSE $PORT/udp\n', errors: [{ range: '3:8-3:17', message: "Port 70000 (from '$PORT/udp') is out of range: ports go from 0 to 65535" }], output: null },
    { name: 'from a global ARG redeclared, second stage', code: 'ARG P=99999\nFROM alpine:3.20 AS a\nFROM alpine:3.20\nARG P\nEXPOSE ${P}\n', errors: ['5:8-5:12'], output: null },
  ],
});
