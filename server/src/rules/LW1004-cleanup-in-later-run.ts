import { defineRule } from '../engine/rule';

// STUB: to be implemented.
export default defineRule({
  meta: {
    code: 'LW1004',
    name: 'cleanup-in-later-run',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'none',
    docs: { what: 'TODO', why: 'TODO', bad: 'TODO', good: 'TODO', fix: 'TODO' },
  },
  check() {
    return [];
  },
});
