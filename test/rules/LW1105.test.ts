import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1105-undefined-arg-in-from';

ruleTests(rule, {
  valid: [
    { name: 'declared global ARG', code: 'ARG TAG=3.20\nFROM alpine:${TAG}\n' },
    { name: 'declared without default', code: 'ARG VARIANT\nFROM node:22${VARIANT}\n' },
    { name: 'platform ARGs', code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM alpine-${TARGETARCH}:1\n' },
    { name: 'no variables', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'undeclared, fix declares it',
      code: 'FROM node:22${VARIANT} AS js\n',
      errors: [{ range: '1:15-1:22', message: "FROM uses 'VARIANT', which is not declared by an ARG before the first FROM" }],
      output: 'ARG VARIANT\nFROM node:22${VARIANT} AS js\n',
    },
    {
      name: 'ARG inside a stage does not count for the next FROM',
      code: 'FROM alpine\nARG BASE=debian\nFROM $BASE\n',
      errors: ['3:7-3:11'],
      output: 'ARG BASE\nFROM alpine\nARG BASE=debian\nFROM $BASE\n',
    },
    {
      name: 'typo of a platform ARG',
      code: 'FROM --platform=$BUILDPLATFOM golang:1.23\n',
      errors: [{ range: '1:18-1:30', message: /did you mean 'BUILDPLATFORM'/ }],
      output: 'FROM --platform=$BUILDPLATFORM golang:1.23\n',
    },
    {
      name: 'case typo of a declared ARG, with default',
      code: 'ARG NODE_VERSION=22\nFROM node:${node_version:-20}\n',
      errors: ['2:13-2:25'],
      output: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION:-20}\n',
    },
    {
      name: 'lower-case file, CRLF',
      code: 'from alpine:$TAG\r\n',
      errors: ['1:14-1:17'],
      output: 'arg TAG\r\nfrom alpine:$TAG\r\n',
    },
    {
      name: 'escape=` file',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:$WIN `\n  AS base\n',
      errors: ['2:44-2:47'],
      output: '# escape=`\nARG WIN\nFROM mcr.microsoft.com/windows/servercore:$WIN `\n  AS base\n',
    },
  ],
});
