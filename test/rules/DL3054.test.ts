import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3054-label-not-spdx';

const context = { settings: { labelSchema: { license: 'spdx', 'org.opencontainers.image.licenses': 'spdx' } } };

ruleTests(rule, {
  context,
  valid: [
    { name: 'identifier', code: 'FROM a:1\nLABEL license="BSD-3-Clause"\n' },
    { name: 'expressions', code: 'FROM a:1\nLABEL license="Apache-2.0 OR MIT"\nLABEL license="(MIT AND BSD-2-Clause) OR GPL-2.0-only WITH Classpath-exception-2.0"\n' },
    { name: 'or-later, deprecated and LicenseRef', code: 'FROM a:1\nLABEL license=GPL-2.0+\nLABEL license=GPL-2.0\nLABEL license=LicenseRef-Proprietary\n' },
    { name: 'ARG without a default', code: 'FROM a:1\nARG LIC\nLABEL license=$LIC\n' },
    { name: 'no schema', code: 'FROM a:1\nLABEL license="whatever"\n', context: {} },
  ],
  invalid: [
    { name: 'prose: range is the value', code: 'FROM a:1\nLABEL license="Apache 2"\n', errors: [{ range: '2:15-2:25', message: "Label 'license' is not an SPDX license expression: 'Apache 2': 'Apache' is not an SPDX license identifier" }], output: null },
    { name: 'unbalanced parenthesis', code: 'FROM a:1\nLABEL license="(MIT OR Apache-2.0"\n', errors: [{ range: '2:15-2:35', message: /not a well-formed license expression/ }], output: null },
    { name: 'characters no expression has', code: 'FROM a:1\nLABEL license="MIT; Apache-2.0"\n', errors: [{ range: '2:15-2:32', message: /characters/ }], output: null },
    { name: 'wrong letter case: safe fix keeps the quotes', code: 'FROM a:1\nLABEL license="apache-2.0 or mit"\n', errors: [{ range: '2:15-2:34', message: /write it as 'Apache-2.0 OR MIT'/ }], output: 'FROM a:1\nLABEL license="Apache-2.0 OR MIT"\n' },
    { name: 'wrong letter case unquoted', code: 'FROM a:1\nLABEL license=mit\n', errors: ['2:15-2:18'], output: 'FROM a:1\nLABEL license=MIT\n' },
    { name: 'through an ARG: no fix (the ARG is what to change)', code: 'FROM a:1\nARG LIC=mit\nLABEL license=$LIC\n', errors: [{ range: '3:15-3:19', message: /'\$LIC' \("mit"\)/ }], output: null },
  ],
});
