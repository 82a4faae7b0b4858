import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace, flagOptions, flagsNamed } from '../engine/helpers';
import type { TextEdit } from '../../../shared/types';
import type { Model, Stage } from '../engine/model';

/** Every place that names `stage` literally: its `AS` word, later `FROM <name>`, `COPY --from=<name>`, `RUN --mount=from=<name>`. */
function references(model: Model, stage: Stage): TextEdit[] {
  const name = stage.name!;
  const edits: TextEdit[] = [replace(stage.nameRange!, name)];
  for (const inst of model.instructions) {
    if (inst.index <= stage.from.index) continue;
    if (inst.keyword === 'FROM') {
      const img = inst.args[0];
      if (img && img.value.toLowerCase() === name && img.value !== name && model.lines.textOf(img.range) === img.value) edits.push(replace(img.range, name));
    } else if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
      for (const f of flagsNamed(inst, 'from')) {
        if (f.value && f.valueRange && f.value.toLowerCase() === name && f.value !== name && model.lines.textOf(f.valueRange) === f.value) edits.push(replace(f.valueRange, name));
      }
    } else if (inst.keyword === 'RUN') {
      for (const f of flagsNamed(inst, 'mount')) {
        for (const o of flagOptions(model, f)) if (o.key === 'from' && o.value.toLowerCase() === name && o.value !== name) edits.push(replace(o.valueRange, name));
      }
    }
  }
  return edits;
}

export default defineRule({
  meta: {
    code: 'LW1101',
    name: 'stage-name-casing',
    aliases: ['StageNameCasing'],
    severity: 'warning',
    category: 'style',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a build stage name (`FROM image AS <name>`) that contains upper-case letters.',
      why: 'Stage names are matched without regard to case, so `Builder`, `BUILDER` and `builder` are the same stage; writing them in lower case keeps them apart from instruction keywords and makes every reference to the stage look the same. Named stages are what keeps multi-stage builds readable, so their names should be easy to scan.',
      bad: 'FROM golang:1.23 AS BuildEnv\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=BuildEnv /out/app /app\n',
      good: 'FROM golang:1.23 AS build-env\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build-env /out/app /app\n',
      fix: 'Lower-cases the name and every literal reference to it in later instructions: `FROM <name>`, `COPY --from=<name>` / `ADD --from=<name>` and the `from=` option of `RUN --mount`. Safe: Docker compares stage names without regard to case, so the build is unchanged. References built from variables are left alone (they still match, case-insensitively).',
      notes: 'BuildKit reports this as StageNameCasing; `# check=skip=StageNameCasing` silences this rule.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      if (!stage.nameRange || stage.name === null) continue;
      const written = model.lines.textOf(stage.nameRange);
      if (written === written.toLowerCase() || written.includes('$')) continue;
      out.push({
        range: stage.nameRange,
        message: `Stage name '${written}' should be lower case ('${stage.name}')`,
        fixes: [fix(`Rename stage to '${stage.name}' (and its references)`, references(model, stage), 'safe')],
      });
    }
    return out;
  },
});
