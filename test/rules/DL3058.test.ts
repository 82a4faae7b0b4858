import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3058-label-not-email';

const context = { settings: { labelSchema: { maintainer: 'email' } } };

ruleTests(rule, {
  context,
  valid: [
    { name: 'address', code: 'FROM a:1\nLABEL maintainer="jane.doe+docker@example.com"\n' },
    { name: 'with a display name', code: 'FROM a:1\nLABEL maintainer="Jane Doe <jane@example.com>"\nLABEL maintainer=\'"Doe, Jane" <jane@example.com>\'\n' },
    { name: 'quoted local part and address literal', code: 'FROM a:1\nLABEL maintainer=\'"jane doe"@example.com\'\nLABEL maintainer=ops@[192.0.2.1]\n' },
    { name: 'ARG without a default', code: 'FROM a:1\nARG MAINTAINER\nLABEL maintainer=$MAINTAINER\n' },
  ],
  invalid: [
    { name: 'a name: range is the value', code: 'FROM a:1\nLABEL maintainer="Platform team"\n', errors: [{ range: '2:18-2:33', message: "Label 'maintainer' is not an e-mail address: 'Platform team': it needs the form name@domain" }], output: null },
    { name: 'bad domain', code: 'FROM a:1\nLABEL maintainer=ops@example..com\n', errors: [{ range: '2:18-2:34', message: /domain is not a host name/ }], output: null },
    { name: 'bad local part', code: 'FROM a:1\nLABEL maintainer="ops(x)@example.com"\n', errors: [{ range: '2:18-2:38', message: /before @/ }], output: null },
    { name: 'display name with a comma, unquoted', code: 'FROM a:1\nLABEL maintainer="Doe, Jane <jane@example.com>"\n', errors: [{ range: '2:18-2:48', message: /display name needs quotes/ }], output: null },
  ],
});
