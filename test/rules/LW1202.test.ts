import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1202-workdir-system-dir';

ruleTests(rule, {
  valid: [
    { name: 'app dir', code: 'FROM alpine:3.20\nWORKDIR /app\n' },
    { name: 'similar prefix', code: 'FROM alpine:3.20\nWORKDIR /procfs\nWORKDIR /device\nWORKDIR /system\n' },
    { name: 'relative to an unknown base directory', code: 'FROM alpine:3.20\nWORKDIR proc\n' },
    { name: 'leaves the system dir with ..', code: 'FROM alpine:3.20\nWORKDIR /dev/../srv\n' },
    { name: 'unknown ARG', code: 'FROM alpine:3.20\nARG DIR\nWORKDIR $DIR\n' },
  ],
  invalid: [
    { name: 'below /proc', code: 'FROM alpine:3.20\nWORKDIR /proc/app\n', errors: [{ range: '2:9-2:18', message: /WORKDIR \/proc\/app is inside the system directory \/proc/ }], output: null },
    { name: 'exact /dev with trailing slash, quoted', code: 'FROM alpine:3.20\nWORKDIR "/dev/"\n', errors: [{ range: '2:9-2:16', message: /WORKDIR \/dev is inside/ }] },
    { name: 'relative through an earlier WORKDIR', code: 'FROM alpine:3.20\nWORKDIR /\nWORKDIR sys/x\n', errors: ['3:9-3:14'] },
    { name: 'through an ARG', code: 'FROM alpine:3.20\nARG D=/boot\nWORKDIR ${D}/efi\n', errors: [{ range: '3:9-3:17', message: /\/boot\/efi/ }] },
    { name: 'inherited from the base stage', code: 'FROM alpine:3.20 AS a\nWORKDIR /proc\nFROM a\nWORKDIR self\n', errors: ['2:9-2:14', '4:9-4:13'] },
    { name: 'two steps up still inside', code: 'FROM alpine:3.20\nWORKDIR //dev/./pts/../shm\n', errors: [{ range: '2:9-2:27', message: /WORKDIR \/dev\/shm/ }] },
  ],
});
