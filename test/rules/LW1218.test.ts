import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1218-add-url-without-checksum';

const F = 'FROM alpine:3.20\n';
ruleTests(rule, {
  valid: [
    { name: 'with checksum', code: F + 'ADD --checksum=sha256:abc https://x.io/a.tgz /tmp/\n' },
    { name: 'local file', code: F + 'ADD rootfs.tar.gz /\n' },
    { name: 'git source', code: F + 'ADD https://github.com/o/r.git#v1.0 /src\n' },
    { name: 'COPY is another instruction', code: F + 'COPY https.txt /x\n' },
    { name: 'unknown variable', code: F + 'ARG URL\nADD $URL /tmp/\n' },
  ],
  invalid: [
    { name: 'URL', code: F + 'ADD https://x.io/a.tgz /tmp/\n', errors: [{ range: '2:5-2:23', message: 'ADD downloads this URL without --checksum: a changed or tampered file goes into the image unnoticed. Add --checksum=sha256:<digest>' }], output: null },
    { name: 'exec form, http, with --chown', code: F + 'ADD --chown=1:1 ["http://x.io/a", "/a"]\n', errors: ['2:18-2:33'] },
    { name: 'URL from an ARG', code: F + 'ARG V=1.2\nADD https://x.io/tool-${V}.tgz /tmp/\n', errors: ['3:5-3:31'] },
  ],
});
