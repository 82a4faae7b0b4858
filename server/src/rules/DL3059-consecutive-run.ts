import { defineRule, type RawFinding } from '../engine/rule';
import { mergeRunsFix } from '../engine/fixes';
import type { Inst } from '../engine/model';

/** Commands the RUN chains at its top level (not inside `$(...)` or a `sh -c` string). */
function chainedCommands(inst: Inst): number {
  return inst.shell ? inst.shell.commands.filter((c) => !c.inSubstitution && !c.wrappers.some((w) => w.endsWith(' -c'))).length : 0;
}

function flagKey(inst: Inst): string {
  return inst.flags.map((f) => `${f.name.toLowerCase()}=${f.value ?? ''}`).sort().join('\n');
}

/** Whether `b` could be folded into `a` with `&&`: shell form, no heredocs, the same flags. */
function mergeable(a: Inst, b: Inst): boolean {
  return a.form === 'shell' && b.form === 'shell' && !a.heredocs.length && !b.heredocs.length && flagKey(a) === flagKey(b);
}

export default defineRule({
  meta: {
    code: 'DL3059',
    name: 'consecutive-run',
    aliases: [],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a `RUN` that directly follows another `RUN` of the same stage (only comments or blank lines between them) when the two could be one instruction.',
      why: 'Every `RUN` adds a layer. Chaining related commands into one `RUN` keeps the layer count down, and it is the only way files created by one command and deleted by a later one (package lists, caches, build leftovers) stay out of the image: a deletion in a later layer does not make the earlier layer smaller.',
      bad: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n',
      fix: 'Merges the `RUN` into the one before it: ` && \\` (with the file\'s escape character) at the end of the first, the second\'s commands on a continuation line, its keyword and flags dropped (they are identical). Comments between the two become comment lines inside the continuation, which the builder ignores; indentation follows the file\'s continuation lines and line endings are kept. Where plain `&&` would change when the second part runs, it is grouped with `{ ...; }`: a second `RUN` with `||`, commands separated by `;`, or a background `&` (`a && b || c` would run `c` after a failed `a`), a first `RUN` ending in `;` or `&`. A first `RUN` that changes the shell\'s state (`cd`, `export`, variable assignments, `set`, `exit`, `exec`) runs in a subshell `( ... )`, so the second still starts in the `WORKDIR` with the same environment. No fix when that grouping would be needed but the shell may be Windows `cmd`, when the first `RUN` ends in a `#` comment, or under a shell other than a POSIX shell or `cmd`. A suggestion: merging changes layer contents and which steps rebuild when the cache is invalidated.',
      notes: 'As in hadolint, comments between the two do not break the sequence, and two `RUN`s are left alone when either already chains more than two commands (separate layers were then probably chosen on purpose). Unlike hadolint, nothing is reported where the two cannot be merged as they are: different flags (`--mount`, `--network`, `--security`, in any order), heredocs, or exec form. A new stage always starts a new sequence.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      let prev: Inst | null = null;
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'RUN') { prev = null; continue; }
        if (prev && mergeable(prev, inst) && chainedCommands(prev) <= 2 && chainedCommands(inst) <= 2) {
          const f = mergeRunsFix(model, prev, inst);
          out.push({
            range: inst.keywordRange,
            message: 'This RUN follows another RUN: merge them into one to save a layer',
            fixes: f ? [f] : [],
          });
        }
        prev = inst;
      }
    }
    return out;
  },
});
