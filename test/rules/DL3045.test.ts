import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3045-copy-relative-destination';

ruleTests(rule, {
  valid: [
    { name: 'WORKDIR first', code: 'FROM node:20\nWORKDIR /app\nCOPY . .\n' },
    { name: 'absolute destination', code: 'FROM node:20\nCOPY . /app/\nCOPY a "/b"\n' },
    { name: 'Windows destination', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a C:\\app\\\nCOPY b c:/x\n' },
    { name: 'WORKDIR in the base stage', code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'variable resolving to an absolute path', code: 'FROM node:20\nARG DEST=/srv\nCOPY . $DEST\n' },
    { name: 'unknown variable', code: 'FROM node:20\nARG DEST\nCOPY . ${DEST}\n' },
    { name: 'ADD is not checked', code: 'FROM node:20\nADD x.tar.gz .\n' },
  ],
  invalid: [
    {
      name: 'COPY . .',
      code: 'FROM node:20\nCOPY . .\nWORKDIR /app\nCOPY x .\n',
      errors: [{ range: '2:8-2:9', message: "COPY to the relative destination . without a WORKDIR: it is resolved against the base image's working directory" }],
      output: 'FROM node:20\nCOPY . /\nWORKDIR /app\nCOPY x .\n',
    },
    { name: './app and lower case', code: 'FROM node:20\ncopy --chown=1:1 a b ./app/\n', errors: ['2:22-2:28'], output: 'FROM node:20\ncopy --chown=1:1 a b /app/\n' },
    { name: 'exec form', code: 'FROM node:20\nCOPY ["a", "app"]\n', errors: ['2:12-2:17'], output: 'FROM node:20\nCOPY ["a", "/app"]\n' },
    { name: 'quoted: no fix', code: "FROM node:20\nCOPY a 'app'\n", errors: ['2:8-2:13'], output: null },
    { name: 'resolved ENV, second stage without WORKDIR', code: 'FROM node:20 AS a\nWORKDIR /w\nFROM node:20\nENV D=app\nCOPY --from=a /w/out $D\n', errors: ['5:22-5:24'], output: null },
  ],
});
