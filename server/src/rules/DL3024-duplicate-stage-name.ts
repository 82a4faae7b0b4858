import { defineRule, type RawFinding } from '../engine/rule';
import type { Stage } from '../engine/model';

export default defineRule({
  meta: {
    code: 'DL3024',
    name: 'duplicate-stage-name',
    aliases: ['DuplicateStageName', 'DS-0012', 'DS012', 'CKV_DOCKER_11'],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a stage name (`FROM … AS name`) already used by an earlier stage; names are compared case-insensitively, as BuildKit does.',
      why: 'Stage names are how multi-stage builds refer to each other (`COPY --from=build`, `FROM build`, `--target build`). Two stages with the same name make every reference ambiguous, and BuildKit refuses to build such a Dockerfile. Clear, unique stage names keep multi-stage builds readable.',
      bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM node:20-slim AS build\nRUN npm ci\n',
      good: 'FROM golang:1.22 AS build-go\nRUN go build -o /out/app .\nFROM node:20-slim AS build-web\nRUN npm ci\n',
      fix: 'None: renaming a stage means deciding which references meant which stage.',
      notes: 'The second and later uses are reported, on the name itself. `Build` and `build` are the same name (BuildKit lower-cases stage names; hadolint compares them as written).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const firstByName = new Map<string, Stage>();
    for (const stage of model.stages) {
      if (stage.name === null) continue;
      const first = firstByName.get(stage.name);
      if (!first) firstByName.set(stage.name, stage);
      if (!first || stage.nameRange === null) continue;
      out.push({ range: stage.nameRange, message: `Stage name '${stage.name}' is already used by the stage on line ${first.from.range.start.line + 1}; stage names must be unique` });
    }
    return out;
  },
});
