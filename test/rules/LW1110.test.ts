import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1110-expose-invalid-format';

ruleTests(rule, {
  valid: [
    { name: 'ports and protocols', code: 'FROM alpine\nEXPOSE 80 443/tcp 53/udp 8000-8010\n' },
    { name: 'default inside a variable', code: 'FROM alpine\nEXPOSE ${PORT:-8080}\n' },
  ],
  invalid: [
    {
      name: 'address and host-port mapping',
      code: 'FROM alpine\nEXPOSE 127.0.0.1:80:80 90\n',
      errors: [{ range: '2:8-2:23', message: "EXPOSE takes a container port, not an address or host-port mapping: '127.0.0.1:80:80'" }],
      output: null,
    },
    { name: 'host-port mapping with protocol', code: 'FROM alpine\nEXPOSE 8080:80/tcp\n', errors: ['2:8-2:19'], output: null },
    { name: 'variables around a colon', code: 'FROM alpine\nARG H=1 C=2\nEXPOSE ${H}:${C}\n', errors: ['3:8-3:17'], output: null },
    { name: 'CRLF', code: 'FROM alpine\r\nEXPOSE 80:80\r\n', errors: ['2:8-2:13'], output: null },
    { name: 'escape=` file', code: '# escape=`\nFROM alpine\nEXPOSE 80 `\n  1.2.3.4:81:81\n', errors: ['4:3-4:16'], output: null },
  ],
});
