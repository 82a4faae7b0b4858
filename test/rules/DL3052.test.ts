import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3052-label-not-url';

const context = { settings: { labelSchema: { 'org.opencontainers.image.source': 'url', other: 'text' } } };
const L = 'LABEL org.opencontainers.image.source=';

ruleTests(rule, {
  context,
  valid: [
    { name: 'https URL', code: `FROM a:1\n${L}"https://github.com/example/app"\n` },
    { name: 'other schemes', code: `FROM a:1\n${L}git://example.com/r.git\nLABEL org.opencontainers.image.source=mailto:a@b.example\n` },
    { name: 'from an ARG with a URL', code: `FROM a:1\nARG U=https://example.com/x\n${L}$U\n` },
    { name: 'from an ARG without a value', code: `FROM a:1\nARG U\n${L}\${U}\n` },
    { name: 'empty is DL3051', code: `FROM a:1\n${L}""\n` },
    { name: 'labels of other types', code: 'FROM a:1\nLABEL other="not a url"\n' },
    { name: 'no schema', code: `FROM a:1\n${L}nope\n`, context: {} },
  ],
  invalid: [
    { name: 'no scheme: range is the value', code: `FROM a:1\n${L}"github.com/example/app"\n`, errors: [{ range: '2:39-2:63', message: "Label 'org.opencontainers.image.source' is not a valid URL: 'github.com/example/app': it has no scheme (such as https://)" }], output: null },
    { name: 'white space', code: `FROM a:1\n${L}"https://example.com/a b"\n`, errors: [{ range: '2:39-2:64', message: /white space/ }], output: null },
    { name: 'http without //', code: `FROM a:1\n${L}http:/example.com\n`, errors: [{ range: '2:39-2:56', message: /not followed by/ }], output: null },
    { name: 'https without a host', code: `FROM a:1\n${L}https://\n`, errors: ['2:39-2:47'], output: null },
    { name: 'through an ARG: both shown', code: `FROM a:1\nARG U=example.com\n${L}$U\n`, errors: [{ range: '3:39-3:41', message: /'\$U' \("example\.com"\)/ }], output: null },
    { name: 'ONBUILD and every stage', code: `FROM a:1 AS b\n${L}x\nFROM b\nONBUILD ${L}y\n`, errors: ['2:39-2:40', '4:47-4:48'], output: null },
  ],
});
