import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3009-apt-lists-not-removed';

const F = 'FROM debian:bookworm-slim\n';
const RM = 'rm -rf /var/lib/apt/lists/*';

ruleTests(rule, {
  valid: [
    { name: 'lists removed in the same RUN', code: F + `RUN apt-get update && apt-get install -y curl && ${RM}\n` },
    { name: 'directory itself, parent, find -delete', code: F + 'RUN apt-get update && rm -r /var/lib/apt/lists\nRUN apt-get update && rm -fR /var/lib/apt/*\nRUN apt-get update && find /var/lib/apt/lists -mindepth 1 -delete\n' },
    { name: 'apt-get distclean', code: F + 'RUN apt-get update && apt-get install -y x && apt-get distclean\n' },
    { name: 'cache mount on the lists', code: F + 'RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y x\n' },
    { name: 'cache mount on a parent, tmpfs, dst= spelling', code: F + 'RUN --mount=type=cache,dst=/var/lib/apt/ apt-get update\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update\n' },
    { name: 'intermediate stage not in the final image', code: 'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /\n' },
    { name: 'install without update', code: F + 'RUN apt-get install -y ./pkg.deb\n' },
    { name: 'heredoc that cleans up', code: F + `RUN <<EOF\nset -e\napt-get update\napt-get install -y jq\n${RM}\nEOF\n` },
    { name: 'sh -c that cleans up, with sudo', code: F + `RUN sudo sh -c "apt-get update && apt-get install -y x && ${RM}"\n` },
    { name: 'not apt', code: F + 'RUN apk update\nRUN echo apt-get update\n' },
  ],
  invalid: [
    {
      name: 'one line',
      code: F + 'RUN apt-get update && apt-get install -y curl\n',
      errors: [{ range: '2:5-2:19', message: `Delete the package lists in the same RUN after \`apt-get update\` (\`${RM}\`): otherwise they stay in the image` }],
      output: F + `RUN apt-get update && apt-get install -y curl && ${RM}\n`,
    },
    {
      name: 'continuation lines, && leading',
      code: F + 'RUN apt-get update \\\n    && apt-get install -y \\\n        curl \\\n        git\n',
      errors: ['2:5-2:19'],
      output: F + `RUN apt-get update \\\n    && apt-get install -y \\\n        curl \\\n        git \\\n    && ${RM}\n`,
    },
    {
      name: 'continuation lines, && trailing',
      code: F + 'RUN apt-get update && \\\n  apt-get install -y \\\n    curl\n',
      errors: ['2:5-2:19'],
      output: F + `RUN apt-get update && \\\n  apt-get install -y \\\n    curl && \\\n  ${RM}\n`,
    },
    {
      name: 'package list continued from the first line',
      code: F + 'RUN apt-get update && apt-get install -y \\\n      curl\n',
      errors: ['2:5-2:19'],
      output: F + `RUN apt-get update && apt-get install -y \\\n      curl \\\n      && ${RM}\n`,
    },
    {
      name: 'apt-get clean alone is not enough; following instruction kept',
      code: F + 'RUN apt-get update && apt-get install -y x && apt-get clean\nCMD ["x"]\n',
      errors: ['2:5-2:19'],
      output: F + `RUN apt-get update && apt-get install -y x && apt-get clean && ${RM}\nCMD ["x"]\n`,
    },
    {
      name: 'removal before the update does not count',
      code: F + `RUN ${RM} && apt-get update && apt-get install -y x\n`,
      errors: ['2:36-2:50'],
      output: F + `RUN ${RM} && apt-get update && apt-get install -y x && ${RM}\n`,
    },
    {
      name: 'cache mount on /var/cache/apt does not hold the lists; apt',
      code: F + 'RUN --mount=type=cache,target=/var/cache/apt apt update && apt install -y x\n',
      errors: [{ range: '2:46-2:56', message: /after `apt update`/ }],
      output: F + `RUN --mount=type=cache,target=/var/cache/apt apt update && apt install -y x && ${RM}\n`,
    },
    {
      name: 'sudo is kept',
      code: F + 'RUN sudo apt-get -q update && sudo apt-get install -y curl\n',
      errors: ['2:10-2:27'],
      output: F + `RUN sudo apt-get -q update && sudo apt-get install -y curl && sudo ${RM}\n`,
    },
    {
      name: 'sh -c: appended after the string',
      code: F + 'RUN sudo sh -c "apt-get update && apt-get install -y x"\n',
      errors: ['2:17-2:31'],
      output: F + `RUN sudo sh -c "apt-get update && apt-get install -y x" && sudo ${RM}\n`,
    },
    {
      name: 'heredoc with set -e: new line',
      code: F + 'RUN <<EOF\nset -eux\napt-get update\napt-get install -y jq\nEOF\n',
      errors: ['4:1-4:15'],
      output: F + `RUN <<EOF\nset -eux\napt-get update\napt-get install -y jq\n${RM}\nEOF\n`,
    },
    {
      name: 'heredoc without set -e: joined to the last command',
      code: F + 'RUN <<EOF\napt-get update\napt-get install -y jq\nEOF\n',
      errors: ['3:1-3:15'],
      output: F + `RUN <<EOF\napt-get update\napt-get install -y jq && ${RM}\nEOF\n`,
    },
    {
      name: 'CRLF',
      code: 'FROM debian\r\nRUN apt-get update \\\r\n  && apt-get install -y x\r\n',
      errors: ['2:5-2:19'],
      output: `FROM debian\r\nRUN apt-get update \\\r\n  && apt-get install -y x \\\r\n  && ${RM}\r\n`,
    },
    {
      name: 'escape directive',
      code: '# escape=`\n' + F + 'RUN apt-get update `\n    && apt-get install -y x\n',
      errors: ['3:5-3:19'],
      output: '# escape=`\n' + F + `RUN apt-get update \`\n    && apt-get install -y x \`\n    && ${RM}\n`,
    },
    {
      name: '|| at the end: && still runs after the whole list',
      code: F + 'RUN apt-get update || true\n',
      errors: ['2:5-2:19'],
      output: F + `RUN apt-get update || true && ${RM}\n`,
    },
    {
      name: 'trailing comment: no fix',
      code: F + 'RUN apt-get update && apt-get install -y x # tools\n',
      errors: ['2:5-2:19'],
      output: null,
    },
    {
      name: 'trailing ; or &: no fix',
      code: F + 'RUN apt-get update && apt-get install -y x;\nRUN apt-get update &\n',
      errors: ['2:5-2:19', '3:5-3:19'],
      output: null,
    },
    {
      name: 'a later RUN needs the lists: no fix',
      code: F + 'RUN apt-get update\nRUN apt-get install -y curl && apt-get clean\n',
      errors: ['2:5-2:19'],
      output: null,
    },
    {
      name: 'stage the final stage builds on',
      code: 'FROM debian:bookworm AS base\nRUN apt-get update && apt-get install -y x\nFROM base\nCMD ["x"]\n',
      errors: ['2:5-2:19'],
      output: `FROM debian:bookworm AS base\nRUN apt-get update && apt-get install -y x && ${RM}\nFROM base\nCMD ["x"]\n`,
    },
    {
      name: 'only the last update counts',
      code: F + `RUN apt-get update && ${RM} && apt-get update && apt-get install -y x\n`,
      errors: ['2:54-2:68'],
      output: F + `RUN apt-get update && ${RM} && apt-get update && apt-get install -y x && ${RM}\n`,
    },
  ],
});
