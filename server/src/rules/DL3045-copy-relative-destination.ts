import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace } from '../engine/helpers';
import { stageChain } from '../engine/user';
import { expand } from '../engine/vars';

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;

function unquote(v: string): string {
  return v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'"))) ? v.slice(1, -1) : v;
}

/** `.` → `/`, `./app` → `/app`, `app/` → `/app/`. */
function absolute(dest: string): string {
  let d = dest;
  while (d.startsWith('./')) d = d.slice(2);
  if (d === '.') d = '';
  return '/' + d;
}

export default defineRule({
  meta: {
    code: 'DL3045',
    name: 'copy-relative-destination',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `COPY` to a relative destination (`.`, `app/`) in a stage where no `WORKDIR` has been set yet, neither earlier in the stage nor in the stage it builds on.',
      why: 'A relative destination is resolved against the working directory, which without a `WORKDIR` is whatever the base image chose, usually `/`. `COPY . .` then spreads the build context over the root of the filesystem. Setting `WORKDIR` (or writing an absolute destination) says where the files go and keeps them together.',
      bad: 'FROM node:20-alpine\nCOPY package.json .\nRUN npm ci\n',
      good: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm ci\n',
      fix: 'Rewrites the destination as an absolute path under `/` (`.` → `/`, `./app` → `/app`, `app/` → `/app/`) for a literal destination in shell or exec form. A suggestion: if the base image sets a `WORKDIR` of its own, the relative destination meant that folder; adding `WORKDIR /app` above is often the better edit.',
      notes: 'As in hadolint: only `COPY`; absolute paths (also Windows `C:\\` and `C:/`) are fine; a `WORKDIR` counts from where it appears. Unlike hadolint, a destination with a variable is resolved through the ARG/ENV values in scope (`COPY x $DEST` with `ENV DEST=app` is flagged; an unknown value is not), and the stage chain is followed by the model\'s stage resolution. A `WORKDIR` set by the external base image cannot be seen here.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      let workdir = stageChain(stage).slice(1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
      for (const inst of stage.instructions) {
        if (inst.keyword === 'WORKDIR') workdir = true;
        if (inst.keyword !== 'COPY' || workdir) continue;
        const exec = inst.form === 'exec' && inst.json !== null;
        const words = exec ? inst.json! : inst.args;
        if (words.length < 2) continue;
        const dest = words[words.length - 1];
        const raw = exec ? dest.value : unquote(dest.value);
        const resolved = expand(raw, inst.scope).value;
        if (resolved === null || resolved === '' || resolved.startsWith('/') || resolved.startsWith('\\') || WINDOWS_ABSOLUTE.test(resolved)) continue;
        const literal = !raw.includes('$') && (exec || raw === dest.value);
        const abs = absolute(raw);
        out.push({
          range: dest.range,
          message: `COPY to the relative destination ${raw} without a WORKDIR: it is resolved against the base image's working directory`,
          fixes: literal ? [fix(`Copy to ${abs}`, [replace(dest.range, exec ? JSON.stringify(abs) : abs)], 'suggestion')] : [],
        });
      }
    }
    return out;
  },
});
