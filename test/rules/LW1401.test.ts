import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1401-apt-upgrade';

const F = 'FROM debian:bookworm-slim\n';

ruleTests(rule, {
  valid: [
    { name: 'install only', code: `${F}RUN apt-get update && apt-get install -y --no-install-recommends curl\n` },
    { name: 'upgrading one package', code: `${F}RUN apt-get install -y --only-upgrade openssl=3.0.13-1~deb12u1\n` },
    { name: 'upgrade as a package name or other tools', code: `${F}RUN apt-get install -y upgrade-system && echo apt-get upgrade && pip install --upgrade pip==24.0\n` },
  ],
  invalid: [
    {
      name: 'apt-get upgrade',
      code: `${F}RUN apt-get update && apt-get upgrade -y\n`,
      errors: [{ range: '2:31-2:38', message: 'Avoid `apt-get upgrade` in a Dockerfile: install only the packages you need and rebuild on a newer base image for updates' }],
      output: null,
    },
    { name: 'dist-upgrade and full-upgrade, apt', code: `${F}RUN apt-get -y dist-upgrade && apt full-upgrade -y && apt upgrade\n`, errors: ['2:16-2:28', '2:36-2:48', '2:59-2:66'] },
    { name: 'sudo and sh -c', code: `${F}RUN sudo apt-get -qq upgrade && sh -c 'apt-get upgrade -y'\n`, errors: ['2:22-2:29', '2:48-2:55'] },
    { name: 'continuation lines', code: `${F}RUN apt-get update \\\n    && apt-get -y \\\n       upgrade\n`, errors: ['4:8-4:15'] },
    { name: 'heredoc body', code: `${F}RUN <<EOF\napt-get update\napt-get upgrade -y\nEOF\n`, errors: ['4:9-4:16'] },
  ],
});
