import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3014-apt-get-yes';

const F = 'FROM debian:bookworm-slim\n';

ruleTests(rule, {
  valid: [
    { name: '-y after install', code: `${F}RUN apt-get update && apt-get install -y curl\n` },
    { name: 'before the subcommand, long forms', code: `${F}RUN apt-get -y install a && apt-get --yes install b && apt-get --assume-yes install c\n` },
    { name: 'bundle and after the packages', code: `${F}RUN apt-get install -qy curl && apt-get install curl --yes\n` },
    { name: '-qq implies yes', code: `${F}RUN apt-get -qq install curl && apt-get install -q=2 jq\n` },
    { name: 'apt config option', code: `${F}RUN apt-get -o APT::Get::Assume-Yes=true install curl\n` },
    { name: 'options from a known ENV value', code: `${F}ENV APT_OPTS="-y --no-install-recommends"\nRUN apt-get install $APT_OPTS curl\n` },
    { name: 'options from a variable we cannot see', code: `${F}RUN apt-get install $APT_OPTS curl\n` },
    { name: 'answered through a pipe', code: `${F}RUN yes | apt-get install curl\n` },
    { name: 'not install', code: `${F}RUN apt-get update && apt-get remove vim && apt-cache policy curl\n` },
  ],
  invalid: [
    {
      name: 'no -y',
      code: `${F}RUN apt-get update && apt-get install curl\n`,
      errors: [{ range: '2:31-2:38', message: 'Add -y to `apt-get install`: the build cannot answer its confirmation prompt' }],
      output: `${F}RUN apt-get update && apt-get install -y curl\n`,
    },
    { name: '-q alone is not enough', code: `${F}RUN apt-get -q install curl\n`, errors: ['2:16-2:23'], output: `${F}RUN apt-get -q install -y curl\n` },
    { name: 'apt install', code: `${F}RUN apt install --no-install-recommends vim\n`, errors: [{ range: '2:9-2:16', message: /`apt install`/ }], output: `${F}RUN apt install -y --no-install-recommends vim\n` },
    {
      name: 'sudo, sh -c, two commands in one RUN',
      code: `${F}RUN sudo apt-get install make && sh -c 'apt-get install gcc'\n`,
      errors: ['2:18-2:25', '2:49-2:56'],
      output: `${F}RUN sudo apt-get install -y make && sh -c 'apt-get install -y gcc'\n`,
    },
    {
      name: 'continuation lines',
      code: `${F}RUN apt-get update \\\n    && apt-get install \\\n        curl\n`,
      errors: ['3:16-3:23'],
      output: `${F}RUN apt-get update \\\n    && apt-get install -y \\\n        curl\n`,
    },
    {
      name: 'heredoc body',
      code: `${F}RUN <<EOF\nset -e\napt-get update\napt-get install jq\nEOF\n`,
      errors: ['5:9-5:16'],
      output: `${F}RUN <<EOF\nset -e\napt-get update\napt-get install -y jq\nEOF\n`,
    },
    { name: 'package from an ARG is fine, the prompt is not', code: `${F}ARG PKG=curl\nRUN apt-get install $PKG\n`, errors: ['3:13-3:20'], output: `${F}ARG PKG=curl\nRUN apt-get install -y $PKG\n` },
    { name: 'assume-yes turned off', code: `${F}RUN apt-get install --assume-yes=no curl\n`, errors: ['2:13-2:20'] },
  ],
});
