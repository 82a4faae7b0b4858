import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1106-undefined-var';

ruleTests(rule, {
  valid: [
    { name: 'declared ARG', code: 'FROM alpine\nARG SRC\nCOPY $SRC /app/\n' },
    { name: 'earlier ENV and PATH', code: 'FROM alpine\nENV APP=/app\nWORKDIR ${APP}/src\nENV PATH=$PATH:$APP/bin\n' },
    { name: 'shell-form RUN is not checked', code: 'FROM alpine\nRUN echo $HOME $UNDEFINED\nCMD echo $X\n' },
    { name: 'ENV inherited from a base stage', code: 'FROM alpine AS base\nENV ROOT=/r\nFROM base\nWORKDIR $ROOT\n' },
    { name: 'official image ENV', code: 'FROM python:3.12-slim\nLABEL py=$PYTHON_VERSION\nFROM eclipse-temurin:21\nENV PATH=$JAVA_HOME/bin:$PATH\n' },
    { name: 'default / alternative modifiers', code: 'FROM alpine\nWORKDIR ${DIR:-/app}\nLABEL a=${A:+x}\n' },
    { name: 'single quotes and escaped dollar', code: "FROM alpine\nLABEL a='$NOPE' b=\\$ALSO\n" },
    { name: 'unknown base image: no typo, not reported', code: 'FROM nvidia/cuda:12.4.1-base-ubuntu22.04\nENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/opt/lib\n' },
    { name: 'global ARG default from an earlier global ARG', code: 'ARG A=1\nARG B=$A\nFROM alpine\n' },
  ],
  invalid: [
    {
      name: 'undefined in COPY, global ARG not re-declared in the stage',
      code: 'ARG SRC=dist\nFROM alpine\nCOPY $SRC /app/\n',
      errors: [{ range: '3:7-3:10', message: "'$SRC' is not defined by an ARG or ENV before this COPY; Docker substitutes an empty string" }],
      output: null,
    },
    {
      name: 'typo of PATH, suggestion',
      code: 'FROM alpine\nENV PATH=$PAHT:/opt/bin\n',
      errors: [{ range: '2:11-2:15', message: /did you mean '\$PATH'/ }],
      output: 'FROM alpine\nENV PATH=$PATH:/opt/bin\n',
    },
    {
      name: 'ENV sees values from before itself; ARG default; flags; exec-form COPY',
      code: 'FROM alpine\nENV A=1 B=$A\nARG V=$NOPE\nCOPY --chown=$OWNER [ "x", "/y" ]\nVOLUME ["$DATA"]\n',
      errors: ['2:12-2:13', '3:8-3:12', '4:15-4:20', '5:11-5:15'],
      output: null,
    },
    {
      name: 'unknown base image: typo of a declared name is reported',
      code: 'FROM example.com/base:1\nARG APP_HOME=/app\nWORKDIR $APP_HOEM\n',
      errors: ['3:10-3:18'],
      output: 'FROM example.com/base:1\nARG APP_HOME=/app\nWORKDIR $APP_HOME\n',
    },
    {
      name: 'CRLF, continuation',
      code: 'FROM alpine\r\nLABEL a=1 \\\r\n  b=$MISSING\r\n',
      errors: ['3:6-3:13'],
      output: null,
    },
    {
      name: 'escape=` file: `$ is literal',
      code: '# escape=`\nFROM alpine\nLABEL a=`$LIT b=$MISSING\n',
      errors: ['3:18-3:25'],
      output: null,
    },
  ],
});
