import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3022-copy-from-unknown-stage';

ruleTests(rule, {
  valid: [
    { name: 'earlier named stage', code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out /out\n' },
    { name: 'earlier stage, other case', code: 'FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=BUILD /out /out\n' },
    { name: 'earlier stage by index', code: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /out /out\n' },
    { name: 'external image with tag', code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n' },
    { name: 'external image with registry path', code: 'FROM alpine:3.20\nCOPY --from=ghcr.io/o/tool /bin/tool /bin/tool\n' },
    { name: 'ARG resolving to an earlier stage', code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nARG SRC=build\nCOPY --from=$SRC /out /out\n' },
    { name: 'ARG with no value', code: 'FROM alpine:3.20\nARG SRC\nCOPY --from=${SRC} /out /out\n' },
    { name: 'own stage is DL3023', code: 'FROM alpine:3.20 AS a\nCOPY --from=a /x /y\n' },
    { name: 'mount from an earlier stage', code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nRUN --mount=type=bind,from=build,source=/out,target=/mnt cp /mnt/app /app\n' },
  ],
  invalid: [
    {
      name: 'unknown name',
      code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=builder /out /out\n',
      errors: [{ range: '3:13-3:20', message: "--from='builder' matches no earlier stage; name a stage defined before this one, or an image with a tag" }],
      output: null,
    },
    {
      name: 'stage defined later',
      code: 'FROM alpine:3.20\ncopy --from=build /out /out\nFROM golang:1.22 AS build\n',
      errors: [{ range: '2:13-2:18', message: /defined later \(line 3\)/ }],
      output: null,
    },
    { name: 'index not lower than the current stage', code: 'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=5 /a /b\nCOPY --from=2 /a /b\n', errors: ['3:13-3:14', '4:13-4:14'], output: null },
    { name: 'ARG resolving to an unknown name', code: 'FROM alpine:3.20\nARG SRC=bulid\nCOPY --from=$SRC /out /out\n', errors: [{ range: '3:13-3:17', message: /'\$SRC' \(bulid\)/ }], output: null },
    { name: 'bare image name', code: 'FROM alpine:3.20\nCOPY --from=nginx /etc/nginx /etc/nginx\n', errors: ['2:13-2:18'], output: null },
    { name: 'mount from an unknown stage', code: 'FROM alpine:3.20\nRUN --mount=type=bind,from=tools,target=/t /t/run\n', errors: ['2:28-2:33'], output: null },
    { name: 'COPY before any stage has that name (single stage)', code: 'FROM alpine:3.20\nCOPY --from=foo bar .\n', errors: ['2:13-2:16'], output: null },
  ],
});
