import { defineRule } from '../engine/rule';

// STUB: to be implemented.
export default defineRule({
  meta: {
    code: 'LW1001',
    name: 'missing-user',
    aliases: ['DS-0002', 'DS002', 'CKV_DOCKER_3'],
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
