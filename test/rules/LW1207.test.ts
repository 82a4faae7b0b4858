import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1207-run-security-insecure';

const F = 'FROM debian:12\n';
ruleTests(rule, {
  valid: [
    { name: 'sandbox', code: F + 'RUN --security=sandbox make\n' },
    { name: 'no flag', code: F + 'RUN --network=none make\n' },
    { name: 'in the command, not a flag', code: F + 'RUN echo --security=insecure\n' },
  ],
  invalid: [
    { name: 'insecure', code: F + 'RUN --security=insecure make\n', errors: [{ range: '2:5-2:24', message: /without the build sandbox/ }], output: F + 'RUN make\n' },
    { name: 'with other flags, any case', code: F + 'run --mount=type=cache,target=/c --security=INSECURE make\n', errors: ['2:34-2:53'], output: F + 'run --mount=type=cache,target=/c make\n' },
  ],
});
