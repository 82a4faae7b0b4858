import { defineRule, type RawFinding } from '../engine/rule';
import { classifyImage } from '../engine/image';
import { mayCopyProgram } from '../engine/instructions';
import { imageStages, rootImage } from '../engine/user';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);
const CLIENTS = new Set(['curl', 'wget']);

export default defineRule({
  meta: {
    code: 'LW1009',
    name: 'healthcheck-tool-missing',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags an exec-form `HEALTHCHECK` of the final image that runs a shell (`["sh", "-c", "..."]`) or `curl`/`wget`, when the image is based on `scratch` or a distroless image, which have none of them.',
      why: 'The best practices add a HEALTHCHECK and use minimal images, and the two collide: the usual `curl -f http://localhost/health` does not exist in `scratch` or distroless, so the check fails every time, the container is reported unhealthy and an orchestrator may restart it in a loop. In these images the check has to be a program that is in the image: the application itself (`["/app", "healthcheck"]`) or a small static probe copied in.',
      bad: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/health"]\nENTRYPOINT ["/app"]\n',
      good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nHEALTHCHECK CMD ["/app", "healthcheck"]\nENTRYPOINT ["/app"]\n',
      fix: 'None automatic: what can probe the service depends on the application (a `healthcheck` subcommand, a static probe binary copied from a build stage, or a check done by the orchestrator instead).',
      notes: 'Shell-form `HEALTHCHECK CMD curl ...` in these images is reported by LW1010 (no shell at all), not here. Not flagged: distroless `:debug` tags (BusyBox has `sh` and `wget`), images whose ARG has no known value, and images into which a `COPY`/`ADD` may have brought the program (a source or destination named `curl`, `wget` or a shell, a `bin` directory, an unknown destination). Only the final image counts, and a HEALTHCHECK in a stage it builds on counts too. No reference tool has this rule.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of imageStages(model)) {
      const img = rootImage(stage);
      if (classifyImage(img).hasShell !== false) continue;
      const what = img.isScratch ? '`scratch`' : `the distroless image ${img.resolved}`;
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'HEALTHCHECK' || inst.form !== 'exec' || !inst.json?.length) continue;
        const prog = inst.json[0];
        const name = prog.value.slice(prog.value.lastIndexOf('/') + 1);
        if (!SHELLS.has(name) && !CLIENTS.has(name)) continue;
        if (mayCopyProgram(model, inst, [name])) continue;
        out.push({
          range: prog.range,
          message: SHELLS.has(name)
            ? `This HEALTHCHECK runs ${name}, but ${what} has no shell, so the check always fails: run a program that is in the image (the application's own health command)`
            : `This HEALTHCHECK runs ${name}, which ${what} does not have, so the check always fails: run a program that is in the image (the application's own health command)`,
        });
      }
    }
    return out;
  },
});
