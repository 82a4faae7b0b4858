import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1006-final-stage-on-sdk';

ruleTests(rule, {
  valid: [
    { name: 'runtime final stage', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'single stage is LW1005\'s', code: 'FROM golang:1.22\nRUN go build -o /app .\n' },
    { name: 'node is LW1007\'s', code: 'FROM node:20 AS build\nRUN npm run build\nFROM node:20\nCOPY --from=build /app/dist /app\n' },
    { name: 'SDK only in a build stage; aspnet last', code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\n' },
    { name: 'unknown ARG', code: 'ARG RT\nFROM golang:1.22 AS build\nFROM ${RT}\n' },
  ],
  invalid: [
    {
      name: 'golang final',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM golang:1.22-alpine\nCOPY --from=build /app /app\n',
      errors: [{ range: '3:6-3:24', message: 'The final stage is based on the build image golang:1.22-alpine, so the toolchain ships in the image: start it from a runtime image (`gcr.io/distroless/static-debian12` or `scratch` (with CGO_ENABLED=0)) and copy the build output in (the lw-go snippet is a template)' }],
      output: null,
    },
    {
      name: 'final stage built on the build stage',
      code: 'FROM maven:3.9-eclipse-temurin-21 AS build\nRUN mvn -B package\nFROM build AS test\nRUN mvn -B verify\n',
      errors: [{ range: '3:6-3:11', message: /build image maven:3.9-eclipse-temurin-21 \(through stage build\).*`eclipse-temurin:21-jre`/ }],
    },
    { name: 'dotnet sdk final', code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /out\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY --from=build /out /app\n', errors: ['3:6-3:38'] },
    { name: 'rust via ARG', code: 'ARG RUST=rust:1.83-slim\nFROM ${RUST} AS build\nRUN cargo build --release\nFROM ${RUST}\nCOPY --from=build /t /t\n', errors: ['4:6-4:13'] },
  ],
});
