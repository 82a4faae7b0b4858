import { defineRule, type RawFinding } from '../engine/rule';
import { mountFromOption, resolveFromTarget } from '../engine/helpers';

export default defineRule({
  meta: {
    code: 'DL3023',
    name: 'copy-from-own-stage',
    aliases: ['DS-0006', 'DS006'],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `COPY --from=<name>` (and `RUN --mount=…,from=<name>`) that names the stage it is in, by name or index.',
      why: 'A stage cannot copy from itself: its filesystem is still being built. The build fails, or, when the name is also an image, quietly copies from that image instead. In a multi-stage build `--from` should name an earlier stage; within the same stage, a plain `RUN cp` does the job.',
      bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nCOPY --from=build /out/app /usr/local/bin/app\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n',
      fix: 'None: usually a `FROM` line is missing before the `COPY`, which only the author can add.',
      notes: 'ARG/ENV values are substituted (`--from=$SELF`), names compare case-insensitively, and the stage\'s own index (`--from=1` in the second stage) counts too; hadolint only compares the name as written. `RUN --mount=from=` is checked as well.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      const words = [];
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        for (const f of inst.flags) if (f.name.toLowerCase() === 'from' && f.value !== null && f.valueRange !== null) words.push({ value: f.value, range: f.valueRange });
      } else if (inst.keyword === 'RUN') {
        for (const f of inst.flags) if (f.name.toLowerCase() === 'mount') { const w = mountFromOption(f); if (w) words.push(w); }
      }
      for (const w of words) {
        const t = resolveFromTarget(model, inst, w.value);
        if (t?.kind !== 'self') continue;
        out.push({ range: w.range, message: `--from='${w.value}' refers to the stage it is in (stage ${t.stage.index}${t.stage.name ? ` '${t.stage.name}'` : ''}); a stage cannot copy from itself` });
      }
    }
    return out;
  },
});
