import { defineRule, type RawFinding } from '../engine/rule';
import type { Inst, Stage } from '../engine/model';
import type { Range } from '../../../shared/types';
import { classifyImage, imageShipsProgram } from '../engine/image';
import { mayCopyProgram } from '../engine/instructions';
import { osPackageAction } from '../engine/packages';
import { imageStages, rootImage, stageChain } from '../engine/user';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);
const CLIENTS = new Set(['curl', 'wget']);

/** Whether an OS package install in the chain before `inst` may install `name` (named, or a word we cannot read). */
function installedBefore(stage: Stage, inst: Inst, name: string): boolean {
  for (const s of stageChain(stage).reverse()) {
    for (const i of s.instructions) {
      if (i.index >= inst.index) break;
      if (i.keyword !== 'RUN') continue;
      if (i.form === 'exec' || !i.shell) { if (i.form === 'exec' && i.json?.some((w) => w.value === name)) return true; continue; }
      for (const cmd of i.shell.commands) {
        if (!osPackageAction(cmd)?.installs) continue;
        if (cmd.argv.some((w) => w.dynamic || w.value === name || w.value.startsWith(`${name}=`) || w.value.startsWith(`${name}~`))) return true;
      }
    }
  }
  return false;
}

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
      what: 'Flags a `HEALTHCHECK` of the final image that runs a program the image does not have: a shell (`["sh", "-c", "..."]`), `curl` or `wget` on `scratch` or distroless, and `curl`/`wget` on images known to ship without them (`debian`, `ubuntu`, the `-slim` variants of `python`, `node`, `ruby` and `perl`; `curl` on Alpine variants, which have BusyBox `wget` only) when no RUN installs it.',
      why: 'The best practices add a HEALTHCHECK and use minimal images, and the two collide: the usual `curl -f http://localhost/health` does not exist in `scratch`, distroless or the slim images, so the check fails every time, the container is reported unhealthy and an orchestrator may restart it in a loop. The check has to be a program that is in the image: the application itself (`["/app", "healthcheck"]`), the runtime (`node -e ...`, `python -c ...`), or a tool the Dockerfile installs.',
      bad: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/health"]\nENTRYPOINT ["/app"]\n',
      good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nHEALTHCHECK CMD ["/app", "healthcheck"]\nENTRYPOINT ["/app"]\n',
      fix: 'None automatic: what can probe the service depends on the application (a `healthcheck` subcommand, the language runtime, a static probe binary copied from a build stage, installing curl, or a check done by the orchestrator instead).',
      notes: 'On `scratch` and distroless a shell-form `HEALTHCHECK CMD ...` is reported by LW1010 (no shell at all), not here. Not flagged: distroless `:debug` tags (BusyBox has `sh` and `wget`), images we know nothing about (their tools cannot be seen), images whose ARG has no known value, a program that an OS package install in the final image\'s stages names (or may name, through a variable), and one that a `COPY`/`ADD` may have brought (a source or destination with its name, a `bin` directory, an unknown destination). Only the final image counts; a HEALTHCHECK in a stage it builds on counts too. No reference tool has this rule.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of imageStages(model)) {
      const img = rootImage(stage);
      const noShell = classifyImage(img).hasShell === false;
      const what = img.isScratch ? '`scratch`' : noShell ? `the distroless image ${img.resolved}` : img.resolved;
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'HEALTHCHECK') continue;
        // The programs the check runs, with the word that names each.
        const progs: { name: string; range: Range }[] = [];
        if (inst.form === 'exec' && inst.json?.length) {
          const p = inst.json[0];
          progs.push({ name: p.value.slice(p.value.lastIndexOf('/') + 1), range: p.range });
        } else if (inst.form === 'shell' && inst.shell && !noShell) {
          for (const cmd of inst.shell.commands) progs.push({ name: cmd.name, range: cmd.argv[0].range });
        }
        for (const p of progs) {
          const shell = SHELLS.has(p.name);
          if (!(noShell && shell) && !CLIENTS.has(p.name)) continue;
          if (imageShipsProgram(img, p.name) !== false) continue;
          if (mayCopyProgram(model, inst, [p.name]) || (!noShell && installedBefore(stage, inst, p.name))) continue;
          out.push({
            range: p.range,
            message: shell
              ? `This HEALTHCHECK runs ${p.name}, but ${what} has no shell, so the check always fails: run a program that is in the image (the application's own health command)`
              : noShell
                ? `This HEALTHCHECK runs ${p.name}, which ${what} does not have, so the check always fails: run a program that is in the image (the application's own health command)`
                : `This HEALTHCHECK runs ${p.name}, which ${what} does not include and no RUN installs, so the check always fails: install it, or probe with a program the image has (the application or its runtime)`,
          });
          break;
        }
      }
    }
    return out;
  },
});
