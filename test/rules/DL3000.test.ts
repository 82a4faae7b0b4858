import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3000-relative-workdir';

ruleTests(rule, {
  valid: [
    { name: 'absolute', code: 'FROM alpine:3.20\nWORKDIR /usr/src/app\n' },
    { name: 'root', code: 'FROM alpine:3.20\nWORKDIR /\n' },
    { name: 'quoted absolute', code: 'FROM alpine:3.20\nWORKDIR "/opt/my app"\n' },
    { name: 'ENV holding an absolute path', code: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nWORKDIR ${APP_HOME}/bin\n' },
    { name: 'ARG default absolute', code: 'FROM alpine:3.20\nARG DIR=/work\nWORKDIR $DIR\n' },
    { name: 'variable with no known value', code: 'FROM alpine:3.20\nARG DIR\nWORKDIR $DIR\n' },
    { name: 'variable from the base image', code: 'FROM alpine:3.20\nWORKDIR $HOME/app\n' },
    { name: 'windows drive path', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n' },
    { name: 'windows forward slashes', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:/app\n' },
    { name: 'global ARG not redeclared in the stage is not visible, unknown value', code: 'ARG DIR=app\nFROM alpine:3.20\nWORKDIR $DIR\n' },
  ],
  invalid: [
    {
      name: 'relative, no earlier WORKDIR: suggestion assumes /',
      code: 'FROM alpine:3.20\nWORKDIR app\n',
      errors: [{ range: '2:9-2:12', message: "WORKDIR 'app' is relative to the previous working directory; use an absolute path" }],
      output: 'FROM alpine:3.20\nWORKDIR /app\n',
    },
    {
      name: 'relative after an absolute WORKDIR: exact path',
      code: 'FROM alpine:3.20\nWORKDIR /srv\nWORKDIR ./app/../web\n',
      errors: ['3:9-3:21'],
      output: 'FROM alpine:3.20\nWORKDIR /srv\nWORKDIR /srv/web\n',
    },
    {
      name: 'chain of relative WORKDIRs',
      code: 'FROM alpine:3.20\nworkdir /srv\nworkdir a\nworkdir b\n',
      errors: ['3:9-3:10', '4:9-4:10'],
      output: 'FROM alpine:3.20\nworkdir /srv\nworkdir /srv/a\nworkdir /srv/a/b\n',
    },
    {
      name: 'ARG-resolved relative value keeps the variable',
      code: 'FROM alpine:3.20\nWORKDIR /srv\nARG DIR=app\nWORKDIR $DIR\n',
      errors: [{ range: '4:9-4:13', message: /'\$DIR' \(app\)/ }],
      output: 'FROM alpine:3.20\nWORKDIR /srv\nARG DIR=app\nWORKDIR /srv/$DIR\n',
    },
    {
      name: 'global ARG redeclared in the stage',
      code: 'ARG DIR=app\nFROM alpine:3.20\nARG DIR\nWORKDIR ${DIR}\n',
      errors: ['4:9-4:15'],
      output: 'ARG DIR=app\nFROM alpine:3.20\nARG DIR\nWORKDIR /${DIR}\n',
    },
    {
      name: 'quoted relative path with a space',
      code: 'FROM alpine:3.20\nWORKDIR "my app"\n',
      errors: ['2:9-2:17'],
      output: 'FROM alpine:3.20\nWORKDIR "/my app"\n',
    },
    {
      name: 'inherits the WORKDIR of the stage it builds on',
      code: 'FROM alpine:3.20 AS base\nWORKDIR /opt\nFROM base\nWORKDIR tool\n',
      errors: ['4:9-4:13'],
      output: 'FROM alpine:3.20 AS base\nWORKDIR /opt\nFROM base\nWORKDIR /opt/tool\n',
    },
    {
      name: 'a WORKDIR in another, unrelated stage does not count',
      code: 'FROM alpine:3.20 AS a\nWORKDIR /opt\nFROM alpine:3.20\nWORKDIR tool\n',
      errors: ['4:9-4:13'],
      output: 'FROM alpine:3.20 AS a\nWORKDIR /opt\nFROM alpine:3.20\nWORKDIR /tool\n',
    },
    {
      name: 'after a WORKDIR from a variable: only a suggestion',
      code: 'FROM alpine:3.20\nENV B=/x\nWORKDIR $B\nWORKDIR y\n',
      errors: ['4:9-4:10'],
      output: 'FROM alpine:3.20\nENV B=/x\nWORKDIR $B\nWORKDIR /y\n',
    },
    {
      name: 'windows Dockerfile: flagged, no fix',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR app\n',
      errors: ['3:9-3:12'],
      output: null,
    },
  ],
});
