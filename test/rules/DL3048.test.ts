import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3048-invalid-label-key';

ruleTests(rule, {
  valid: [
    { name: 'reverse-DNS and plain keys', code: 'FROM a:1\nLABEL org.opencontainers.image.source="x" version="1" com.example.team-2=x\n' },
    { name: 'legacy form', code: 'FROM a:1\nLABEL description some words here\n' },
    { name: 'key from an ARG with a good value', code: 'FROM a:1\nARG K=com.example.x\nLABEL ${K}=1\n' },
    { name: 'key from an ARG without a value is not judged', code: 'FROM a:1\nARG K\nLABEL ${K}=1\n' },
    { name: 'not a LABEL', code: 'FROM a:1\nENV Foo_Bar=1\nARG Baz=2\n' },
  ],
  invalid: [
    { name: 'upper case: range is the key', code: 'FROM a:1\nLABEL Maintainer="x"\n', errors: [{ range: '2:7-2:17', message: "Label key 'Maintainer' does not follow Docker's key format: use lower-case letters only" }], output: null },
    { name: 'reserved namespaces', code: 'FROM a:1\nLABEL com.docker.x=1 io.docker.y=2 org.dockerproject.z=3\n', errors: [{ range: '2:7-2:19', message: /com\.docker namespace is reserved/ }, '2:22-2:33', '2:36-2:55'], output: null },
    { name: 'bad characters, start and end', code: 'FROM a:1\nLABEL a_b=1 1abc=2 abc-=3 .abc=4\n', errors: [{ range: '2:7-2:10', message: /'_' is not allowed/ }, { range: '2:13-2:17', message: /start with a lower-case letter/ }, { range: '2:20-2:24', message: /end with a letter or a digit/ }, '2:27-2:31'], output: null },
    { name: 'consecutive separators', code: 'FROM a:1\nLABEL a..b=1 a--b=2 a.-b=3\n', errors: [{ range: '2:7-2:11', message: /consecutive/ }, '2:14-2:18'], output: null },
    { name: 'quoted key and legacy form', code: 'FROM a:1\nLABEL "My Key"="v"\nLABEL Author someone\n', errors: ['2:7-2:15', '3:7-3:13'], output: null },
    { name: 'key from an ARG', code: 'FROM a:1\nARG K=Bad\nLABEL $K=1\n', errors: [{ range: '3:7-3:9', message: /'Bad'/ }], output: null },
    { name: 'ONBUILD LABEL', code: 'FROM a:1\nONBUILD LABEL Bad=1\n', errors: ['2:15-2:18'], output: null },
    { name: 'every stage', code: 'FROM a:1 AS b\nLABEL X=1\nFROM b\nLABEL Y=1\n', errors: ['2:7-2:8', '4:7-4:8'], output: null },
  ],
});
