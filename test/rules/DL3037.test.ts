import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3037-zypper-unpinned';

const F = 'FROM opensuse/leap:15.6\n';

ruleTests(rule, {
  valid: [
    { name: 'pinned versions and ranges', code: `${F}RUN zypper -n install curl=8.6.0 'git>=2.43' "jq<2" ./x.rpm\n` },
    { name: 'option values are not packages', code: `${F}RUN zypper -n --root /mnt in --from oss -t package curl=8.6.0\n` },
    { name: 'variables', code: `${F}RUN zypper -n in $PKGS\n` },
    { name: 'not install', code: `${F}RUN zypper -n rm curl\n` },
  ],
  invalid: [
    {
      name: 'one finding per unpinned package',
      code: `${F}RUN zypper -n install curl git=2.43 jq\n`,
      errors: [{ range: '2:23-2:27', message: 'Pin the version of `curl`: `curl=<version>`' }, '2:37-2:39'],
      output: null,
    },
    { name: 'in, heredoc', code: `${F}RUN <<EOF\nzypper -n in vim\nEOF\n`, errors: ['3:14-3:17'], output: null },
  ],
});
