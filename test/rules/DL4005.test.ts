import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL4005-ln-bin-sh';

ruleTests(rule, {
  valid: [
    { name: 'SHELL instead', code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN true\n' },
    { name: '/bin/sh as the source', code: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh\n' },
    { name: 'other links', code: 'FROM debian:12\nRUN ln -sf /usr/bin/python3 /usr/bin/python && ln -s a b\n' },
    { name: 'a variable destination', code: 'FROM debian:12\nRUN ln -sf /bin/bash "$DEST"\n' },
    { name: 'ln in a folder other than /bin', code: 'FROM debian:12\nRUN ln -s /opt/sh /usr/local/bin/\n' },
  ],
  invalid: [
    { name: 'ln -sf bash sh', code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n', errors: [{ range: '2:22-2:29', message: /use SHELL/ }], output: null },
    { name: 'usr merged path, sudo, second command, lower case', code: 'FROM debian:12\nrun apt-get update && sudo ln -s -f bash /usr/bin/sh\n', errors: ['2:42-2:53'] },
    { name: 'target directory', code: 'FROM debian:12\nRUN ln -sf -t /bin /opt/busybox/sh\n', errors: ['2:15-2:19'] },
    { name: 'folder with a trailing slash', code: 'FROM debian:12\nRUN ln -sf /opt/x/sh /bin/\n', errors: ['2:22-2:27'] },
    { name: 'exec form, two stages', code: 'FROM debian:12 AS a\nRUN ["ln", "-sf", "/bin/bash", "/bin/sh"]\nFROM a\nRUN ln -fs dash /bin//sh\n', errors: ['2:32-2:41', '4:17-4:25'] },
  ],
});
