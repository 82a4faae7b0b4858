// Base-image classification (image.ts): what the seed-practice rules LW1005–LW1011 build on.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MULTI_STAGE_SNIPPETS, buildToolchain, classifyImage, imageShipsProgram, officialImageName } from '../../server/src/engine/image';

const ref = (image: string) => buildModel(`FROM ${image}\n`).stages[0].image;

describe('image classification', () => {
  before(() => initEngine());

  it('names official images however they are written', () => {
    assert.equal(officialImageName(ref('node:20')), 'node');
    assert.equal(officialImageName(ref('library/node:20')), 'node');
    assert.equal(officialImageName(ref('docker.io/library/python:3.12')), 'python');
    assert.equal(officialImageName(ref('public.ecr.aws/docker/library/golang:1.22')), 'golang');
    assert.equal(officialImageName(ref('bitnami/node:20')), null);
    assert.equal(officialImageName(ref('ghcr.io/acme/node:20')), null);
  });

  it('sorts images into scratch, distroless, sdk, full, slim and unknown', () => {
    const kinds: [string, string][] = [
      ['scratch', 'scratch'],
      ['gcr.io/distroless/static-debian12:nonroot', 'distroless'],
      ['gcr.io/distroless/base-debian12:debug', 'slim'],
      ['cgr.dev/chainguard/static:latest', 'distroless'],
      ['golang:1.22-alpine', 'sdk'],
      ['maven:3.9-eclipse-temurin-21-alpine', 'sdk'],
      ['mcr.microsoft.com/dotnet/sdk:8.0', 'sdk'],
      ['mcr.microsoft.com/dotnet/aspnet:8.0', 'unknown'],
      ['python:3.12', 'full'],
      ['python:3.12-slim', 'slim'],
      ['node:20-alpine3.19', 'slim'],
      ['eclipse-temurin:21-jre', 'slim'],
      ['eclipse-temurin:21', 'full'],
      ['ubuntu:24.04', 'unknown'],
      ['python:3.12-windowsservercore-ltsc2022', 'unknown'],
    ];
    for (const [image, kind] of kinds) assert.equal(classifyImage(ref(image)).kind, kind, image);
    assert.equal(classifyImage(ref('gcr.io/distroless/static-debian12')).staticOnly, true);
    assert.equal(classifyImage(ref('gcr.io/distroless/cc-debian12')).staticOnly, false);
    assert.equal(classifyImage(ref('scratch')).hasShell, false);
    assert.equal(classifyImage(ref('${UNKNOWN}')).kind, 'unknown');
  });

  it('knows the slimmer variant of full images', () => {
    const slim: [string, string][] = [
      ['python:3.12', 'python:3.12-slim'],
      ['python:3.12.4-bookworm', 'python:3.12.4-slim-bookworm'],
      ['ruby:3.3-bullseye', 'ruby:3.3-slim-bullseye'],
      ['node:20-bookworm', 'node:20-bookworm-slim'],
      ['debian:bookworm', 'debian:bookworm-slim'],
      ['debian:12', 'debian:12-slim'],
      ['eclipse-temurin:21-jdk-jammy', 'eclipse-temurin:21-jre-jammy'],
      ['eclipse-temurin:21.0.3_9-jdk', 'eclipse-temurin:21.0.3_9-jre'],
      ['openjdk:17-bullseye', 'eclipse-temurin:17-jre'],
      ['docker.io/library/perl:5.40', 'docker.io/library/perl:5.40-slim'],
    ];
    for (const [image, want] of slim) assert.equal(classifyImage(ref(image)).slimmer, want, image);
  });

  it('tells build toolchains and shipped programs', () => {
    assert.equal(buildToolchain(ref('golang:1.22')), 'go');
    assert.equal(buildToolchain(ref('node:20-alpine')), 'node');
    assert.equal(buildToolchain(ref('eclipse-temurin:21-jdk')), 'java');
    assert.equal(buildToolchain(ref('eclipse-temurin:21-jre')), null);
    assert.equal(buildToolchain(ref('python:3.12')), null);
    assert.equal(imageShipsProgram(ref('alpine:3.20'), 'wget'), true);
    assert.equal(imageShipsProgram(ref('alpine:3.20'), 'curl'), false);
    assert.equal(imageShipsProgram(ref('python:3.12-slim'), 'curl'), false);
    assert.equal(imageShipsProgram(ref('python:3.12'), 'curl'), null);
    assert.equal(imageShipsProgram(ref('gcr.io/distroless/base-debian12'), 'sh'), false);
  });

  it('points only at snippets the client ships', () => {
    const file = path.join(__dirname, '..', '..', '..', 'client', 'snippets', 'dockerfile.json');
    const prefixes = new Set(Object.values(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string | string[] }>).flatMap((s) => s.prefix));
    for (const p of Object.values(MULTI_STAGE_SNIPPETS)) assert.ok(prefixes.has(p), `${p} is in client/snippets/dockerfile.json`);
  });
});
