import { defineRule, type RawFinding } from '../engine/rule';
import type { Model, Stage } from '../engine/model';
import { fix, replace } from '../engine/helpers';
import { runMounts } from '../engine/deps';
import { expand } from '../engine/vars';

/**
 * The stages other stages use (FROM, COPY --from, RUN --mount=from), or null when a reference
 * holds a variable without a known value (it might name any stage).
 */
export function referencedStages(model: Model): Set<Stage> | null {
  const used = new Set<Stage>();
  for (const stage of model.stages) {
    if (stage.image.resolved === null) return null;
    if (stage.baseStage) used.add(stage.baseStage);
    for (const inst of stage.instructions) {
      const refs: string[] = [];
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') for (const f of inst.flags) if (f.name.toLowerCase() === 'from' && f.value !== null) refs.push(f.value);
      if (inst.keyword === 'RUN') for (const m of runMounts(inst)) if (m.from !== null) refs.push(m.from);
      for (const r of refs) {
        const e = expand(r, inst.scope, model.escapeChar);
        const v = e.unresolved.length ? expand(r, model.globalScope, model.escapeChar) : e;
        if (v.value === null || v.unresolved.length) return null;
        const s = model.stageByRef(v.value);
        if (s && s !== stage) used.add(s);
      }
    }
  }
  return used;
}

export default defineRule({
  meta: {
    code: 'LW1210',
    name: 'unused-stage',
    aliases: [],
    severity: 'info',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a build stage other than the last that no other stage uses: no `FROM <stage>`, `COPY --from=<stage>` or `RUN --mount=from=<stage>` names it (by name or index).',
      why: 'Multi-stage builds keep build tools out of the final image by copying only what the last stage needs from earlier ones. A stage nothing refers to does not contribute to the image: BuildKit skips it, the classic builder still builds it. It is usually left over from a refactoring, or a copy that was meant to come from it points at another stage.',
      bad: 'FROM golang:1.22 AS builder\nRUN go version\n\nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      fix: 'Removes the stage (from its FROM line to its last instruction). A suggestion: a stage built on its own with `docker build --target <stage>` (tests, dev images) is used from outside the file.',
      notes: 'No reference tool has this rule. Stages meant as `--target`s are reported too; turn the rule off for such files or ignore the finding with a pragma. When a reference holds a variable with no known value, nothing is reported.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    if (model.stages.length < 2) return out;
    const used = referencedStages(model);
    if (!used) return out;
    for (const stage of model.stages) {
      if (stage.isFinal || used.has(stage)) continue;
      const last = stage.instructions[stage.instructions.length - 1];
      const startOff = model.lines.starts[stage.from.range.start.line];
      const next = last.range.end.line + 1;
      const endOff = next < model.lines.lineCount ? model.lines.starts[next] : model.text.length;
      const label = stage.name ? `Stage "${stage.name}"` : `Stage ${stage.index} (${stage.image.text})`;
      out.push({
        range: stage.nameRange ?? stage.image.range,
        message: `${label} is not used by any later stage: it does not contribute to the image`,
        fixes: [fix('Remove the stage', [replace(model.lines.range(startOff, endOff), '')], 'suggestion')],
      });
    }
    return out;
  },
});
