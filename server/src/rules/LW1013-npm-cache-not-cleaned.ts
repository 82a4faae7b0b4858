import { defineRule } from '../engine/rule';
import type { Inst } from '../engine/model';
import { uncleanedCaches } from '../engine/cacheClean';
import { cachesRemoved, cliOptionValue, isNpmInstall, mountKeepsOut, npmCall, type CliCall } from '../engine/packages';

const CLEANUP = 'npm cache clean --force';
/** npm subcommands that download packages into the cache, besides `install` and its abbreviations. */
const FILLS_CACHE = new Set(['ci', 'clean-install', 'install-clean', 'isntall-clean', 'ic', 'install-test', 'it', 'install-ci-test', 'cit', 'update', 'up', 'upgrade']);

/** Where this npm keeps its cache: `--cache`, `npm_config_cache`, else `~/.npm` of root or a home set by ENV HOME. */
function cacheDirs(inst: Inst, call: CliCall): string[] {
  const dirs = ['/root/.npm'];
  const home = inst.scope.get('HOME');
  if (home) dirs.push(`${home.replace(/\/+$/, '')}/.npm`);
  for (const name of ['npm_config_cache', 'NPM_CONFIG_CACHE']) {
    const v = inst.scope.get(name);
    if (v) dirs.push(v);
  }
  const opt = cliOptionValue(call, 'cache');
  if (opt) dirs.push(opt);
  return dirs;
}

export default defineRule({
  meta: {
    code: 'LW1013',
    name: 'npm-cache-not-cleaned',
    aliases: [],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a RUN that installs with npm (`npm install`, `npm ci`, `npm update` and their short forms) and leaves npm\'s download cache behind: no `npm cache clean --force` (or removal of the cache folder) after it in the same RUN, and no cache mount over the cache folder, in a stage that ends up in the final image.',
      why: 'npm keeps a compressed copy of every package it downloads in `~/.npm/_cacache`, often tens or hundreds of megabytes. In an image nobody installs those packages again, so the cache is dead weight in the layer. Cleaning package caches in the same RUN that filled them (or keeping them out of the layer with `RUN --mount=type=cache`) is what keeps them out of the image; a later RUN only hides them (see LW1004).',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n',
      fix: 'Appends `npm cache clean --force` at the end of the RUN, joined with `&&`, in the RUN\'s own layout (same line, a new continuation line, or a new line of a `RUN <<EOF` script), keeping `sudo` when the install used it; the result is parsed again and the fix is only offered when it is exactly the old commands plus the cleanup. Safe (applied by `--fix`): the cache is only a download cache, nothing in the image reads it. A cache mount, as in the good example, is the better choice where BuildKit is in use: it also speeds up rebuilds.',
      notes: 'No reference tool has this rule; it is the npm member of the cache-cleaning family (DL3009 apt, DL3019 apk, DL3042 pip, DL3060 Yarn). Only stages that end up in the final image are checked (a build stage\'s cache never reaches the image). Accepted as cleanup: `npm cache clean --force` (also `clear`/`rm`) and `rm -rf /root/.npm`, after the last install of the RUN; accepted as a mount: a `cache` or `tmpfs` mount over `/root/.npm`, `$HOME/.npm`, `$npm_config_cache` or the `--cache` given. pnpm and Yarn are not checked here (DL3060 covers Yarn).',
    },
  },
  check(model) {
    return uncleanedCaches(model, {
      install: (cmd, inst) => {
        const call = npmCall(cmd.argv, inst);
        if (!call || !(isNpmInstall(call) || (call.action !== null && FILLS_CACHE.has(call.action)))) return null;
        return cacheDirs(inst, call).some((d) => d.startsWith('/') && mountKeepsOut(inst, d)) ? null : call;
      },
      cleans: (cmd, inst) => cachesRemoved(cmd, inst).includes('npm'),
      report: (call, cmd) => ({
        range: (call.sub ?? cmd.argv[0]).range, cleanup: CLEANUP, title: 'Clean the npm cache at the end of this RUN', safety: 'safe',
        message: `npm's download cache stays in the image: run \`${CLEANUP}\` after \`npm ${call.action}\` in the same RUN, or use a cache mount`,
      }),
    });
  },
});
