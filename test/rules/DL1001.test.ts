import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL1001-inline-ignore-pragma';

ruleTests(rule, {
  valid: [
    { name: 'plain comments', code: '# build the app\nFROM a:1\n# hadolint is great\nRUN true\n' },
    { name: 'shell pragma', code: '# hadolint shell=bash\nFROM a:1\n' },
    { name: 'BuildKit check directive', code: '# check=skip=JSONArgsRecommended\nFROM a:1\nCMD x\n' },
    { name: 'syntax directive', code: '# syntax=docker/dockerfile:1\nFROM a:1\n' },
  ],
  invalid: [
    {
      name: 'hadolint ignore: range is the comment, fix deletes the line',
      code: 'FROM a:1\n  # hadolint ignore=DL3008,DL3015\nRUN true\n',
      errors: [{ range: '2:3-2:34', message: 'Inline ignore pragma `# hadolint ignore=` (dl3008, dl3015): fix what it hides, or ignore the rule in the configuration instead' }],
      output: 'FROM a:1\nRUN true\n',
    },
    {
      name: 'global pragmas, also on the first line',
      code: '# hadolint global ignore=DL3059\nFROM a:1\n# layerwise global ignore=LW1001\n',
      errors: [{ range: '1:1-1:32', message: /`# hadolint global ignore=`/ }, { range: '3:1-3:33', message: /`# layerwise global ignore=`/ }],
      output: 'FROM a:1\n',
    },
    { name: 'layerwise and check=skip above an instruction', code: 'FROM a:1\n# layerwise ignore=untagged-image\nRUN true\n# check=skip=JSONArgsRecommended\nCMD x\n', errors: ['2:1-2:34', { range: '4:1-4:33', message: /`# check=skip=`/ }], output: 'FROM a:1\nRUN true\nCMD x\n' },
    { name: 'CRLF and no final line break', code: 'FROM a:1\r\n# hadolint ignore=DL3020\r\nADD x /x', errors: ['2:1-2:25'], output: 'FROM a:1\r\nADD x /x' },
  ],
});
