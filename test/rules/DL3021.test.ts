import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3021-copy-multiple-sources-dest';

ruleTests(rule, {
  valid: [
    { name: 'heredoc source with an empty body', code: 'FROM debian:bookworm\nCOPY <<EOF /etc/app.conf\nEOF\nFROM alpine:3.20\n' },
    { name: 'heredoc source: its body is not a list of sources', code: 'FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\nlisten = 0.0.0.0:8080\nEOF\n' },
    { name: 'one source', code: 'FROM alpine:3.20\nCOPY foo /bar\n' },
    { name: 'directory destination', code: 'FROM alpine:3.20\nCOPY foo bar /baz/\n' },
    { name: 'relative directory destination', code: 'FROM alpine:3.20\nWORKDIR /app\nCOPY a b ./\n' },
    { name: 'quoted directory destination', code: 'FROM alpine:3.20\nCOPY foo bar "/mydir/"\n' },
    { name: 'exec form', code: 'FROM alpine:3.20\nCOPY ["a", "b", "/dst/"]\n' },
    { name: 'variable ending with a slash', code: 'FROM alpine:3.20\nARG DEST=/app/\nCOPY a b $DEST\n' },
    { name: 'variable without value', code: 'FROM alpine:3.20\nARG DEST\nCOPY a b $DEST\n' },
    { name: 'flags are not sources', code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b --chown=1:1 /x /y\n' },
  ],
  invalid: [
    {
      name: 'two sources',
      code: 'FROM node:20-slim\nCOPY package.json package-lock.json /app\n',
      errors: [{ range: '2:37-2:41', message: "COPY with 2 sources needs a directory destination ending with '/': '/app'" }],
      output: 'FROM node:20-slim\nCOPY package.json package-lock.json /app/\n',
    },
    { name: 'quoted destination, lower case keyword', code: 'FROM alpine:3.20\ncopy a b "/mydir"\n', errors: ['2:10-2:18'], output: 'FROM alpine:3.20\ncopy a b "/mydir/"\n' },
    { name: 'exec form', code: 'FROM alpine:3.20\nCOPY ["a", "b", "/dst"]\n', errors: ['2:17-2:23'], output: 'FROM alpine:3.20\nCOPY ["a", "b", "/dst/"]\n' },
    { name: 'variable without slash', code: 'FROM alpine:3.20\nENV DEST=/app\nCOPY a b ${DEST}\n', errors: ['3:10-3:17'], output: 'FROM alpine:3.20\nENV DEST=/app\nCOPY a b ${DEST}/\n' },
    { name: 'ADD too, with flags', code: 'FROM alpine:3.20\nADD --chown=1:1 a.tar b.tar /opt\n', errors: ['2:29-2:33'], output: 'FROM alpine:3.20\nADD --chown=1:1 a.tar b.tar /opt/\n' },
    { name: 'multi-stage', code: 'FROM alpine:3.20 AS a\nCOPY x y z\nFROM alpine:3.20\nCOPY --from=a x y .\n', errors: ['2:10-2:11', '4:19-4:20'], output: 'FROM alpine:3.20 AS a\nCOPY x y z/\nFROM alpine:3.20\nCOPY --from=a x y ./\n' },
  ],
});
