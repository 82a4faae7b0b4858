import { defineRule, type RawFinding } from '../engine/rule';
import { fix } from '../engine/helpers';
import type { Inst, Stage } from '../engine/model';
import { imageStages, stageChain } from '../engine/user';
import { APT_LISTS_DIR, aptCall, aptCommandRange, appendCommandEdit, mountKeepsOut, removesAptLists, type AptCall } from '../engine/packages';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';
/** apt actions that read the package lists (and fail or do nothing useful without them). */
const NEEDS_LISTS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall', 'satisfy', 'policy', 'show', 'search', 'madison', 'depends', 'rdepends', 'showpkg', 'list']);

/** The last `apt-get update` of the RUN that no later command of the RUN cleans up after. */
function uncleanedUpdate(inst: Inst): AptCall | null {
  let last: AptCall | null = null;
  for (const cmd of inst.shell!.commands) {
    const a = aptCall(cmd, inst);
    if (a && a.action === 'update') last = a;
    else if (last && removesAptLists(cmd, inst)) last = null;
  }
  return last;
}

/** Whether the RUN reads the package lists before running its own `apt-get update`. */
function readsListsFirst(inst: Inst): boolean {
  for (const cmd of inst.shell!.commands) {
    if (cmd.name === 'apt-cache') return true;
    const a = aptCall(cmd, inst);
    if (!a || !a.action) continue;
    if (a.action === 'update') return false;
    if (NEEDS_LISTS.has(a.action)) return true;
  }
  return false;
}

/**
 * Whether a later RUN (this stage or a stage built on it) reads the package lists before
 * running its own `apt-get update`: removing the lists here would break that RUN.
 */
function laterRunNeedsLists(readers: Inst[], inst: Inst, chains: Map<Stage, Stage[]>): boolean {
  for (const later of readers) {
    if (later.index <= inst.index) continue;
    if (!inst.stage) return true;
    if (!later.stage) continue;
    let chain = chains.get(later.stage);
    if (!chain) { chain = stageChain(later.stage); chains.set(later.stage, chain); }
    if (chain.includes(inst.stage)) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    code: 'DL3009',
    name: 'apt-lists-not-removed',
    aliases: [],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a RUN that runs `apt-get update` (or `apt update`) without deleting `/var/lib/apt/lists` later in the same RUN, in a stage that ends up in the final image.',
      why: '`apt-get update` downloads the package lists (often tens of megabytes) into `/var/lib/apt/lists`. They are only needed while installing; left in place they ship in the image layer forever. Cleaning package caches in the same layer that created them is what makes the image smaller: a later `RUN rm` only hides them (see LW1004).',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      fix: 'Appends `rm -rf /var/lib/apt/lists/*` at the end of the RUN, joined with `&&` so it only runs when everything before it succeeded, in the RUN\'s own layout: on the same line for a one-line RUN, as a new continuation line (indented like the last command, `&&` leading or trailing as the RUN writes it) for a multi-line RUN, and as a new line of a `RUN <<EOF` script that starts with `set -e` (else ` && rm ...` after its last line). `sudo` is kept when the update used it. The edited RUN is parsed again and the fix is only offered when the result is exactly the old commands plus the removal; so there is no fix when the RUN ends with a shell comment, `;` or `&`. It is also not offered when a later RUN reads the lists without its own `apt-get update` (it would break); merge those RUNs instead. Safe otherwise: the lists are not used after the RUN.',
      notes: 'Like hadolint, only stages that end up in the final image are checked (the final stage and the stages it builds on with `FROM <stage>`); an intermediate build stage may keep its lists. Like hadolint, the trigger is `apt-get update` (the command that writes the lists): a RUN that only installs reuses lists an earlier RUN left behind, and that earlier RUN is the one reported. Accepted besides `rm -rf /var/lib/apt/lists/*`: removing the directory itself or a parent (`rm -rf /var/lib/apt/lists`), `find /var/lib/apt/lists ... -delete`, `apt-get distclean`, and a `RUN --mount=type=cache` (or `tmpfs`) whose target is `/var/lib/apt/lists` or a parent such as `/var/lib/apt` (hadolint also asks for a `/var/cache/apt` mount, which does not hold the lists). The removal must come after the last `apt-get update` of the RUN. `apt-get clean` alone is not enough: it empties `/var/cache/apt`, not the lists.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const inImage = imageStages(model);
    const readers = model.instructions.filter((i) => i.keyword === 'RUN' && i.shell && readsListsFirst(i));
    const chains = new Map<Stage, Stage[]>();
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      if (inst.stage && !inImage.has(inst.stage)) continue;
      if (mountKeepsOut(inst, APT_LISTS_DIR)) continue;
      const update = uncleanedUpdate(inst);
      if (!update) continue;
      const sudo = update.cmd.wrappers.includes('sudo');
      const edit = laterRunNeedsLists(readers, inst, chains) ? null : appendCommandEdit(model, inst, (sudo ? 'sudo ' : '') + CLEANUP);
      out.push({
        range: aptCommandRange(update),
        message: `Delete the package lists in the same RUN after \`${update.tool} update\` (\`${CLEANUP}\`): otherwise they stay in the image`,
        fixes: edit ? [fix('Remove the apt lists at the end of this RUN', [edit], 'safe')] : [],
      });
    }
    return out;
  },
});
