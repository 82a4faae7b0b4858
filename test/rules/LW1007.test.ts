import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1007-full-base-image';

ruleTests(rule, {
  valid: [
    { name: 'slim', code: 'FROM python:3.12-slim-bookworm\nCMD ["python"]\n' },
    { name: 'alpine', code: 'FROM node:20-alpine\nCMD ["node"]\n' },
    { name: 'JRE', code: 'FROM eclipse-temurin:21-jre-jammy\nCMD ["java"]\n' },
    { name: 'full image only in a build stage', code: 'FROM python:3.12 AS build\nRUN pip wheel -w /w x\nFROM python:3.12-slim\nCOPY --from=build /w /w\n' },
    { name: 'the final image compiles: LW1005 first', code: 'FROM node:20\nCOPY . .\nRUN npm run build\n' },
    { name: 'an image without a slim variant', code: 'FROM ubuntu:24.04\n' },
    { name: 'unknown ARG', code: 'ARG IMG\nFROM ${IMG}\n' },
    { name: 'untagged and latest are DL3006/DL3007\'s', code: 'FROM node\nFROM python:latest\n' },
  ],
  invalid: [
    {
      name: 'python',
      code: 'FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/app.py"]\n',
      errors: [{ range: '1:6-1:17', message: 'The final image is based on python:3.12, the full Debian variant with compilers and build tools: python:3.12-slim runs most applications in a fraction of the size (unless it needs them at run time)' }],
      output: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/app.py"]\n',
    },
    { name: 'python with a codename', code: 'FROM python:3.12.4-bookworm\n', errors: ['1:6-1:28'], output: 'FROM python:3.12.4-slim-bookworm\n' },
    { name: 'node with a codename', code: 'FROM node:20-bookworm AS base\nFROM base\nCMD ["node"]\n', errors: ['1:6-1:22'], output: 'FROM node:20-bookworm-slim AS base\nFROM base\nCMD ["node"]\n' },
    { name: 'debian', code: 'FROM docker.io/library/debian:bookworm\n', errors: ['1:6-1:39'], output: 'FROM docker.io/library/debian:bookworm-slim\n' },
    { name: 'temurin JDK', code: 'FROM eclipse-temurin:21-jdk-jammy\n', errors: [{ range: '1:6-1:34', message: /a JDK with the compiler.*eclipse-temurin:21-jre-jammy/ }], output: 'FROM eclipse-temurin:21-jre-jammy\n' },
    { name: 'openjdk', code: 'FROM openjdk:17\n', errors: ['1:6-1:16'], output: 'FROM eclipse-temurin:17-jre\n' },
    { name: 'ARG: no fix', code: 'ARG V=3.3\nFROM ruby:${V}\n', errors: [{ range: '2:6-2:15', message: /ruby:3.3-slim/ }], output: null },
    { name: 'digest: no fix', code: 'FROM node:20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', errors: ['1:6-1:85'], output: null },
  ],
});
