import { defineRule } from '../engine/rule';
import type { RawFinding } from '../engine/rule';
import type { Inst, Stage, Word } from '../engine/model';
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

export default defineRule({
  meta: {
    code: 'LW1003',
    name: 'context-copied-before-install',
    aliases: [],
    severity: 'info',
    category: 'cache',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `COPY . <dst>` (the whole build context) that comes before a RUN installing dependencies from a manifest (`npm ci`, `pip install -r requirements.txt`, `go mod download`, `bundle install` …) in the same stage.',
      why: 'Docker reuses a layer only while everything before it is unchanged. Once the whole context is copied, any edit to any source file invalidates that layer and every layer after it, so the dependency install runs again on every build, downloading the same packages. The best practices say to order layers by how often they change: copy only the manifest and lockfile, install, then copy the rest of the sources.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      fix: 'None automatic: which files the install needs (workspaces, local packages, lifecycle scripts that read sources) only the project knows. Copy the manifests the message names before the install, and move `COPY . .` after it.',
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
        let hit: { inst: Inst; dep: DepInstall } | null = null;
        for (let j = k + 1; j < insts.length && !hit; j++) {
          for (const d of installsOf(insts[j])) if (!before.has(d.tool)) { hit = { inst: insts[j], dep: d }; break; }
        }
        if (!hit) continue;
        out.push({
          range: src.range,
          message: `The whole build context is copied before '${hit.dep.label}' (line ${lineOf(hit.inst)}) installs dependencies, so any source change re-runs the install; copy ${hit.dep.manifests.join(', ')} first, install, then copy the rest`,
        });
      }
    }
    return out;
  },
});
