import { defineRule, type RawFinding } from '../engine/rule';
import type { Fix, TextEdit } from '../../../shared/types';
import type { InstFlag, Model, Stage } from '../engine/model';
import { fix, insertAt, replace } from '../engine/helpers';
import { keywordCase } from '../engine/user';

interface IndexRef { flag: InstFlag; target: Stage }

/** Every `COPY --from=<number>` that names an earlier stage, in document order. */
function indexRefs(model: Model): IndexRef[] {
  const out: IndexRef[] = [];
  for (const inst of model.instructions) {
    if (inst.keyword !== 'COPY' || !inst.stage) continue;
    for (const f of inst.flags) {
      if (f.name.toLowerCase() !== 'from' || f.value === null || !f.valueRange || !/^[0-9]+$/.test(f.value)) continue;
      const target = model.stages[Number(f.value)];
      if (target && target.index < inst.stage.index) out.push({ flag: f, target });
    }
  }
  return out;
}

/** Whether `name` is free: no stage has it and no FROM or --from mentions it (an external image of that name). */
function nameFree(model: Model, name: string): boolean {
  for (const s of model.stages) if (s.name === name || (s.image.resolved ?? s.image.text).toLowerCase() === name) return false;
  for (const inst of model.instructions) for (const f of inst.flags) if (f.value !== null && f.value.toLowerCase().includes(name)) return false;
  return true;
}

export default defineRule({
  meta: {
    code: 'LW1211',
    name: 'copy-from-index',
    aliases: [],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `COPY --from=<number>`: a stage referred to by its position instead of its name.',
      why: 'Multi-stage builds copy artefacts between stages; a numeric reference silently points at another stage as soon as one is added, removed or reordered above it, and the build copies the wrong files or fails far from the cause. Named stages (`FROM golang:1.22 AS build`, `COPY --from=build`), as in every multi-stage example of the best practices, say what is copied and survive edits.',
      bad: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=0 /out/app /app\n',
      good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
      fix: 'Replaces the number with the stage\'s name. A stage without a name is named `stage-<n>` (`FROM golang:1.22 AS stage-0`, in the case the FROM keyword is written in) and every `COPY --from=<n>` to it is rewritten in the same fix, offered on the first of them. Safe: the build uses the same stage. No fix when `stage-<n>` is already used as a name or an image.',
      notes: 'No reference tool has this rule. `RUN --mount=from=<n>` is not reported; references to a later stage or to the current one are DL3022/DL3023 matters.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const refs = indexRefs(model);
    const fixedStages = new Set<Stage>();
    for (const { flag, target } of refs) {
      let fixes: Fix[] = [];
      if (target.name) {
        fixes = [fix(`Use the stage name "${target.name}"`, [replace(flag.valueRange!, target.name)], 'safe')];
      } else if (!fixedStages.has(target)) {
        fixedStages.add(target);
        const name = `stage-${target.index}`;
        if (nameFree(model, name)) {
          const lastArg = target.from.args[target.from.args.length - 1];
          const edits: TextEdit[] = [insertAt(lastArg.range.end, ` ${keywordCase(target, 'AS')} ${name}`)];
          for (const r of refs) if (r.target === target) edits.push(replace(r.flag.valueRange!, name));
          fixes = [fix(`Name stage ${target.index} "${name}" and copy from it by name`, edits, 'safe')];
        }
      }
      out.push({
        range: flag.range,
        message: `--from=${flag.value} refers to stage ${target.index} by position: name the stage (FROM ... AS name) and copy --from=<name>`,
        fixes,
      });
    }
    return out;
  },
});
