import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3034-zypper-non-interactive';

const F = 'FROM opensuse/leap:15.6\n';

ruleTests(rule, {
  valid: [
    { name: 'global -n and --non-interactive', code: `${F}RUN zypper -n install curl && zypper --non-interactive in git\n` },
    { name: 'install --no-confirm and -y', code: `${F}RUN zypper install --no-confirm curl && zypper in -y git\n` },
    { name: 'options from a variable we cannot see', code: `${F}RUN zypper $ZYPPER_OPTS install curl\n` },
    { name: 'not install', code: `${F}RUN zypper refresh && zypper clean && zypper rm curl\n` },
  ],
  invalid: [
    {
      name: 'no -n',
      code: `${F}RUN zypper install curl && zypper clean\n`,
      errors: [{ range: '2:12-2:19', message: 'Add -n to `zypper install`: the build cannot answer its confirmation prompt' }],
      output: `${F}RUN zypper -n install curl && zypper clean\n`,
    },
    { name: '-n after install is --name', code: `${F}RUN zypper in -n curl\n`, errors: [{ range: '2:12-2:14', message: /`zypper in`/ }], output: `${F}RUN zypper -n in -n curl\n` },
    { name: 'global option with a value, sudo', code: `${F}RUN sudo zypper --root /mnt in curl\n`, errors: ['2:29-2:31'], output: `${F}RUN sudo zypper -n --root /mnt in curl\n` },
    {
      name: 'heredoc body',
      code: `${F}RUN <<EOF\nzypper in jq\nEOF\n`,
      errors: ['3:8-3:10'],
      output: `${F}RUN <<EOF\nzypper -n in jq\nEOF\n`,
    },
    { name: 'exec form: no fix', code: `${F}RUN ["zypper", "install", "jq"]\n`, errors: ['2:16-2:25'], output: null },
  ],
});
