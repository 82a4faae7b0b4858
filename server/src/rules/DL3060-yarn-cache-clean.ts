import { defineRule } from '../engine/rule';
import type { Inst } from '../engine/model';
import { uncleanedCaches } from '../engine/cacheClean';
import { YARN_CACHE_DIRS, cachesRemoved, cliOptionValue, isYarnInstall, mountKeepsOut, yarnCall, type CliCall } from '../engine/packages';

const CLEANUP = 'yarn cache clean';

/** Whether a cache or tmpfs mount of the RUN holds Yarn's cache (default dirs, YARN_CACHE_FOLDER, --cache-folder). */
function cacheMounted(inst: Inst, call: CliCall): boolean {
  const dirs = [...YARN_CACHE_DIRS];
  const env = inst.scope.get('YARN_CACHE_FOLDER');
  if (env) dirs.push(env);
  const opt = cliOptionValue(call, 'cache-folder');
  if (opt) dirs.push(opt);
  return dirs.some((d) => d.startsWith('/') && mountKeepsOut(inst, d));
}

export default defineRule({
  meta: {
    code: 'DL3060',
    name: 'yarn-cache-clean',
    aliases: [],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a RUN that runs `yarn install` (or a bare `yarn`) without `yarn cache clean` after it in the same RUN, in a stage that ends up in the final image.',
      why: 'Yarn keeps a copy of every package it downloads in its global cache (`/usr/local/share/.cache/yarn` for root), often as large as `node_modules` itself. In an image nobody installs the same packages again, so the cache is dead weight in the layer. Cleaning package caches in the same RUN that filled them is what keeps them out of the image; a later RUN only hides them (see LW1004).',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
      fix: 'Appends `yarn cache clean` at the end of the RUN, joined with `&&`, in the RUN\'s own layout (same line, a new continuation line, or a new line of a `RUN <<EOF` script), keeping `sudo` when the install used it; the result is parsed again and the fix is only offered when it is exactly the old commands plus the cleanup. A suggestion, not applied by `--fix`: with Yarn 2+ in Plug\'n\'Play mode the installed packages live in the cache, so cleaning it breaks the application; it is right for Yarn 1 (the `yarn` shipped in the official Node images) and for `nodeLinker: node-modules`. Alternatively use a cache mount (`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install`).',
      notes: 'Like DL3009, only stages that end up in the final image are checked (the final stage and the stages it builds on); hadolint checks every stage, but a build stage\'s cache never reaches the image. hadolint only looks at `yarn install`; a bare `yarn` installs too and is checked. Also accepted: removing the cache directory (`rm -rf /usr/local/share/.cache/yarn`), and a `cache` or `tmpfs` mount over Yarn\'s cache directory, `$YARN_CACHE_FOLDER` or the `--cache-folder` given. The cleanup must come after the last install of the RUN.',
    },
  },
  check(model) {
    return uncleanedCaches(model, {
      install: (cmd, inst) => { const call = yarnCall(cmd.argv, inst); return call && isYarnInstall(call) && !cacheMounted(inst, call) ? call : null; },
      cleans: (cmd, inst) => cachesRemoved(cmd, inst).includes('yarn'),
      report: (call, cmd) => ({
        range: (call.sub ?? cmd.argv[0]).range, cleanup: CLEANUP, title: 'Clean the Yarn cache at the end of this RUN', safety: 'suggestion',
        message: 'Run `yarn cache clean` after `yarn install` in the same RUN: otherwise Yarn\'s cache stays in the image',
      }),
    });
  },
});
