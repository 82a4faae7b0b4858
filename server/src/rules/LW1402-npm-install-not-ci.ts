import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace } from '../engine/helpers';
import { NPM_LOCKFILES, copiedFromContext, isNpmCi, isNpmInstall, npmCall, npmSupportsOmit, runArgvs, type CliOption } from '../engine/packages';

/** `--only=production`/`--only prod`/`--production` (true): the deprecated ways of leaving devDependencies out. */
function productionOption(options: readonly CliOption[]): CliOption | null {
  for (const o of options) {
    if (o.name === 'only' && o.value !== null && /^prod(uction)?$/i.test(o.value)) return o;
    if (o.name === 'production' && (o.value === null || /^true$/i.test(o.value))) return o;
  }
  return null;
}

export default defineRule({
  meta: {
    code: 'LW1402',
    name: 'npm-install-not-ci',
    aliases: [],
    severity: 'info',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `npm install` (no package names) in a stage that copied `package-lock.json` (or `npm-shrinkwrap.json`): `npm ci` is meant. Also flags the deprecated `--only=production` and `--production`, which `--omit=dev` replaces.',
      why: 'The lockfile is what makes a Node install reproducible, and only `npm ci` honours it strictly: it installs exactly the locked versions, fails when `package.json` and the lockfile disagree, and starts from an empty `node_modules`. `npm install` may resolve newer versions and rewrite the lockfile inside the image, so two builds of the same commit can differ. For production images, `--omit=dev` is the current way to leave devDependencies out; `--only=production` and `--production` are deprecated since npm 7/8 and print warnings.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install --only=production\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
      fix: '`install` → `ci` is a suggestion: `npm ci` fails when the lockfile is out of date, which is the point, but may break a build that relied on `npm install` repairing it. `--only=production` / `--production` → `--omit=dev` is safe when the stage is built on the official `node` image of Node 15 or newer (npm 7+, where both mean the same); otherwise a suggestion, since npm 6 does not know `--omit` and would install devDependencies.',
      notes: 'The lockfile counts when a COPY/ADD from the build context names it or a glob matching it (`package*.json`, `package-lock.json*`), or a RUN bind-mounts it, earlier in the stage or in a stage it builds on; a whole-context `COPY . .` does not count, since we cannot see whether the lockfile exists. Not flagged: installs of named packages (see DL3016), global installs (`-g`), and `--no-package-lock`/`--package-lock=false`. `--only=dev` and `--production=false` are left alone.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const { argv, cmd } of runArgvs(inst)) {
        const call = npmCall(argv, inst);
        if (!call || !call.sub || !(isNpmInstall(call) || isNpmCi(call))) continue;
        const exec = cmd === null;
        if (isNpmInstall(call) && call.action !== 'add' && call.operands.length === 0 && !call.dynamic
          && !call.options.some((o) => ['g', 'global', 'no-package-lock'].includes(o.name) || (o.name === 'package-lock' && o.value !== null && /^false$/i.test(o.value)))
          && copiedFromContext(inst, NPM_LOCKFILES)) {
          out.push({
            range: call.sub.range,
            message: 'Use `npm ci` instead of `npm install`: the lockfile is copied, and `npm ci` installs exactly what it locks',
            fixes: [fix('Use npm ci', [replace(call.sub.range, exec ? '"ci"' : 'ci')], 'suggestion')],
          });
        }
        const prod = productionOption(call.options);
        if (prod) {
          const first = prod.words[0], last = prod.words[prod.words.length - 1];
          // Only option words written plainly (not from a variable) can be rewritten.
          const plain = prod.words.every((w) => !w.dynamic);
          const range = { start: first.range.start, end: last.range.end };
          const newText = exec ? (prod.words.length === 1 ? '"--omit=dev"' : null) : '--omit=dev';
          out.push({
            range,
            message: 'Use `--omit=dev` instead of the deprecated `--only=production` / `--production`',
            fixes: plain && newText ? [fix('Use --omit=dev', [replace(range, newText)], npmSupportsOmit(inst.stage) ? 'safe' : 'suggestion')] : [],
          });
        }
      }
    }
    return out;
  },
});
