import { defineRule } from '../engine/rule';

// STUB: to be implemented.
export default defineRule({
  meta: {
    code: 'DL3015',
    name: 'apt-get-recommends',
    aliases: ['DS-0029'],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'always',
    docs: { what: 'TODO', why: 'TODO', bad: 'TODO', good: 'TODO', fix: 'TODO' },
  },
  check() {
    return [];
  },
});
