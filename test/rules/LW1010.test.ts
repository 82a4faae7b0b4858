import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1010-shell-form-without-shell';

ruleTests(rule, {
  valid: [
    { name: 'exec form on scratch', code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\nHEALTHCHECK CMD ["/app", "health"]\n' },
    { name: 'shell form on an image with a shell', code: 'FROM alpine:3.20\nRUN echo hi\nCMD echo hi\n' },
    { name: 'distroless :debug has BusyBox', code: 'FROM gcr.io/distroless/base-debian12:debug\nRUN echo hi\n' },
    { name: 'SHELL chosen explicitly', code: 'FROM gcr.io/distroless/base-debian12\nCOPY --from=busybox:1.36 /bin/busybox /busybox/busybox\nSHELL ["/busybox/busybox", "sh", "-c"]\nRUN echo hi\n' },
    { name: 'a shell copied in first', code: 'FROM scratch\nCOPY --from=busybox:1.36-musl /bin/sh /bin/sh\nRUN echo hi\n' },
    { name: 'a bin directory copied in first', code: 'FROM scratch\nCOPY --from=busybox:1.36-musl /bin /bin\nRUN echo hi\n' },
    { name: 'only the stage on scratch counts', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nCMD ["/app"]\n' },
    { name: 'a directory copied to a relative destination without WORKDIR may bring a shell', code: 'FROM scratch\nCOPY --from=busybox:1.36 / .\nRUN echo hi\n' },
    { name: 'unknown image', code: 'ARG BASE\nFROM ${BASE}\nRUN echo hi\n' },
    { name: 'HEALTHCHECK NONE', code: 'FROM scratch\nHEALTHCHECK NONE\n' },
  ],
  invalid: [
    {
      name: 'shell-form ENTRYPOINT on distroless: argv fix',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT /app --serve\n',
      errors: [{ range: '3:12-3:24', message: 'Shell form needs /bin/sh, which the distroless image gcr.io/distroless/static-debian12 does not have, so the container cannot start: use exec form (a JSON array)' }],
      output: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT ["/app", "--serve"]\n',
    },
    {
      name: 'CMD on scratch',
      code: 'FROM scratch\nCOPY app /app\nCMD /app\n',
      errors: ['3:5-3:9'],
      output: 'FROM scratch\nCOPY app /app\nCMD ["/app"]\n',
    },
    {
      name: 'RUN in a scratch stage; a stage built on it counts too',
      code: 'FROM scratch AS base\nCOPY app /app\nFROM base\nRUN /app --init\n',
      errors: [{ range: '4:5-4:16', message: /so the build fails/ }],
      output: 'FROM scratch AS base\nCOPY app /app\nFROM base\nRUN ["/app", "--init"]\n',
    },
    {
      name: 'HEALTHCHECK shell form with options',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nHEALTHCHECK --interval=30s CMD /app health\nENTRYPOINT ["/app"]\n',
      errors: [{ range: '3:32-3:43', message: /the check always fails/ }],
      output: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nHEALTHCHECK --interval=30s CMD ["/app", "health"]\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'shell syntax: no fix',
      code: 'FROM scratch\nCOPY app /app\nCMD /app > /log 2>&1\n',
      errors: [{ range: '3:5-3:21', message: /use exec form \(a JSON array\) and no shell syntax$/ }],
      output: null,
    },
    {
      name: 'ARG-resolved distroless base, CMD with an ENTRYPOINT: still offered (suggestion)',
      code: 'ARG BASE=gcr.io/distroless/base-debian12\nFROM ${BASE}\nENTRYPOINT ["/app"]\nCMD --port 80\n',
      errors: ['4:5-4:14'],
      output: 'ARG BASE=gcr.io/distroless/base-debian12\nFROM ${BASE}\nENTRYPOINT ["/app"]\nCMD ["--port", "80"]\n',
    },
    {
      name: 'a file copied to a relative destination without WORKDIR still leaves no shell',
      code: 'FROM scratch\nCOPY --from=build /out/app app\nCMD ./app\n',
      errors: ['3:5-3:10'],
      output: 'FROM scratch\nCOPY --from=build /out/app app\nCMD ["./app"]\n',
    },
    {
      name: 'Chainguard static',
      code: 'FROM cgr.dev/chainguard/static:latest\nCOPY app /app\nENTRYPOINT /app\n',
      errors: ['3:12-3:16'],
    },
  ],
});
