import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3035-zypper-dist-upgrade';

const F = 'FROM opensuse/leap:15.6\n';

ruleTests(rule, {
  valid: [
    { name: 'install and update', code: `${F}RUN zypper -n install curl=8.6.0 && zypper -n update\n` },
    { name: 'not zypper', code: `${F}RUN echo zypper dup\n` },
  ],
  invalid: [
    {
      name: 'dist-upgrade',
      code: `${F}RUN zypper -n dist-upgrade\n`,
      errors: [{ range: '2:15-2:27', message: 'Do not run `zypper dist-upgrade` in a build: use a newer base image instead' }],
      output: null,
    },
    { name: 'dup with sudo, exec form', code: `${F}RUN sudo zypper --non-interactive dup\nRUN ["zypper", "dup"]\n`, errors: ['2:35-2:38', '3:16-3:21'], output: null },
  ],
});
