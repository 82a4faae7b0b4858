import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3001-pointless-command';

ruleTests(rule, {
  valid: [
    { name: 'installing the tools is fine', code: 'FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends vim openssh-client procps\n' },
    { name: 'the words as arguments', code: 'FROM alpine:3.20\nRUN echo ps top kill && grep service /etc/services\n' },
    { name: 'similar names', code: 'FROM alpine:3.20\nRUN pskill && topgrade && killall5 -h || true\n' },
    { name: 'CMD is not a build step', code: 'FROM alpine:3.20\nCMD ["top"]\n' },
    { name: 'mount flag of RUN', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache make\n' },
  ],
  invalid: [
    {
      name: 'service start',
      code: 'FROM debian:bookworm-slim\nRUN service nginx start\n',
      errors: [{ range: '2:5-2:12', message: "'service' has no useful effect in a build step; remove it or move the intent to runtime" }],
      output: null,
    },
    { name: 'after &&, behind sudo and a path', code: 'FROM debian:bookworm-slim\nRUN make && sudo /bin/ps aux\n', errors: ['2:18-2:25'], output: null },
    { name: 'in a pipe and a substitution', code: 'FROM alpine:3.20\nRUN free -m | tee /x && echo $(ifconfig)\n', errors: ['2:5-2:9', '2:32-2:40'], output: null },
    { name: 'inside sh -c', code: 'FROM alpine:3.20\nRUN sh -c "kill -9 1"\n', errors: ['2:12-2:16'], output: null },
    { name: 'heredoc body, lower case keyword', code: 'FROM alpine:3.20\nrun <<EOF\nmount -t tmpfs none /mnt\nEOF\n', errors: ['3:1-3:6'], output: null },
    { name: 'exec form', code: 'FROM alpine:3.20\nRUN ["/usr/bin/top", "-b", "-n1"]\n', errors: ['2:6-2:20'], output: null },
    { name: 'two stages', code: 'FROM alpine:3.20 AS a\nRUN ssh host true\nFROM alpine:3.20\nRUN vim -c q x\n', errors: ['2:5-2:8', '4:5-4:8'], output: null },
  ],
});
