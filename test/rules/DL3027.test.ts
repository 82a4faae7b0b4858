import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3027-apt';

const F = 'FROM debian:bookworm-slim\n';

ruleTests(rule, {
  valid: [
    { name: 'apt-get and apt-cache', code: `${F}RUN apt-get update && apt-get install -y curl && apt-cache policy curl\n` },
    { name: 'words containing apt', code: `${F}RUN echo "deb http://x apt main" > /etc/apt/sources.list && aptitude --version && apt-key list\n` },
    { name: 'apt as an argument', code: `${F}RUN dpkg -L apt && which apt\n` },
  ],
  invalid: [
    {
      name: 'apt install and update',
      code: `${F}RUN apt update && apt install -y curl\n`,
      errors: [{ range: '2:5-2:8', message: 'Use `apt-get` instead of `apt` in scripts: `apt` has no stable command line' }, '2:19-2:22'],
      output: `${F}RUN apt-get update && apt-get install -y curl\n`,
    },
    { name: 'options before the subcommand', code: `${F}RUN apt -o Dpkg::Use-Pty=0 -y remove vim\n`, errors: ['2:5-2:8'], output: `${F}RUN apt-get -o Dpkg::Use-Pty=0 -y remove vim\n` },
    { name: 'upgrade: suggestion only', code: `${F}RUN apt upgrade -y\n`, errors: ['2:5-2:8'], output: `${F}RUN apt-get upgrade -y\n` },
    { name: 'queries go to apt-cache', code: `${F}RUN apt show curl\n`, errors: [{ range: '2:5-2:8', message: /`apt-cache`/ }], output: `${F}RUN apt-cache show curl\n` },
    { name: 'apt list has no fix', code: `${F}RUN apt list --installed\n`, errors: ['2:5-2:8'], output: null },
    { name: 'full-upgrade has no fix', code: `${F}RUN apt full-upgrade -y\n`, errors: ['2:5-2:8'], output: null },
    { name: 'full path', code: `${F}RUN /usr/bin/apt install -y jq\n`, errors: ['2:5-2:17'], output: `${F}RUN /usr/bin/apt-get install -y jq\n` },
    {
      name: 'sudo, sh -c',
      code: `${F}RUN sudo apt install -y make && sh -c "apt install -y gcc"\n`,
      errors: ['2:10-2:13', '2:40-2:43'],
      output: `${F}RUN sudo apt-get install -y make && sh -c "apt-get install -y gcc"\n`,
    },
    {
      name: 'continuation lines',
      code: `${F}RUN apt-get update \\\n    && apt install -y \\\n        curl\n`,
      errors: ['3:8-3:11'],
      output: `${F}RUN apt-get update \\\n    && apt-get install -y \\\n        curl\n`,
    },
    { name: 'heredoc body', code: `${F}RUN <<EOF\nset -e\napt update\napt install -y jq\nEOF\n`, errors: ['4:1-4:4', '5:1-5:4'], output: `${F}RUN <<EOF\nset -e\napt-get update\napt-get install -y jq\nEOF\n` },
    { name: 'exec form', code: `${F}RUN ["apt", "install", "-y", "curl"]\n`, errors: ['2:6-2:11'], output: `${F}RUN ["apt-get", "install", "-y", "curl"]\n` },
    { name: 'subcommand from a variable: no fix', code: `${F}RUN apt $CMD curl\n`, errors: ['2:5-2:8'], output: null },
  ],
});
