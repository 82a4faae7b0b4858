import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1102-from-as-casing';

ruleTests(rule, {
  valid: [
    { name: 'both upper', code: 'FROM debian:12 AS base\n' },
    { name: 'both lower', code: 'from debian:12 as base\n' },
    { name: 'no stage name', code: 'FROM debian:12\n' },
    { name: 'mixed-case FROM is another rule', code: 'From debian:12 as base\n' },
  ],
  invalid: [
    { name: 'upper FROM, lower as', code: 'FROM debian:12 as base\n', errors: [{ range: '1:16-1:18', message: "'as' does not match the case of 'FROM'; write 'AS'" }], output: 'FROM debian:12 AS base\n' },
    { name: 'lower from, upper AS', code: 'from debian:12 AS base\n', errors: ['1:16-1:18'], output: 'from debian:12 as base\n' },
    { name: 'mixed As, with --platform', code: 'FROM --platform=$BUILDPLATFORM golang:1.23 As build\n', errors: ['1:44-1:46'], output: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n' },
    { name: 'CRLF, two stages', code: 'FROM a:1 as x\r\nFROM b:1 aS y\r\n', errors: ['1:10-1:12', '2:10-2:12'], output: 'FROM a:1 AS x\r\nFROM b:1 AS y\r\n' },
    { name: 'escape=` file, continuation before AS', code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022 `\n  as base\n', errors: ['3:3-3:5'], output: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022 `\n  AS base\n' },
  ],
});
