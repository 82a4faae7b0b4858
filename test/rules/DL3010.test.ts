import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3010-copy-then-extract-archive';

ruleTests(rule, {
  valid: [
    { name: 'ADD extracts itself', code: 'FROM alpine:3.20\nADD app.tar.gz /opt/\n' },
    { name: 'archive copied but not extracted', code: 'FROM alpine:3.20\nCOPY app.tar.gz /srv/downloads/\n' },
    { name: 'tar creates, does not extract', code: 'FROM alpine:3.20\nCOPY app.tar /tmp/\nRUN tar -cf /out.tar /tmp/app.tar\n' },
    { name: 'zip: ADD cannot extract it', code: 'FROM alpine:3.20\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /opt\n' },
    { name: 'other archive extracted', code: 'FROM alpine:3.20\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/b.tar.gz\n' },
    { name: 'extracted in another stage', code: 'FROM alpine:3.20 AS a\nCOPY app.tgz /tmp/\nFROM alpine:3.20\nRUN tar xzf /tmp/app.tgz\n' },
    { name: 'COPY --from another stage', code: 'FROM alpine:3.20 AS a\nRUN tar -cf /a.tar /etc\nFROM alpine:3.20\nCOPY --from=a /a.tar /tmp/\nRUN tar -xf /tmp/a.tar\n' },
    { name: 'extracted before it is copied', code: 'FROM alpine:3.20\nRUN tar -xf /tmp/a.tar || true\nCOPY a.tar /tmp/\n' },
  ],
  invalid: [
    {
      name: 'COPY then tar -xzf',
      code: 'FROM debian:bookworm-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      errors: [{ range: '2:6-2:16', message: "'app.tar.gz' is copied here and extracted by the RUN on line 3; ADD extracts a local tar archive in one layer without keeping it" }],
      output: null,
    },
    { name: 'old-style options, lower case keywords', code: 'from alpine:3.20\ncopy dist/site.tgz config.json /srv/\nrun tar xzf /srv/site.tgz\n', errors: ['2:6-2:19'], output: null },
    { name: '--extract --file=', code: 'FROM alpine:3.20\nCOPY a.tar.xz /tmp/\nRUN tar --extract --file=/tmp/a.tar.xz\n', errors: ['2:6-2:14'], output: null },
    { name: 'gunzip piped into tar', code: 'FROM alpine:3.20\nCOPY a.tar.gz /tmp/\nRUN gunzip -c /tmp/a.tar.gz | tar -x -C /opt\n', errors: ['2:6-2:14'], output: null },
    { name: 'ARG-resolved names on both sides', code: 'FROM alpine:3.20\nARG V=1.2\nCOPY app-${V}.tar.gz /tmp/\nRUN tar -xzf "/tmp/app-${V}.tar.gz"\n', errors: [{ range: '3:6-3:21', message: /'app-1\.2\.tar\.gz'/ }], output: null },
    { name: 'renamed on copy', code: 'FROM alpine:3.20\nCOPY build/out.tgz /tmp/app.tgz\nRUN tar -xzf /tmp/app.tgz\n', errors: ['2:6-2:19'], output: null },
    { name: 'heredoc RUN, later RUN', code: 'FROM alpine:3.20\nCOPY a.tar /tmp/\nRUN echo hi\nRUN <<EOF\ncd /opt\ntar -xf /tmp/a.tar\nEOF\n', errors: ['2:6-2:11'], output: null },
    { name: 'exec-form COPY', code: 'FROM alpine:3.20\nCOPY ["a.tar", "/tmp/"]\nRUN tar -xvf /tmp/a.tar\n', errors: ['2:7-2:14'], output: null },
  ],
});
