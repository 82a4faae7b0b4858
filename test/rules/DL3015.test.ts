import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3015-apt-get-recommends';

const F = 'FROM debian:bookworm-slim\n';

ruleTests(rule, {
  valid: [
    { name: 'flag present', code: F + 'RUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: 'flag after the packages', code: F + 'RUN apt-get install -y curl --no-install-recommends\n' },
    { name: 'apt config option', code: F + 'RUN apt-get install -y -o APT::Install-Recommends=false curl && apt-get -oAPT::Install-Recommends=0 install -y jq\n' },
    { name: 'long option form', code: F + 'RUN apt-get install --option=apt::install-recommends=no -y curl && apt install --install-recommends=false -y jq\n' },
    { name: 'apt.conf snippet written earlier in the stage', code: F + 'RUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n' },
    { name: 'apt.conf snippet in the stage built on', code: 'FROM debian:bookworm-slim AS base\nRUN printf \'APT::Install-Recommends "false";\\n\' > /etc/apt/apt.conf.d/99nr\nFROM base\nRUN apt-get install -y curl\n' },
    { name: 'options from a variable we cannot see', code: F + 'RUN apt-get install $APT_OPTS curl\n' },
    { name: 'options from a known ENV value', code: F + 'ENV APT_OPTS="-y --no-install-recommends"\nRUN apt-get install $APT_OPTS curl\n' },
    { name: 'last option wins: off after on', code: F + 'RUN apt-get install -y --install-recommends -o APT::Install-Recommends=off curl\n' },
    { name: 'not an install', code: F + 'RUN apt-get update && apt-get upgrade -y && apt-get remove -y vim\n' },
  ],
  invalid: [
    {
      name: 'apt-get install',
      code: F + 'RUN apt-get update && apt-get install -y curl\n',
      errors: [{ range: '2:31-2:38', message: 'Add --no-install-recommends to `apt-get install` to skip recommended packages' }],
      output: F + 'RUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'apt install',
      code: F + 'RUN apt -y install vim\n',
      errors: [{ range: '2:12-2:19', message: /`apt install`/ }],
      output: F + 'RUN apt -y install --no-install-recommends vim\n',
    },
    {
      name: 'recommends turned on explicitly',
      code: F + 'RUN apt-get install -y -o APT::Install-Recommends=true curl\n',
      errors: ['2:13-2:20'],
      output: null,
    },
    {
      name: 'last option wins: on after off',
      code: F + 'RUN apt-get install --no-install-recommends -y --install-recommends curl\n',
      errors: ['2:13-2:20'],
      output: null,
    },
    {
      name: 'sudo and sh -c',
      code: F + "RUN sudo apt-get -y install make && sh -c 'apt-get install -y gcc'\n",
      errors: ['2:21-2:28', '2:52-2:59'],
      output: F + "RUN sudo apt-get -y install --no-install-recommends make && sh -c 'apt-get install --no-install-recommends -y gcc'\n",
    },
    {
      name: 'continuation lines',
      code: F + 'RUN apt-get update \\\n    && apt-get install -y \\\n        curl\n',
      errors: ['3:16-3:23'],
      output: F + 'RUN apt-get update \\\n    && apt-get install --no-install-recommends -y \\\n        curl\n',
    },
    {
      name: 'heredoc body',
      code: F + 'RUN <<EOF\nset -e\napt-get update\napt-get install -y jq\nEOF\n',
      errors: ['5:9-5:16'],
      output: F + 'RUN <<EOF\nset -e\napt-get update\napt-get install --no-install-recommends -y jq\nEOF\n',
    },
    {
      name: 'CRLF',
      code: 'FROM debian\r\nRUN apt-get update \\\r\n && apt-get install -y x\r\n',
      errors: ['3:13-3:20'],
      output: 'FROM debian\r\nRUN apt-get update \\\r\n && apt-get install --no-install-recommends -y x\r\n',
    },
    {
      name: 'snippet written after the install does not count; every stage',
      code: 'FROM debian AS a\nRUN apt-get install -y x\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/nr\nFROM debian\nRUN apt-get install -y y\n',
      errors: ['2:13-2:20', '5:13-5:20'],
      output: 'FROM debian AS a\nRUN apt-get install --no-install-recommends -y x\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/nr\nFROM debian\nRUN apt-get install --no-install-recommends -y y\n',
    },
  ],
});
