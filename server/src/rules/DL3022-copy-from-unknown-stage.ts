import { defineRule, type RawFinding } from '../engine/rule';
import { mountFromOption, resolveFromTarget } from '../engine/helpers';
import type { Word } from '../engine/model';

export default defineRule({
  meta: {
    code: 'DL3022',
    name: 'copy-from-unknown-stage',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `COPY --from=<name>` (and `RUN --mount=…,from=<name>`) when no earlier stage has that name or index and the value does not look like an image reference.',
      why: 'A `--from` that matches no earlier stage is read as an image name: a typo (`--from=buidler`) or a stage defined further down silently pulls `docker.io/library/buidler` or fails the build with a confusing error. Multi-stage builds stay correct when every `--from` names a stage defined before it, or an image with an explicit tag.',
      bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=builder /out/app /app\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
      fix: 'None: only the author knows which stage or image was meant.',
      notes: 'Values are ARG/ENV-substituted first (`--from=$BUILDER` is judged on its value; an ARG without a value is not flagged), and stage names match case-insensitively. A value with `:`, `/` or `@` (`nginx:1.27`, `ghcr.io/o/tool`) is an external image and allowed; a bare word such as `nginx` is flagged, as in hadolint, since it is far more often a mistyped stage than an image meant to float on `latest`. A stage index must be lower than the current stage\'s. Copying from the current stage itself is DL3023. `RUN --mount=from=` is checked too (hadolint does not).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const report = (w: Word, raw: string, inst: import('../engine/model').Inst) => {
      const t = resolveFromTarget(model, inst, raw);
      if (!t || t.kind === 'earlier' || t.kind === 'image' || t.kind === 'self') return;
      const shown = t.value === raw ? `'${raw}'` : `'${raw}' (${t.value})`;
      const message = t.kind === 'later'
        ? `--from=${shown} refers to a stage defined later (line ${t.stage.from.range.start.line + 1}); a stage can only copy from stages before it`
        : `--from=${shown} matches no earlier stage; name a stage defined before this one, or an image with a tag`;
      out.push({ range: w.range, message });
    };
    for (const inst of model.instructions) {
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        for (const f of inst.flags) {
          if (f.name.toLowerCase() !== 'from' || f.value === null || f.valueRange === null) continue;
          report({ value: f.value, range: f.valueRange }, f.value, inst);
        }
      } else if (inst.keyword === 'RUN') {
        for (const f of inst.flags) {
          if (f.name.toLowerCase() !== 'mount') continue;
          const w = mountFromOption(f);
          if (w) report(w, w.value, inst);
        }
      }
    }
    return out;
  },
});
