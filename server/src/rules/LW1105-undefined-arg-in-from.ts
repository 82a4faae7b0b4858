import { variableRefs } from '../engine/model';
import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace, keywordText } from '../engine/helpers';
import { PLATFORM_ARGS, closestName } from '../engine/vars';
import { insertLinesBefore } from '../engine/user';

export default defineRule({
  meta: {
    code: 'LW1105',
    name: 'undefined-arg-in-from',
    aliases: ['UndefinedArgInFrom'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a variable in a `FROM` line (image or `--platform`) that is not declared by an `ARG` before the first `FROM` and is not one of BuildKit\'s platform ARGs (`TARGETPLATFORM`, `BUILDPLATFORM`, `TARGETOS`, `TARGETARCH`, …).',
      why: 'Only ARGs declared before the first `FROM` can be used in `FROM`. An undeclared one is always empty, and `--build-arg` cannot set it, so `FROM node:${NODE_VERSION}` silently becomes `FROM node:` or pulls another image than the one you pinned. Pinned, reproducible base images only work when the variables that pin them are real.',
      bad: 'FROM node:${NODE_VERSION}-alpine\nRUN node --version\n',
      good: 'ARG NODE_VERSION=22.11.0\nFROM node:${NODE_VERSION}-alpine\nRUN node --version\n',
      fix: 'When the name is a likely typo of a declared global ARG or a platform ARG (`$BUILDPLATFOM`, `$node_version`), a suggestion renames it. Otherwise a suggestion declares `ARG <name>` before the first `FROM` (add a default value yourself). Both are suggestions: they change which value the build uses.',
      notes: 'ARGs declared inside a stage do not count for later `FROM` lines (Docker scopes them to the stage). A variable with a default (`${TAG:-3.20}`) is still reported when undeclared: the default always applies and `--build-arg TAG=…` is ignored.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const declared = new Set(model.globalScope.keys());
    const candidates = [...declared, ...PLATFORM_ARGS];
    const firstFrom = model.stages[0]?.from;
    // The same undefined name usually recurs in many FROMs: its guess is looked up once.
    const guesses = new Map<string, string | null>();
    for (const stage of model.stages) {
      for (const v of variableRefs(stage.from)) {
        const name = v.getName();
        if (!name || declared.has(name) || PLATFORM_ARGS.has(name)) continue;
        const range = v.getNameRange();
        let guess = guesses.get(name);
        if (guess === undefined) guesses.set(name, (guess = closestName(name, candidates)));
        const fixes = guess
          ? [fix(`Change to '${guess}'`, [replace(range, guess)], 'suggestion')]
          : firstFrom ? [fix(`Declare 'ARG ${name}' before the first FROM`, [insertLinesBefore(model, firstFrom, [`${keywordText(firstFrom) === 'from' ? 'arg' : 'ARG'} ${name}`])], 'suggestion')] : [];
        out.push({
          range,
          message: `FROM uses '${name}', which is not declared by an ARG before the first FROM${guess ? ` (did you mean '${guess}'?)` : ''}`,
          fixes,
        });
      }
    }
    return out;
  },
});
