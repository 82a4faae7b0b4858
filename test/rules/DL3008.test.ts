import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3008-apt-get-unpinned';

const F = 'FROM debian:bookworm-slim\n';

ruleTests(rule, {
  valid: [
    { name: 'pinned versions', code: F + 'RUN apt-get update && apt-get install -y curl=7.88.1-10 git=1:2.39.*\n' },
    { name: 'options after packages, option values', code: F + 'RUN apt-get install -o Dpkg::Options::=--force-confnew -t bookworm-backports -y nodejs=18.* --no-install-recommends\n' },
    { name: 'joined option values', code: F + 'RUN apt-get -oAPT::Install-Recommends=0 -tbookworm install -yqq vim=2:9.0.*\n' },
    { name: 'local .deb files and paths', code: F + 'RUN apt-get install -y ./wkhtmltox_0.12.6_amd64.deb /tmp/pkg.deb\n' },
    { name: 'variables are skipped', code: F + 'ARG PKGS\nRUN apt-get install -y $PKGS "${EXTRA}" $(cat /pkgs.txt)\n' },
    { name: 'removal marker', code: F + 'RUN apt-get install -y vim=2:9.0.* nano-\n' },
    { name: 'not an install', code: F + 'RUN apt-get update && apt-get remove -y curl && apt-get source bash\n' },
    { name: 'exec form is not parsed as a shell', code: F + 'RUN ["apt-get", "install", "-y", "curl"]\n' },
    { name: 'other commands named like packages', code: F + 'RUN echo apt-get install curl\n' },
  ],
  invalid: [
    {
      name: 'one finding per unpinned package',
      code: F + 'RUN apt-get update && apt-get install -y curl git=1:2.39.* wget\n',
      errors: [{ range: '2:42-2:46', message: 'Pin the version of `curl`: `curl=<version>`' }, '2:60-2:64'],
      output: null,
    },
    {
      name: 'apt install, options before the subcommand',
      code: F + 'RUN apt -o Acquire::Retries=3 -y install vim\n',
      errors: ['2:42-2:45'],
      output: null,
    },
    {
      name: 'release selection is not a version pin',
      code: F + 'RUN apt-get install -y -t bookworm-backports golang/bookworm-backports\n',
      errors: [{ range: '2:46-2:71', message: '`golang/bookworm-backports` selects a release, not a version: pin `golang=<version>`' }],
      output: null,
    },
    {
      name: 'continuation lines',
      code: F + 'RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        ca-certificates \\\n        curl=7.88.*\n',
      errors: ['4:9-4:24'],
      output: null,
    },
    {
      name: 'sudo and sh -c',
      code: F + 'RUN sudo apt-get install -y make && sh -c "apt-get install -y \'gcc\'"\n',
      errors: ['2:29-2:33', '2:63-2:68'],
      output: null,
    },
    {
      name: 'heredoc body',
      code: F + 'RUN <<EOF\nset -e\napt-get update\napt-get install -y jq\nEOF\n',
      errors: ['5:20-5:22'],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: 'FROM debian:bookworm-slim\r\nRUN apt-get install -y \\\r\n  htop\r\n',
      errors: ['3:3-3:7'],
      output: null,
    },
    {
      name: 'every stage',
      code: 'FROM debian:bookworm AS build\nRUN apt-get install -y gcc\nFROM debian:bookworm-slim\nRUN apt-get install -y libc6\n',
      errors: ['2:24-2:27', '4:24-4:29'],
      output: null,
    },
  ],
});
