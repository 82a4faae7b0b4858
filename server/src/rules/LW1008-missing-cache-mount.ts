import { defineRule, type RawFinding } from '../engine/rule';
import type { Inst, Model } from '../engine/model';
import { fix } from '../engine/helpers';
import { cacheableStep, normalisePath, pathWithin, runArgvs, runMounts } from '../engine/packages';
import { isRootUser, runsAsNonRootByDefault, rootImage, stageChain, userValue } from '../engine/user';

/** Whether the file uses BuildKit features: a `# syntax=` directive or a RUN `--mount`. */
function buildKitInUse(model: Model): boolean {
  return model.directives.syntax !== null || model.instructions.some((i) => i.keyword === 'RUN' && i.flags.some((f) => f.name.toLowerCase() === 'mount'));
}

/** Whether `inst` is known to run as root (no USER before it, or the last one is root). */
function runsAsRoot(inst: Inst): boolean {
  if (!inst.stage) return false;
  let user: Inst | null = null;
  for (const s of stageChain(inst.stage).reverse()) {
    for (const i of s.instructions) {
      if (s === inst.stage && i.index >= inst.index) break;
      if (i.keyword === 'USER') user = i;
    }
  }
  if (!user) return !runsAsNonRootByDefault(rootImage(inst.stage));
  const v = userValue(user);
  return !!v && v.resolved !== null && isRootUser(v.resolved);
}

export default defineRule({
  meta: {
    code: 'LW1008',
    name: 'missing-cache-mount',
    aliases: [],
    severity: 'info',
    category: 'cache',
    enabledByDefault: false,
    fixable: 'sometimes',
    docs: {
      what: 'In a Dockerfile that already uses BuildKit (a `# syntax=` directive or a `RUN --mount`), flags package installs and builds that download into a tool cache without a `RUN --mount=type=cache` over it: `apt-get`/`apt install`, `pip install`, `npm install`/`ci`, `yarn install`, `pnpm install`, `go mod download`/`go build`, `cargo build`, Maven and Gradle.',
      why: 'Layer caching throws away every download as soon as a manifest changes: one new dependency and the whole `npm ci` or `go mod download` starts from nothing. A BuildKit cache mount keeps the tool\'s cache between builds, outside the image, so rebuilds fetch only what changed and nothing of the cache lands in a layer. The seed practices pair it with copying lockfiles first.',
      bad: '# syntax=docker/dockerfile:1\nFROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
      good: '# syntax=docker/dockerfile:1\nFROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
      fix: 'Adds the mount for the tool before the command: `--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked` for apt (locked: apt cannot share its lock between parallel builds), `/root/.cache/pip` for pip, `/root/.npm` for npm, `/usr/local/share/.cache/yarn` for yarn, `/root/.local/share/pnpm/store` for pnpm, `/go/pkg/mod` (golang images; else `/root/go/pkg/mod`) and `/root/.cache/go-build` for go, `/usr/local/cargo/registry` (rust images; else `/root/.cargo/registry`) for cargo, `/root/.m2` for Maven, `/root/.gradle` for Gradle. `GOPATH`, `GOMODCACHE`, `GOCACHE`, `CARGO_HOME`, `PIP_CACHE_DIR`, `npm_config_cache` set by ENV/ARG are followed. A suggestion. No fix when the RUN does not run as root (the cache lives under that user\'s home, which the rule does not know).',
      notes: 'Off by default (cache mounts are a build-speed choice, not a defect). Not flagged: installs that turn their cache off (`pip --no-cache-dir`, `PIP_NO_CACHE_DIR`), a RUN that already has a cache mount over the directory (or a directory above or below it), and Dockerfiles without a sign of BuildKit. On Debian and Ubuntu images the `docker-clean` apt configuration deletes downloaded packages after each install, so the `/var/cache/apt` mount only pays off once `/etc/apt/apt.conf.d/docker-clean` is removed; the `/var/lib/apt` mount (package lists) works either way and makes `rm -rf /var/lib/apt/lists/*` unnecessary. The cache-dir rules (DL3042 for pip, DL3009 for apt lists, DL3019 for apk) accept a cache mount as an alternative. No reference tool has this rule.',
    },
  },
  check(model) {
    if (!buildKitInUse(model)) return [];
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || !inst.bodyRange) continue;
      const mounts = runMounts(inst).filter((m) => m.type === 'cache' && m.target !== null).map((m) => ({ ...m, target: normalisePath(m.target!) })).filter((m) => m.target.startsWith('/'));
      const seen = new Set<string>();
      for (const { argv, cmd } of runArgvs(inst)) {
        if (cmd?.inSubstitution) continue;
        const step = cacheableStep(argv, cmd, inst);
        if (!step || seen.has(step.tool)) continue;
        const missing = step.targets.filter((t) => !mounts.some((m) => pathWithin(t.dir, m.target) || pathWithin(m.target, t.dir)));
        if (!missing.length) continue;
        seen.add(step.tool);
        const flags = missing.map((t) => `--mount=type=cache,target=${t.dir}${t.sharing ? `,sharing=${t.sharing}` : ''}`);
        const root = runsAsRoot(inst);
        out.push({
          range: { start: step.words[0].range.start, end: step.words[step.words.length - 1].range.end },
          message: `With BuildKit in use, a cache mount over ${missing.map((t) => t.dir).join(' and ')} keeps ${step.tool}'s downloads between builds and out of the image: RUN ${flags.join(' ')}`,
          fixes: root ? [fix(`Add a cache mount for ${step.tool}`, [{ range: { start: inst.bodyRange.start, end: inst.bodyRange.start }, newText: flags.join(' ') + ' ' }], 'suggestion')] : [],
        });
      }
    }
    return out;
  },
});
