import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace } from '../engine/helpers';
import type { Fix } from '../../../shared/types';
import { runArgvs, type CliWord } from '../engine/packages';

/** Subcommands `apt-get` runs exactly like `apt` does. */
const SAME_IN_APT_GET = new Set(['install', 'reinstall', 'update', 'remove', 'purge', 'autoremove', 'auto-remove', 'clean', 'autoclean', 'auto-clean', 'dist-upgrade', 'build-dep', 'source', 'download', 'changelog', 'satisfy']);
/** Subcommands that belong to `apt-cache`; the output is formatted a little differently. */
const APT_CACHE = new Set(['show', 'search', 'policy', 'depends', 'rdepends', 'madison', 'showsrc', 'showpkg']);
/** apt options taking a separate value (as in packages.ts). */
const WITH_VALUE = new Set(['-o', '-c', '-t', '-a', '-P', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture', '--build-profiles']);

function subcommand(argv: readonly CliWord[]): string | null {
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    if (w.dynamic) return null;
    if (w.value.startsWith('-')) { if (WITH_VALUE.has(w.value)) i++; continue; }
    return w.value.toLowerCase();
  }
  return null;
}

function programWord(word: CliWord, exec: boolean, text: string, tool: string): string | null {
  if (word.dynamic) return null;
  if (exec) return JSON.stringify(word.value.slice(0, -3) + tool);
  // Only a word written without quotes or escapes: the replacement keeps its path.
  return text === word.value ? word.value.slice(0, -3) + tool : null;
}

export default defineRule({
  meta: {
    code: 'DL3027',
    name: 'apt',
    aliases: ['CKV_DOCKER_9'],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `apt` run in a RUN instruction; scripts should use `apt-get` (and `apt-cache` for queries).',
      why: '`apt` is the interactive front end for people at a terminal: its output, defaults and command line may change between releases, and it warns that it "does not have a stable CLI interface" when used in scripts. `apt-get` and `apt-cache` are the stable, scriptable tools, so a Dockerfile written with them keeps building the same way on newer base images.',
      bad: 'FROM debian:bookworm-slim\nRUN apt update && apt install -y --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      fix: 'Replaces `apt` with `apt-get` for the subcommands both run the same way (`install`, `update`, `remove`, `purge`, `autoremove`, `clean`, `dist-upgrade`, `build-dep`, `source`, `download`, …): safe. `apt upgrade` becomes `apt-get upgrade` only as a suggestion, since `apt upgrade` also installs new packages an upgrade needs while `apt-get upgrade` holds those upgrades back. Queries (`show`, `search`, `policy`, `depends`) become `apt-cache …` as a suggestion (same information, different formatting). No fix for `apt list`, `full-upgrade` or anything else.',
      notes: 'Like hadolint, every command run as `apt` is flagged (also through `sudo`, `sh -c` and in heredoc bodies, and `/usr/bin/apt`), and only `apt` itself, not words that merely contain it. One visible difference after the fix: `apt` deletes downloaded `.deb` files after installing them while `apt-get` keeps them in `/var/cache/apt/archives`, unless the base image cleans them (the official Debian and Ubuntu images do); `apt-get clean` in the same RUN removes them.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const text = model.text;
    for (const inst of model.instructions) {
      for (const { argv, cmd } of runArgvs(inst)) {
        const prog = argv[0];
        if (!prog || prog.dynamic) continue;
        const base = prog.value.slice(prog.value.lastIndexOf('/') + 1);
        if (base !== 'apt') continue;
        const exec = cmd === null;
        const written = text.slice(model.lines.offsetAt(prog.range.start), model.lines.offsetAt(prog.range.end));
        const sub = subcommand(argv);
        const fixes: Fix[] = [];
        if (sub) {
          let tool: string | null = null;
          let safety: 'safe' | 'suggestion' = 'suggestion';
          if (SAME_IN_APT_GET.has(sub)) { tool = 'apt-get'; safety = 'safe'; }
          else if (sub === 'upgrade') tool = 'apt-get';
          else if (APT_CACHE.has(sub)) tool = 'apt-cache';
          const newText = tool ? programWord(prog, exec, written, tool) : null;
          if (tool && newText) fixes.push(fix(`Use ${tool}`, [replace(prog.range, newText)], safety));
        }
        out.push({
          range: prog.range,
          message: sub && APT_CACHE.has(sub)
            ? 'Use `apt-cache` instead of `apt` in scripts: `apt` has no stable command line'
            : 'Use `apt-get` instead of `apt` in scripts: `apt` has no stable command line',
          fixes,
        });
      }
    }
    return out;
  },
});
