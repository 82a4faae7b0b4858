import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3020-add-instead-of-copy';

ruleTests(rule, {
  valid: [
    { name: 'COPY', code: 'FROM alpine:3.20\nCOPY a /b\n' },
    { name: 'URL source', code: 'FROM alpine:3.20\nADD https://example.com/x.tgz /tmp/\n' },
    { name: 'local archive', code: 'FROM alpine:3.20\nADD rootfs.tar.xz /\n' },
    { name: 'git source', code: 'FROM alpine:3.20\nADD git@github.com:o/r.git /src\n' },
    { name: 'variable source', code: 'FROM alpine:3.20\nARG SRC\nADD $SRC /src\n' },
    { name: 'checksum flag', code: 'FROM alpine:3.20\nADD --checksum=sha256:abc x /x\n' },
  ],
  invalid: [
    { name: 'plain files', code: 'FROM alpine:3.20\nADD a b /dst/\n', errors: [{ range: '2:1-2:4', message: 'Use COPY instead of ADD for local files and folders' }], output: 'FROM alpine:3.20\nCOPY a b /dst/\n' },
    { name: 'keeps flags, lower case keyword', code: 'FROM alpine:3.20\nadd --chown=1:1 src/ /app\n', errors: ['2:1-2:4'], output: 'FROM alpine:3.20\ncopy --chown=1:1 src/ /app\n' },
    { name: 'exec form', code: 'FROM alpine:3.20\nADD ["a b", "/x/"]\n', errors: ['2:1-2:4'], output: 'FROM alpine:3.20\nCOPY ["a b", "/x/"]\n' },
    { name: 'two stages', code: 'FROM alpine:3.20 AS a\nADD x /x\nFROM alpine:3.20\nADD y /y\n', errors: ['2:1-2:4', '4:1-4:4'], output: 'FROM alpine:3.20 AS a\nCOPY x /x\nFROM alpine:3.20\nCOPY y /y\n' },
  ],
});
