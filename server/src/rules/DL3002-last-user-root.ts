import { defineRule } from '../engine/rule';

// STUB: to be implemented.
export default defineRule({
  meta: {
    code: 'DL3002',
    name: 'last-user-root',
    aliases: ['CKV_DOCKER_8'],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: { what: 'TODO', why: 'TODO', bad: 'TODO', good: 'TODO', fix: 'TODO' },
  },
  check() {
    return [];
  },
});
