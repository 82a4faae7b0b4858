import { defineRule } from '../engine/rule';

// STUB: to be implemented.
export default defineRule({
  meta: {
    code: 'LW1002',
    name: 'unpinned-base-digest',
    aliases: [],
    severity: 'hint',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: { what: 'TODO', why: 'TODO', bad: 'TODO', good: 'TODO', fix: 'TODO' },
  },
  check() {
    return [];
  },
});
