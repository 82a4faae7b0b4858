import { defineRule } from '../engine/rule';

// STUB: to be implemented.
export default defineRule({
  meta: {
    code: 'LW1003',
    name: 'context-copied-before-install',
    aliases: [],
    severity: 'info',
    category: 'cache',
    enabledByDefault: true,
    fixable: 'none',
    docs: { what: 'TODO', why: 'TODO', bad: 'TODO', good: 'TODO', fix: 'TODO' },
  },
  check() {
    return [];
  },
});
