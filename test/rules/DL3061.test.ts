import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3061-instruction-before-from';

ruleTests(rule, {
  valid: [
    { name: 'FROM first', code: 'FROM alpine:3.20\nRUN true\n' },
    { name: 'directives, comments and ARGs first', code: '# syntax=docker/dockerfile:1\n# escape=\\\n\n# the base\nARG V=3.20\narg X\nFROM alpine:${V}\n' },
    { name: 'later stages are not checked', code: 'FROM alpine:3.20 AS a\nFROM a\nLABEL x=y\n' },
  ],
  invalid: [
    { name: 'LABEL first', code: 'LABEL a=b\nFROM alpine:3.20\n', errors: [{ range: '1:1-1:6', message: 'LABEL before the first FROM: only ARG may come before FROM' }], output: null },
    { name: 'after ARG, lower case', code: 'ARG A=1\nenv B=2\n  run true\nFROM alpine:3.20\nRUN x\n', errors: ['2:1-2:4', '3:3-3:6'] },
    { name: 'no FROM at all', code: 'RUN echo hi\n', errors: ['1:1-1:4'] },
  ],
});
