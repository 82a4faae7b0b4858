import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1009-healthcheck-tool-missing';

ruleTests(rule, {
  valid: [
    { name: 'the application probes itself', code: 'FROM scratch\nCOPY app /app\nHEALTHCHECK CMD ["/app", "health"]\n' },
    { name: 'curl on an image that has it', code: 'FROM debian:12-slim\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'distroless :debug has wget', code: 'FROM gcr.io/distroless/base-debian12:debug\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost/"]\n' },
    { name: 'curl copied in', code: 'FROM scratch\nCOPY --from=ghcr.io/tarampampam/curl:8.7.1 /bin/curl /bin/curl\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'only the final image counts', code: 'FROM scratch AS a\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\nFROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'shell form is LW1010\'s', code: 'FROM scratch\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'HEALTHCHECK NONE', code: 'FROM scratch\nHEALTHCHECK NONE\n' },
  ],
  invalid: [
    {
      name: 'curl on distroless, with options and a continuation',
      code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nHEALTHCHECK --interval=30s \\\n  CMD ["curl", "-f", "http://localhost:8080/health"]\nENTRYPOINT ["/app"]\n',
      errors: [{ range: '4:8-4:14', message: 'This HEALTHCHECK runs curl, which the distroless image gcr.io/distroless/static-debian12:nonroot does not have, so the check always fails: run a program that is in the image (the application\'s own health command)' }],
      output: null,
    },
    {
      name: 'a shell on scratch; in the stage the final stage builds on',
      code: 'FROM scratch AS base\nHEALTHCHECK CMD ["/bin/sh", "-c", "test -f /ok"]\nFROM base\nCOPY app /app\n',
      errors: [{ range: '2:18-2:27', message: /runs sh, but `scratch` has no shell/ }],
    },
    {
      name: 'wget on ARG-resolved distroless',
      code: 'ARG RUNTIME=gcr.io/distroless/java21-debian12\nFROM ${RUNTIME}\nHEALTHCHECK CMD ["/usr/bin/wget", "-q", "http://localhost/"]\n',
      errors: ['3:18-3:33'],
    },
  ],
});
