import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3051-label-empty';

const context = { settings: { labelSchema: { 'org.opencontainers.image.version': 'semver', maintainer: 'text' } } };

ruleTests(rule, {
  context,
  valid: [
    { name: 'values given', code: 'FROM a:1\nLABEL org.opencontainers.image.version="1.0.0" maintainer=me\n' },
    { name: 'empty label outside the schema', code: 'FROM a:1\nLABEL other=""\n' },
    { name: 'ARG without a default: unknown until build time', code: 'FROM a:1\nARG V\nLABEL org.opencontainers.image.version=$V\n' },
    { name: 'no schema', code: 'FROM a:1\nLABEL maintainer=""\n', context: {} },
  ],
  invalid: [
    { name: 'quoted empty: range is the pair', code: 'FROM a:1\nLABEL org.opencontainers.image.version=""\n', errors: [{ range: '2:7-2:42', message: "Label 'org.opencontainers.image.version' is empty; the label schema expects a value" }], output: null },
    { name: 'nothing after =', code: 'FROM a:1\nLABEL maintainer= org.opencontainers.image.version=1.0.0\n', errors: ['2:7-2:18'], output: null },
    { name: 'empty through an ARG', code: 'FROM a:1\nARG V=""\nLABEL maintainer="$V"\n', errors: [{ range: '3:7-3:22', message: /\('\$V' is empty\)/ }], output: null },
    { name: 'ONBUILD LABEL', code: 'FROM a:1\nONBUILD LABEL maintainer=""\n', errors: ['2:15-2:28'], output: null },
  ],
});
