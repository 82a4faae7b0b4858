import { defineRule, type RawFinding } from '../engine/rule';
import { normalisePath } from '../engine/packages';
import { expand } from '../engine/vars';
import type { Inst, Word } from '../engine/model';

/** The path a COPY word names after quote removal and ARG/ENV substitution (null: unknown). */
function pathOf(inst: Inst, w: Word, exec: boolean): string | null {
  let v = w.value;
  if (!exec && v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) v = v.slice(1, -1);
  const r = expand(v, inst.scope).value;
  if (r === null) return null;
  let p = normalisePath(r);
  while (p.endsWith('/.')) p = normalisePath(p.slice(0, -2) || '/');
  if (p === '.') return null;
  return p;
}

export default defineRule({
  meta: {
    code: 'DL3067',
    name: 'copy-whole-filesystem',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `COPY --from=<stage or image> / /`: copying the whole filesystem of another stage or image over the root of this one.',
      why: 'Multi-stage builds exist to carry only the build output into the final image. Copying `/` brings the other stage\'s compilers, package caches and sources along, and overwrites this image\'s own system files (`/etc/passwd`, the package database, `/bin/sh`) with the other stage\'s versions. If the other stage is what you want to ship, build `FROM` it instead; otherwise copy the directories you need.',
      bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
      fix: 'None: which files the image needs is for the author to decide.',
      notes: 'As in hadolint, a source `/` and a destination `/` are required; we also recognise spellings of the root such as `/.` and `//`, and resolve ARG/ENV values (`COPY --from=build $SRC /` with `ARG SRC=/`). A value we cannot resolve is not flagged. The range is the `/` source.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'COPY' || !inst.flags.some((f) => f.name.toLowerCase() === 'from')) continue;
      const exec = inst.form === 'exec' && inst.json !== null;
      const words = exec ? inst.json! : inst.args;
      if (words.length < 2) continue;
      if (pathOf(inst, words[words.length - 1], exec) !== '/') continue;
      const root = words.slice(0, -1).find((w) => pathOf(inst, w, exec) === '/');
      if (!root) continue;
      out.push({ range: root.range, message: 'Do not copy the whole filesystem of another stage: copy the paths the image needs' });
    }
    return out;
  },
});
