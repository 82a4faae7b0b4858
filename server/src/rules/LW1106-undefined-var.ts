import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace } from '../engine/helpers';
import { closestName, type Scope } from '../engine/vars';
import { knownImageEnv, rootImage } from '../engine/user';
import { variableRefs, type Inst, type Model } from '../engine/model';

/** Instructions whose arguments Docker expands with ARG/ENV values before running anything. */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);

/** The variables visible to `inst` (ENV/ARG see the values from before themselves). */
function scopeBefore(model: Model, inst: Inst): Scope {
  return inst.index === 0 ? new Map() : model.instructions[inst.index - 1].scope;
}

/** Whether `offset` in the text lies inside single quotes (where Docker does not expand). */
function inSingleQuotes(text: string, offset: number, esc: string): boolean {
  let single = false, double = false;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (single) { if (c === "'") single = false; continue; }
    if (c === esc) { i++; continue; }
    if (c === '"') double = !double;
    else if (c === "'" && !double) single = true;
  }
  return single;
}

export default defineRule({
  meta: {
    code: 'LW1106',
    name: 'undefined-var',
    aliases: ['UndefinedVar'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `$VAR` / `${VAR}` in an instruction Docker expands itself (ADD, COPY, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR, ARG defaults) when no `ARG` or `ENV` before it in the stage defines the name.',
      why: 'Docker replaces an undefined variable with an empty string without complaint: `WORKDIR $APP_HOME/src` becomes `/src`, `ENV PATH=$PAHT:/opt/bin` throws the system PATH away, `COPY $DIST ./` copies the whole build context. Builds stay reproducible and small only when every variable they depend on is declared where it is used (ARGs must be re-declared inside each stage that uses them).',
      bad: 'FROM alpine:3.20\nENV PATH=$PAHT:/opt/app/bin\nCOPY $DIST_DIR /opt/app/\n',
      good: 'FROM alpine:3.20\nARG DIST_DIR=dist\nENV PATH=$PATH:/opt/app/bin\nCOPY $DIST_DIR /opt/app/\n',
      fix: 'When the name is a likely typo of a defined variable (`$PAHT` → `$PATH`, `$app_home` → `$APP_HOME`), a suggestion renames it. Otherwise there is no fix: declare the ARG or ENV with the value you mean.',
      notes: 'RUN, CMD and ENTRYPOINT are not checked: their shell resolves variables at run time, from the container\'s environment. `${VAR:-default}`, `${VAR:+x}` and `${VAR:?}` are not reported (they handle the unset case on purpose), and neither is `$VAR` inside single quotes (not expanded). BuildKit reads the base image\'s ENV; Layerwise cannot, so it knows the ENV of common official images (python, node, golang, openjdk, nginx, …; PATH everywhere). In a stage built on another image a variable the image may set is only reported when it looks like a typo of a defined one. The instruction after `ONBUILD` runs in another build and is not checked.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const esc = model.escapeChar;
    for (const inst of model.instructions) {
      if (!EXPANDED.has(inst.keyword)) continue;
      const vars = variableRefs(inst);
      if (!vars.length) continue;
      const scope = scopeBefore(model, inst);
      const imageEnv = inst.stage ? knownImageEnv(rootImage(inst.stage)) : new Set<string>();
      const known = (n: string) => scope.has(n) || n === 'PATH' || (imageEnv?.has(n) ?? false);
      const instText = model.lines.textOf(inst.range);
      const instStart = model.lines.offsetAt(inst.range.start);
      for (const v of vars) {
        const name = v.getName();
        if (!name || v.getModifier() !== null || known(name)) continue;
        const range = v.getNameRange();
        if (inSingleQuotes(instText, model.lines.offsetAt(range.start) - instStart, esc)) continue;
        const guess = closestName(name, [...scope.keys(), ...(imageEnv ?? ['PATH'])]);
        // The base image's ENV is unknown: only a near-miss of a defined name is worth reporting.
        if (imageEnv === null && !guess) continue;
        out.push({
          range,
          message: `'$${name}' is not defined by an ARG or ENV before this ${inst.keyword}${guess ? ` (did you mean '$${guess}'?)` : ''}; Docker substitutes an empty string`,
          fixes: guess ? [fix(`Change to '${guess}'`, [replace(range, guess)], 'suggestion')] : [],
        });
      }
    }
    return out;
  },
});
