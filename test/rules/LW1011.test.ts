import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1011-cgo-binary-in-static-image';

const RUNTIME = '\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n';

ruleTests(rule, {
  valid: [
    { name: 'CGO_ENABLED=0 on the command', code: `FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .${RUNTIME}` },
    { name: 'env wrapper', code: `FROM golang:1.22 AS build\nRUN env CGO_ENABLED=0 GOOS=linux go build -o /out/app .${RUNTIME}` },
    { name: 'ENV in the stage', code: `FROM golang:1.22 AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/app .${RUNTIME}` },
    { name: 'ARG in the stage', code: `FROM golang:1.22 AS build\nARG CGO_ENABLED=0\nRUN go build -o /out/app .${RUNTIME}` },
    { name: 'export earlier in the RUN', code: `FROM golang:1.22 AS build\nRUN export CGO_ENABLED=0 && go build -o /out/app .${RUNTIME}` },
    { name: 'go env -w earlier', code: `FROM golang:1.22 AS build\nRUN go env -w CGO_ENABLED=0\nRUN go build -o /out/app .${RUNTIME}` },
    { name: 'statically linked on purpose', code: `FROM golang:1.22 AS build\nRUN go build -ldflags '-linkmode external -extldflags "-static"' -o /out/app .${RUNTIME}` },
    { name: 'alpine without a C compiler', code: `FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .${RUNTIME}` },
    { name: 'an image we know nothing about (no known C compiler)', code: `FROM registry.example.com/go-builder:1 AS build\nRUN go build -o /out/app .${RUNTIME}` },
    { name: 'distroless/base has a C library', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /out/app /app\n' },
    { name: 'another file is copied', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n' },
    { name: 'the clean corpus layout', code: '# syntax=docker/dockerfile:1\nFROM golang:1.22-bookworm AS build\nWORKDIR /src\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n' },
  ],
  invalid: [
    {
      name: 'default golang image into distroless/static',
      code: `FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .${RUNTIME}`,
      errors: [{ range: '4:5-4:13', message: 'This go build runs with cgo enabled (the default where a C compiler is installed), so the binary may need the C library, and line 6 copies it into gcr.io/distroless/static-debian12:nonroot, which has none: build with CGO_ENABLED=0' }],
      output: `FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .${RUNTIME}`,
    },
    {
      name: 'no -o: the binary lands in the WORKDIR; scratch; other assignments kept',
      code: 'FROM golang:1.22 AS build\nWORKDIR /src\nRUN GOOS=linux go build\nFROM scratch\nCOPY --from=build /src/app /app\n',
      errors: ['3:16-3:24'],
      output: 'FROM golang:1.22 AS build\nWORKDIR /src\nRUN GOOS=linux CGO_ENABLED=0 go build\nFROM scratch\nCOPY --from=build /src/app /app\n',
    },
    {
      name: 'relative -o, directory copied, alpine with gcc',
      code: 'FROM golang:1.22-alpine AS build\nRUN apk add --no-cache gcc musl-dev\nWORKDIR /src\nRUN go build -o bin/app ./cmd/app\nFROM scratch\nCOPY --from=build /src/bin/ /usr/local/bin/\n',
      errors: ['4:5-4:13'],
    },
    {
      name: 'CGO_ENABLED=1 on purpose: reported, no fix',
      code: 'FROM golang:1.22 AS build\nRUN CGO_ENABLED=1 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
      errors: [{ range: '2:19-2:27', message: /sets CGO_ENABLED=1/ }],
      output: null,
    },
    {
      name: 'go install into /go/bin, copied from a stage built on the build stage',
      code: 'FROM golang:1.22 AS build\nRUN go install ./cmd/app\nFROM build AS test\nRUN go vet ./...\nFROM cgr.dev/chainguard/static:latest\nCOPY --from=test /go/bin/app /app\n',
      errors: ['2:5-2:15'],
    },
    { name: 'Debian with build-essential and Go installed', code: 'FROM debian:12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential golang-go\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n', errors: ['3:5-3:13'] },
  ],
});
