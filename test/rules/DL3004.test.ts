import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3004-sudo';

ruleTests(rule, {
  valid: [
    { name: 'no sudo', code: 'FROM debian:bookworm-slim\nRUN apt-get update\n' },
    { name: 'installing sudo is not using it', code: 'FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends sudo && echo sudo\n' },
    { name: 'sudo in CMD is not a build step', code: 'FROM debian:bookworm-slim\nCMD ["sudo", "-u", "app", "run"]\n' },
  ],
  invalid: [
    {
      name: 'plain sudo as root: suggestion removes it',
      code: 'FROM debian:bookworm-slim\nRUN sudo apt-get update\n',
      errors: [{ range: '2:5-2:9', message: 'Do not use sudo: RUN already runs as the current USER; switch USER around the step instead' }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update\n',
    },
    { name: 'after && and through xargs', code: 'FROM alpine:3.20\nRUN make && sudo make install && ls | xargs sudo rm\n', errors: ['2:13-2:17', '2:45-2:49'], output: 'FROM alpine:3.20\nRUN make && make install && ls | xargs rm\n' },
    { name: 'sudo with options: no fix', code: 'FROM alpine:3.20\nRUN sudo -u nobody id\n', errors: ['2:5-2:9'], output: null },
    { name: 'after a non-root USER: no fix', code: 'FROM alpine:3.20\nUSER app\nRUN sudo apk add --no-cache curl\n', errors: ['3:5-3:9'], output: null },
    { name: 'after switching back to root', code: 'FROM alpine:3.20\nUSER app\nUSER root\nrun sudo id\n', errors: ['4:5-4:9'], output: 'FROM alpine:3.20\nUSER app\nUSER root\nrun id\n' },
    { name: 'non-root USER in the stage it builds on: no fix', code: 'FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nRUN sudo id\n', errors: ['4:5-4:9'], output: null },
    { name: 'base image that runs as nonroot: no fix', code: 'FROM gcr.io/distroless/base-debian12:nonroot\nRUN sudo id\n', errors: ['2:5-2:9'], output: null },
    { name: 'sudo wrapping sh -c is reported once', code: 'FROM alpine:3.20\nRUN sudo sh -c "id && ls"\n', errors: ['2:5-2:9'], output: 'FROM alpine:3.20\nRUN sh -c "id && ls"\n' },
    { name: 'inside sh -c', code: 'FROM alpine:3.20\nRUN sh -c "sudo id"\n', errors: ['2:12-2:16'], output: 'FROM alpine:3.20\nRUN sh -c "id"\n' },
    { name: 'exec form: no fix', code: 'FROM alpine:3.20\nRUN ["sudo", "id"]\n', errors: ['2:6-2:12'], output: null },
    { name: 'heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\nsudo id\nEOF\n', errors: ['3:1-3:5'], output: 'FROM alpine:3.20\nRUN <<EOF\nid\nEOF\n' },
  ],
});
