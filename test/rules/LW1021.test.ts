import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1021-major-only-tag';

ruleTests(rule, {
  valid: [
    { name: 'full versions', code: 'FROM node:20.17.0-bookworm-slim\nFROM python:3.12.5\nFROM golang:1.22.6-alpine3.20\n' },
    { name: 'major.minor is not flagged', code: 'FROM python:3.12-slim\nFROM ubuntu:22.04\n' },
    { name: 'digest pins the content', code: 'FROM node:20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'untagged and latest are other rules', code: 'FROM node\nFROM node:latest\n' },
    { name: 'named tags, dates and build numbers', code: 'FROM node:lts-alpine\nFROM debian:bookworm\nFROM ubuntu:20240101\nFROM app:1234\n' },
    { name: 'scratch and stages', code: 'FROM node:20.17.0 AS build\nFROM build\nFROM scratch\n' },
    { name: 'ARG without a value', code: 'ARG TAG\nFROM node:${TAG}\n' },
    { name: 'registry port is not a tag', code: 'FROM localhost:5000/app\n' },
  ],
  invalid: [
    { name: 'major only: range is the tag', code: 'FROM node:20\n', errors: [{ range: '1:11-1:13', message: "Tag '20' of 'node' names only major version 20: it moves to every new minor and patch release; pin a full version (such as node:20.x.y)" }], output: null },
    { name: 'variants do not hide it', code: 'FROM python:3-slim\nFROM golang:1-alpine3.20 AS b\nFROM eclipse-temurin:21-jre\n', errors: ['1:13-1:19', '2:13-2:25', '3:22-3:28'], output: null },
    { name: 'leading v, registry and port', code: 'FROM registry.example.com:5000/team/traefik:v3\n', errors: [{ range: '1:45-1:47', message: /'registry\.example\.com:5000\/team\/traefik' names only major version v3.*traefik:3\.x\.y/ }], output: null },
    { name: 'through an ARG: range is the image word', code: 'ARG NODE=20\nFROM node:${NODE}-alpine\n', errors: [{ range: '2:6-2:25', message: /'node:\$\{NODE\}-alpine' resolves to 'node:20-alpine'/ }], output: null },
  ],
});
