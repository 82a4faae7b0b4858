import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1111-invalid-definition-description';

ruleTests(rule, {
  valid: [
    { name: 'descriptions start with the name', code: '# base is the stage that compiles\nFROM scratch AS base\n# VERSION is the release\nARG VERSION=1\n' },
    { name: 'blank line separates the comment', code: '# a note\n\nFROM scratch AS base\n# note\n\nARG VERSION=1\n' },
    { name: 'unnamed stage and other instructions', code: '# anything\nFROM alpine\n# anything\nRUN true\n' },
    { name: 'suppression comment only', code: '# hadolint ignore=DL3006\nFROM alpine AS base\n' },
    { name: 'stage names compare without case', code: '# Base image\nFROM alpine AS base\n' },
    { name: 'second of two ARG names', code: '# B is b\nARG A B\n' },
  ],
  invalid: [
    {
      name: 'FROM and ARG with unrelated comments',
      code: '# a non-descriptive comment\nFROM scratch AS base\n# another one\nARG VERSION=1\n',
      errors: [
        { range: '1:3-1:28', message: "Comment directly above stage 'base' is read as its description but does not start with 'base'; start it with the name or separate it with a blank line" },
        '3:3-3:14',
      ],
      output: '# a non-descriptive comment\n\nFROM scratch AS base\n# another one\n\nARG VERSION=1\n',
    },
    {
      name: 'block: the first line counts',
      code: '# install things\n# VERSION is the release\nARG VERSION=1\n',
      errors: ['1:3-1:17'],
      output: '# install things\n\n# VERSION is the release\nARG VERSION=1\n',
    },
    { name: 'suppression comment stays attached', code: '# old comment\n# hadolint ignore=DL3006\nFROM alpine AS base\n', errors: ['1:3-1:14'], output: '# old comment\n\n# hadolint ignore=DL3006\nFROM alpine AS base\n' },
    { name: 'suppression comment above the unrelated one: no fix', code: '# hadolint ignore=DL3006\n# old comment\nFROM alpine AS base\n', errors: ['2:3-2:14'], output: null },
    { name: 'same, not on the first line', code: 'FROM alpine\n# layerwise ignore=DL3006\n# old comment\nFROM alpine AS base\n', errors: ['3:3-3:14'], output: null },
    { name: 'CRLF', code: 'FROM alpine\r\n# the tag\r\nARG TAG=1\r\n', errors: ['2:3-2:10'], output: 'FROM alpine\r\n# the tag\r\n\r\nARG TAG=1\r\n' },
    { name: 'escape=` file', code: '# escape=`\n# pick one\nARG WIN=ltsc2022\n', errors: ['2:3-2:11'], output: '# escape=`\n# pick one\n\nARG WIN=ltsc2022\n' },
  ],
});
