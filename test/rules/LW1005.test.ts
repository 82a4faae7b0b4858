import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1005-single-stage-build';

ruleTests(rule, {
  valid: [
    { name: 'multi-stage', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'no compile step', code: 'FROM node:20-slim\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n' },
    { name: 'runtime image', code: 'FROM python:3.12-slim\nRUN make -C /opt/x\n' },
    { name: 'plain OS image is not judged', code: 'FROM debian:12-slim\nRUN make\n' },
    { name: 'mvn goal that does not build', code: 'FROM maven:3.9-eclipse-temurin-21\nRUN mvn dependency:go-offline\n' },
    { name: 'npm run of another script', code: 'FROM node:20\nRUN npm run lint\n' },
  ],
  invalid: [
    {
      name: 'the seed example: node, npm run build',
      code: 'FROM node:18\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN npm run build\nCMD ["node", "dist/index.js"]\n',
      errors: [{ range: '6:5-6:18', message: 'This single-stage build compiles in node:18, so the toolchain, sources and build dependencies ship in the image: build in a stage of its own and copy only the output into a runtime image (the lw-node snippet is a template)' }],
      output: null,
    },
    { name: 'go build with assignments, reported once', code: 'FROM golang:1.22-alpine\nRUN CGO_ENABLED=0 go build -o /a . && go build -o /b ./b\n', errors: ['2:19-2:27'] },
    { name: 'maven wrapper', code: 'FROM eclipse-temurin:21-jdk\nCOPY . .\nRUN ./mvnw -B clean package -DskipTests\n', errors: ['3:5-3:28'] },
    { name: 'gradle', code: 'FROM gradle:8-jdk21\nRUN gradle --no-daemon bootJar\n', errors: ['2:5-2:31'] },
    { name: 'cargo', code: 'FROM rust:1.83\nRUN cargo build --release\n', errors: ['2:5-2:16'] },
    { name: 'dotnet sdk, exec form', code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN ["dotnet", "publish", "-c", "Release"]\n', errors: [{ range: '2:6-2:25', message: /compiles in mcr.microsoft.com\/dotnet\/sdk:8.0.*runtime image$/ }] },
    { name: 'gcc image, make', code: 'FROM gcc:14\nRUN make -j4\n', errors: ['2:5-2:9'] },
    { name: 'ARG-resolved image', code: 'ARG GO=1.22\nFROM golang:${GO}\nRUN go build ./...\n', errors: ['3:5-3:13'] },
  ],
});
