import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1101-stage-name-casing';

ruleTests(rule, {
  valid: [
    { name: 'lower-case name', code: 'FROM alpine:3.20 AS build-base\nRUN true\n' },
    { name: 'no name', code: 'FROM alpine:3.20\n' },
    { name: 'upper-case image, lower-case name', code: 'FROM Registry.example/ALPINE AS base\n' },
    { name: 'name with digits and dots', code: 'FROM alpine:3.20 AS v1.2_x\n' },
  ],
  invalid: [
    {
      name: 'mixed case, referenced from FROM, COPY --from and RUN --mount',
      code: 'FROM alpine:3.20 AS BuilderBase\nRUN true\nFROM BuilderBase AS Out\nCOPY --from=BUILDERBASE /a /b\nRUN --mount=type=bind,from=builderBase,target=/x ls /x\n',
      errors: [{ range: '1:21-1:32', message: "Stage name 'BuilderBase' should be lower case ('builderbase')" }, '3:21-3:24'],
      output: 'FROM alpine:3.20 AS builderbase\nRUN true\nFROM builderbase AS out\nCOPY --from=builderbase /a /b\nRUN --mount=type=bind,from=builderbase,target=/x ls /x\n',
    },
    {
      name: 'lower-case AS keyword, numeric and external --from untouched',
      code: 'from node:22 as Web\ncopy --from=0 /a /a\ncopy --from=nginx:1 /b /b\ncopy --from=web /c /c\n',
      errors: ['1:17-1:20'],
      output: 'from node:22 as web\ncopy --from=0 /a /a\ncopy --from=nginx:1 /b /b\ncopy --from=web /c /c\n',
    },
    {
      name: 'a reference before the stage is an image, not the stage',
      code: 'FROM App AS base\nFROM alpine AS App\n',
      errors: ['2:16-2:19'],
      output: 'FROM App AS base\nFROM alpine AS app\n',
    },
    {
      name: 'CRLF line endings',
      code: 'FROM alpine AS Build\r\nRUN true\r\nFROM scratch\r\nCOPY --from=Build /x /x\r\n',
      errors: ['1:16-1:21'],
      output: 'FROM alpine AS build\r\nRUN true\r\nFROM scratch\r\nCOPY --from=build /x /x\r\n',
    },
    {
      name: 'escape=` file',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS Build\nRUN dir `\n  c:\\\nFROM Build\n',
      errors: ['2:55-2:60'],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build\nRUN dir `\n  c:\\\nFROM build\n',
    },
  ],
});
