import { defineRule } from '../engine/rule';

// STUB: to be implemented.
export default defineRule({
  meta: {
    code: 'DL3025',
    name: 'shell-form-cmd',
    aliases: ['JSONArgsRecommended'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: { what: 'TODO', why: 'TODO', bad: 'TODO', good: 'TODO', fix: 'TODO' },
  },
  check() {
    return [];
  },
});
