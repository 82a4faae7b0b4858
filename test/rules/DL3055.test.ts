import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3055-label-not-git-hash';

const context = { settings: { labelSchema: { revision: 'hash', 'org.opencontainers.image.revision': 'hash' } } };
const full = '3f2a9c1d5e7b8a0c4d6e2f1a9b8c7d6e5f4a3b2c';

ruleTests(rule, {
  context,
  valid: [
    { name: 'full SHA-1', code: `FROM a:1\nLABEL revision="${full}"\n` },
    { name: 'abbreviated, 7 and 12 digits', code: 'FROM a:1\nLABEL revision=3f2a9c1\nLABEL revision=3f2a9c1d5e7b\n' },
    { name: 'SHA-256 repository', code: `FROM a:1\nLABEL revision=${full}${'0'.repeat(24)}\n` },
    { name: 'ARG without a default', code: 'FROM a:1\nARG REVISION\nLABEL revision=${REVISION}\n' },
  ],
  invalid: [
    { name: 'branch name: range is the value', code: 'FROM a:1\nLABEL revision="main"\n', errors: [{ range: '2:16-2:22', message: "Label 'revision' is not a git commit hash: 'main': it is not hexadecimal" }], output: null },
    { name: 'too short', code: 'FROM a:1\nLABEL revision=abc123\n', errors: [{ range: '2:16-2:22', message: /6 digits/ }], output: null },
    { name: 'between SHA-1 and SHA-256 lengths', code: `FROM a:1\nLABEL revision=${full}ab\n`, errors: ['2:16-2:58'], output: null },
    { name: 'default of an ARG', code: 'FROM a:1\nARG REVISION=unknown\nLABEL revision=$REVISION\n', errors: [{ range: '3:16-3:25', message: /'\$REVISION' \("unknown"\)/ }], output: null },
  ],
});
