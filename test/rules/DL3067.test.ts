import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3067-copy-whole-filesystem';

const B = 'FROM alpine:3.20 AS build\nRUN make\n';
ruleTests(rule, {
  valid: [
    { name: 'one folder', code: `${B}FROM alpine:3.20\nCOPY --from=build /out /app\n` },
    { name: 'root into a folder', code: `${B}FROM alpine:3.20\nCOPY --from=build / /rootfs/\n` },
    { name: 'context root (no --from)', code: 'FROM alpine:3.20\nCOPY / /\n' },
    { name: 'unknown variable', code: `${B}FROM alpine:3.20\nARG SRC\nCOPY --from=build $SRC /\n` },
  ],
  invalid: [
    { name: 'whole filesystem', code: `${B}FROM scratch\nCOPY --from=build / /\n`, errors: [{ range: '4:19-4:20', message: /whole filesystem/ }], output: null },
    { name: 'quoted, /. and lower case', code: `${B}FROM scratch\ncopy --from=build "/." //\n`, errors: ['4:19-4:23'] },
    { name: 'exec form, image source', code: 'FROM scratch\nCOPY --from=alpine:3.20 ["/", "/"]\n', errors: ['2:26-2:29'] },
    { name: 'resolved ARG', code: `${B}FROM scratch\nARG SRC=/\nCOPY --from=build \${SRC} /\n`, errors: ['5:19-5:25'] },
  ],
});
