import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3065-redundant-target-platform';

ruleTests(rule, {
  valid: [
    { name: 'no flag', code: 'FROM alpine:3.20\n' },
    { name: 'build platform', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
    { name: 'constant platform is DL3029\'s business', code: 'FROM --platform=linux/amd64 alpine:3.20\n' },
    { name: 'TARGETPLATFORM inside a longer value', code: 'FROM --platform=${TARGETPLATFORM:+linux/amd64} alpine:3.20\n' },
    { name: 'global ARG overrides the default', code: 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'plain',
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS base\n',
      errors: [{ range: '1:6-1:32', message: 'FROM --platform=$TARGETPLATFORM is redundant: the target platform is the default' }],
      output: 'FROM alpine:3.20 AS base\n',
    },
    { name: 'braces, lower case keyword', code: 'from --platform=${TARGETPLATFORM} alpine:3.20\n', errors: ['1:6-1:34'], output: 'from alpine:3.20\n' },
    { name: 'quoted', code: 'FROM --platform="$TARGETPLATFORM" alpine:3.20\n', errors: ['1:6-1:34'], output: 'FROM alpine:3.20\n' },
    { name: 'with a default', code: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n', errors: ['1:6-1:47'], output: 'FROM alpine:3.20\n' },
    {
      name: 'multi-stage: only the redundant one',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=$TARGETPLATFORM   alpine:3.20\nCOPY --from=build /out /out\n',
      errors: ['2:6-2:32'],
      output: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out /out\n',
    },
  ],
});
