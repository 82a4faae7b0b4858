import { defineRule, type RawFinding } from '../engine/rule';
import { fix, removeWithTrailingBlanks, unquote } from '../engine/helpers';

// `$TARGETPLATFORM`, `${TARGETPLATFORM}` and `${TARGETPLATFORM:-…}` / `${TARGETPLATFORM-…}`
// (the builder always sets it, so a default never applies).
const TARGET = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM(?::?-[^}]*)?\})$/;

export default defineRule({
  meta: {
    code: 'DL3065',
    name: 'redundant-target-platform',
    aliases: ['RedundantTargetPlatform'],
    severity: 'warning',
    category: 'style',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `FROM --platform=$TARGETPLATFORM`, which asks for what the builder does anyway.',
      why: 'A stage\'s base image is pulled for the target platform unless told otherwise, so the flag adds noise and suggests to readers that something special happens. Keeping `--platform` for the cases that need it (`$BUILDPLATFORM` for cross-compiling build stages) keeps multi-platform Dockerfiles readable.',
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN apk add --no-cache git\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache git\n',
      fix: 'Removes the `--platform=…` flag. Safe: the default platform of a stage is the target platform.',
      notes: 'Also recognises `${TARGETPLATFORM}`, a quoted value and `${TARGETPLATFORM:-…}` (BuildKit reports these too; hadolint only the two plain spellings). Not flagged when the Dockerfile declares a global `ARG TARGETPLATFORM=…` default of its own.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const redeclared = model.globalScope.get('TARGETPLATFORM');
    if (redeclared !== undefined && redeclared !== null) return out;
    for (const stage of model.stages) {
      for (const f of stage.from.flags) {
        if (f.name.toLowerCase() !== 'platform' || f.value === null || !TARGET.test(unquote(f.value))) continue;
        out.push({
          range: f.range,
          message: 'FROM --platform=$TARGETPLATFORM is redundant: the target platform is the default',
          fixes: [fix('Remove the redundant --platform flag', [removeWithTrailingBlanks(model, f.range)], 'safe')],
        });
      }
    }
    return out;
  },
});
