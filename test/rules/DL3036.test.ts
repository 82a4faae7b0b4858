import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3036-zypper-clean';

const F = 'FROM opensuse/leap:15.6\n';

ruleTests(rule, {
  valid: [
    { name: 'zypper clean, zypper cc -a', code: `${F}RUN zypper -n in curl && zypper clean\nRUN zypper -n in jq && zypper cc -a\n` },
    { name: 'rm -rf the cache', code: `${F}RUN zypper -n in curl && rm -rf /var/cache/zypp/*\n` },
    { name: 'cache mount', code: `${F}RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl\n` },
    { name: 'not install', code: `${F}RUN zypper -n rm curl\n` },
  ],
  invalid: [
    {
      name: 'one line',
      code: `${F}RUN zypper -n install curl\n`,
      errors: [{ range: '2:15-2:22', message: 'Run `zypper clean` after `zypper install` in the same RUN: otherwise zypper\'s cache stays in the image' }],
      output: `${F}RUN zypper -n install curl && zypper clean\n`,
    },
    {
      name: 'continuation lines, trailing &&',
      code: `${F}RUN zypper refresh && \\\n  zypper -n in curl\n`,
      errors: ['3:13-3:15'],
      output: `${F}RUN zypper refresh && \\\n  zypper -n in curl && \\\n  zypper clean\n`,
    },
    { name: 'clean before install does not count', code: `${F}RUN zypper clean && zypper -n in x\n`, errors: ['2:31-2:33'], output: `${F}RUN zypper clean && zypper -n in x && zypper clean\n` },
  ],
});
