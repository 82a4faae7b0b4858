import { defineRule } from '../engine/rule';
import type { RawFinding } from '../engine/rule';
import type { Fix } from '../../../shared/types';
import type { Inst, Model, Stage, Word } from '../engine/model';
import { fix, insertAt, replace } from '../engine/helpers';
import { dependencyInstall, execArgv, type ArgWord, type DepInstall } from '../engine/deps';

/** Source words of COPY/ADD that mean "the whole build context". */
const WHOLE_CONTEXT = new Set(['.', '/', '*', './*']);

function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/** The source word of a COPY/ADD from the build context that copies all of it, if any. */
export function wholeContextSource(inst: Inst): Word | null {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return null;
  if (inst.flags.some((f) => f.name.toLowerCase() === 'from')) return null;
  const words = inst.form === 'exec' && inst.json ? inst.json : inst.args;
  if (words.length < 2) return null;
  for (const w of words.slice(0, -1)) {
    let v = inst.form === 'exec' ? w.value : unquote(w.value);
    while (v.length > 1 && v.endsWith('/')) v = v.slice(0, -1);
    if (WHOLE_CONTEXT.has(v)) return w;
  }
  return null;
}

/** Manifest-driven dependency installs of one RUN, in order. */
function installsOf(inst: Inst): DepInstall[] {
  if (inst.keyword !== 'RUN') return [];
  const argvs: (readonly ArgWord[])[] = inst.form === 'exec' && inst.json ? [execArgv(inst.json)] : (inst.shell?.commands ?? []).map((c) => c.argv);
  const out: DepInstall[] = [];
  for (const argv of argvs) {
    const d = dependencyInstall(argv);
    if (d) out.push(d);
  }
  return out;
}

/** Tools whose install already ran in the stages `stage` builds on. */
function toolsInBaseStages(stage: Stage): Set<string> {
  const tools = new Set<string>();
  const seen = new Set<Stage>();
  for (let s = stage.baseStage; s && !seen.has(s); s = s.baseStage) {
    seen.add(s);
    for (const i of s.instructions) for (const d of installsOf(i)) tools.add(d.tool);
  }
  return tools;
}

function lineOf(inst: Inst): number { return inst.range.start.line + 1; }

const MOVABLE_COPY_FLAGS = new Set(['chown', 'chmod', 'link']);

/**
 * npm only, and only the plain shape: `COPY [--chown/--chmod/--link] . <dir>` directly followed
 * (comments aside) by a RUN that is nothing but `npm ci` / `npm install`. Then: copy
 * `package*.json` to the same place, move that RUN above the COPY. A suggestion: lifecycle
 * scripts or an `.npmrc` in the context may need files that are now copied later.
 */
function npmFix(model: Model, copy: Inst, src: Word, next: Inst | undefined, dep: DepInstall): Fix | null {
  if (dep.tool !== 'npm' || !next || next.keyword !== 'RUN') return null;
  if (copy.form !== 'shell' || copy.args.length !== 2 || copy.args[0] !== src || copy.heredocs.length) return null;
  if (copy.flags.some((f) => !MOVABLE_COPY_FLAGS.has(f.name.toLowerCase()))) return null;
  const dest = copy.args[1].value;
  if (dest !== '.' && !dest.endsWith('/')) return null;
  if (next.heredocs.length) return null;
  const oneCommand = next.form === 'exec' ? next.json !== null : !!next.shell && !next.shell.hasErrors && next.shell.commands.length === 1;
  if (!oneCommand || installsOf(next)[0]?.tool !== 'npm') return null;

  const lines = model.lines;
  const copyStart = lines.offsetAt(copy.range.start);
  const lineStart = lines.starts[copy.range.start.line];
  const indent = model.text.slice(lineStart, copyStart);
  if (indent.trim()) return null;
  const prefix = model.text.slice(copyStart, lines.offsetAt(src.range.start));
  // Several files (package.json and the lockfile) need a directory destination ending in `/`.
  const destText = dest === '.' ? './' : lines.textOf(copy.args[1].range);
  const runText = lines.textOf(next.range);
  const eol = model.eol;

  let delStart = lines.starts[next.range.start.line];
  let delEnd = next.range.end.line + 1 < lines.lineCount ? lines.starts[next.range.end.line + 1] : model.text.length;
  if (delEnd === model.text.length && !/[\r\n]$/.test(model.text)) delStart = lines.lineEnd(next.range.start.line - 1);
  if (model.text.slice(delStart, lines.offsetAt(next.range.start)).trim()) return null;
  return fix('Copy package*.json first and install before copying the sources', [
    insertAt(copy.range.start, `${prefix}package*.json ${destText}${eol}${indent}${runText}${eol}${indent}`),
    replace(lines.range(delStart, delEnd), ''),
  ], 'suggestion');
}

export default defineRule({
  meta: {
    code: 'LW1003',
    name: 'context-copied-before-install',
    aliases: [],
    severity: 'info',
    category: 'cache',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `COPY . <dst>` (the whole build context) that comes before a RUN installing dependencies from a manifest (`npm ci`, `pip install -r requirements.txt`, `go mod download`, `bundle install` …) in the same stage.',
      why: 'Docker reuses a layer only while everything before it is unchanged. Once the whole context is copied, any edit to any source file invalidates that layer and every layer after it, so the dependency install runs again on every build, downloading the same packages. The best practices say to order layers by how often they change: copy only the manifest and lockfile, install, then copy the rest of the sources.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      fix: 'For npm in its plain shape (`COPY . <dir>` with at most `--chown`/`--chmod`/`--link`, immediately followed by a RUN that is only `npm ci` or `npm install`), a suggestion inserts `COPY package*.json <dir>` and moves that RUN above `COPY . <dir>`. It is not applied by `--fix`: lifecycle scripts (`postinstall`, `prepare`) or an `.npmrc` in the context may need files that now arrive later, so check the build. Otherwise no automatic fix, since which files an install needs (workspaces, local packages) only the project knows: copy the manifests the message names first, install, then copy the rest.',
      notes: 'Counted as dependency installs: npm ci / npm install (no package names), yarn [install], pnpm/bun install, pip / uv pip install -r, uv pip sync, uv sync, poetry install, pipenv install/sync, bundle [install], composer install, go mod download, cargo fetch, mvn dependency:go-offline/resolve, gradle dependencies, dotnet restore, mix deps.get. Not counted: installs of named packages (`pip install flask`), `pip install .` (it needs the sources anyway), and builds that fetch dependencies as a side effect (`go build`, `cargo build`, `mvn package`), which have no manifest-only step to move. A second install of the same tool after the copy is fine when that tool already installed before it (`poetry install --no-root` first, `poetry install` for the project later), also in a stage this one builds on. Sources counted as the whole context: `.`, `./`, `/`, `*`, `./*`, alone or among other sources; `COPY --from` is not the context.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const before = toolsInBaseStages(stage);
      const insts = stage.instructions;
      for (let k = 0; k < insts.length; k++) {
        const inst = insts[k];
        const src = wholeContextSource(inst);
        if (!src) {
          for (const d of installsOf(inst)) before.add(d.tool);
          continue;
        }
        let hit: { inst: Inst; dep: DepInstall; index: number } | null = null;
        for (let j = k + 1; j < insts.length && !hit; j++) {
          for (const d of installsOf(insts[j])) if (!before.has(d.tool)) { hit = { inst: insts[j], dep: d, index: j }; break; }
        }
        if (!hit) continue;
        const f = hit.index === k + 1 ? npmFix(model, inst, src, hit.inst, hit.dep) : null;
        out.push({
          fixes: f ? [f] : [],
          range: src.range,
          message: `The whole build context is copied before '${hit.dep.label}' (line ${lineOf(hit.inst)}) installs dependencies, so any source change re-runs the install; copy ${hit.dep.manifests.join(', ')} first, install, then copy the rest`,
        });
      }
    }
    return out;
  },
});
