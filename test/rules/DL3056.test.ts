import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3056-label-not-semver';

const context = { settings: { labelSchema: { version: 'semver', 'org.opencontainers.image.version': 'semver' } } };

ruleTests(rule, {
  context,
  valid: [
    { name: 'release', code: 'FROM a:1\nLABEL version="1.0.0"\n' },
    { name: 'pre-release and build', code: 'FROM a:1\nLABEL version=1.0.0-rc.1+build.5\nLABEL version=0.0.0-alpha-2.x.7\n' },
    { name: 'ARG without a default', code: 'FROM a:1\nARG VERSION\nLABEL version=$VERSION\n' },
    { name: 'ARG with a version', code: 'FROM a:1\nARG VERSION=2.3.4\nLABEL version=$VERSION\n' },
  ],
  invalid: [
    { name: 'prose: range is the value', code: 'FROM a:1\nLABEL version="latest build"\n', errors: [{ range: '2:15-2:29', message: "Label 'version' is not a semantic version: 'latest build': it needs MAJOR.MINOR.PATCH numbers without leading zeros" }], output: null },
    { name: 'leading v', code: 'FROM a:1\nLABEL version=v1.2.3\n', errors: [{ range: '2:15-2:21', message: /drop the leading 'v'/ }], output: null },
    { name: 'two numbers, leading zero', code: 'FROM a:1\nLABEL version=1.4\nLABEL version=1.04.0\n', errors: ['2:15-2:18', '3:15-3:21'], output: null },
    { name: 'bad pre-release and build parts', code: 'FROM a:1\nLABEL version=1.0.0-01\nLABEL version=1.0.0-rc..1\nLABEL version=1.0.0+\n', errors: [{ range: '2:15-2:23', message: /leading zero/ }, { range: '3:15-3:26', message: /pre-release/ }, { range: '4:15-4:21', message: /build part/ }], output: null },
  ],
});
