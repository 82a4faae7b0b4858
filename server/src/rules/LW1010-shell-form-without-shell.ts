import { defineRule, type RawFinding } from '../engine/rule';
import { effectiveShell, execFormFix } from '../engine/fixes';
import { trimRange } from '../engine/helpers';
import { classifyImage } from '../engine/image';
import { mayCopyProgram } from '../engine/instructions';
import { rootImage } from '../engine/user';

const KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const SHELLS = ['sh', 'bash', 'ash', 'dash', 'busybox'];

export default defineRule({
  meta: {
    code: 'LW1010',
    name: 'shell-form-without-shell',
    aliases: [],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `RUN`, `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` written in shell form in a stage based on `scratch` or a distroless image (Google distroless without `:debug`, Chainguard `static`), which have no `/bin/sh`.',
      why: 'Shell form runs the command as `/bin/sh -c "..."`. Minimal images such as `scratch` and distroless ship no shell at all (that is their point: a smaller attack surface), so a shell-form `RUN` fails the build, a shell-form `CMD`/`ENTRYPOINT` makes the container fail to start ("exec: /bin/sh: no such file or directory"), and a shell-form `HEALTHCHECK` reports the container unhealthy forever. Exec form (`["/app", "--serve"]`) starts the program directly and needs no shell.',
      bad: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT /app --serve\n',
      good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app", "--serve"]\n',
      fix: 'When the body is one command of fixed words (also after `exec`), it is rewritten as its exec-form argv (`ENTRYPOINT /app --serve` becomes `ENTRYPOINT ["/app", "--serve"]`): `safe`, since the shell form cannot run at all, except for a `CMD` that an `ENTRYPOINT` receives, which is a suggestion (as for DL3025). No fix when the body needs a shell (pipes, `&&`, variables, redirections, builtins such as `cd`): without a shell it must be rewritten by hand, or moved to a build stage that has one.',
      notes: 'Not flagged: a stage whose `SHELL` instruction names a shell (a shell was then copied in on purpose), a stage into which an earlier `COPY`/`ADD` may have brought a shell (`sh`, `bash`, `busybox`, a `bin` directory, an unknown destination), distroless `:debug` tags (they carry BusyBox), and images whose ARG has no known value. DL3025 reports shell-form `CMD`/`ENTRYPOINT` everywhere for signal handling; this rule reports the stronger problem that the instruction cannot run at all, at error level. No reference tool has this rule.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const img = rootImage(stage);
      const c = classifyImage(img);
      if (c.hasShell !== false) continue;
      const what = c.kind === 'scratch' ? '`scratch`' : `the distroless image ${img.resolved}`;
      for (const inst of stage.instructions) {
        if (!KEYWORDS.has(inst.keyword) || inst.form !== 'shell' || !inst.bodyRange) continue;
        if (effectiveShell(inst) || mayCopyProgram(model, inst, SHELLS)) continue;
        const f = execFormFix(model, inst, { argvOnly: true });
        const effect = inst.keyword === 'RUN' ? 'the build fails' : inst.keyword === 'HEALTHCHECK' ? 'the check always fails' : 'the container cannot start';
        out.push({
          range: trimRange(model, inst.bodyRange),
          message: `Shell form needs /bin/sh, which ${what} does not have, so ${effect}: use exec form (a JSON array)${f ? '' : ' and no shell syntax'}`,
          fixes: f ? [f] : [],
        });
      }
    }
    return out;
  },
});
