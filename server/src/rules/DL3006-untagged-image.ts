import { defineRule } from '../engine/rule';

// STUB: to be implemented.
export default defineRule({
  meta: {
    code: 'DL3006',
    name: 'untagged-image',
    aliases: ['CKV_DOCKER_7'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: { what: 'TODO', why: 'TODO', bad: 'TODO', good: 'TODO', fix: 'TODO' },
  },
  check() {
    return [];
  },
});
