import { defineRule, type RawFinding } from '../engine/rule';
import { fix, removeWithTrailingBlanks, runCommands } from '../engine/helpers';
import { isRootUser, rootImage, runsAsNonRootByDefault, stageChain, userValue } from '../engine/user';
import type { Inst } from '../engine/model';
import type { ShellWord } from '../engine/shell';

/**
 * Whether the RUN runs as root: the last USER before it (in its stage or the stages it builds
 * on) is root, or there is none and the base image is not known to default to a non-root user.
 * False when a USER value is unknown.
 */
function runsAsRoot(inst: Inst): boolean {
  if (!inst.stage) return false;
  let last: Inst | null = null;
  for (const s of stageChain(inst.stage).reverse()) {
    for (const i of s.instructions) if (i.keyword === 'USER' && (s !== inst.stage || i.index < inst.index)) last = i;
  }
  if (!last) return !runsAsNonRootByDefault(rootImage(inst.stage));
  const v = userValue(last);
  return v !== null && v.resolved !== null && isRootUser(v.resolved);
}

export default defineRule({
  meta: {
    code: 'DL3004',
    name: 'sudo',
    aliases: ['DS-0010', 'DS010'],
    severity: 'error',
    category: 'security',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `sudo` in a `RUN` step.',
      why: 'Build steps already run as the current `USER`, root unless the Dockerfile switched away. `sudo` adds a setuid binary and its configuration to the image, resets the environment and `PATH` in ways that surprise, and behaves unpredictably without a terminal. The best practices say to avoid installing or using `sudo`: run root steps before switching `USER`, and use a tool like `gosu` if an entrypoint must drop privileges.',
      bad: 'FROM debian:bookworm-slim\nRUN sudo apt-get update\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update\n',
      fix: 'When `sudo` has no options and the step already runs as root (no non-root `USER` before it, and a base image that does not default to a non-root user), removes `sudo `. Only a suggestion: `sudo` resets the environment and `PATH`, so the command may see different variables without it. No fix after a non-root `USER` (move the step before the `USER` switch instead) or for `sudo -u …`.',
      notes: 'Found as a command wrapper anywhere in the step (`make && sudo make install`, `xargs sudo rm`, `sh -c "sudo …"`, heredoc bodies, exec form), never as a word (`apt-get install sudo` is fine).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const message = 'Do not use sudo: RUN already runs as the current USER; switch USER around the step instead';
    for (const { inst, cmd } of runCommands(model)) {
      const words: ShellWord[] = (cmd.wrapperWords ?? []).filter((w) => w.value === 'sudo' || w.value.endsWith('/sudo'));
      if (cmd.name === 'sudo' && !cmd.argv[0].dynamic) { out.push({ range: cmd.argv[0].range, message }); continue; }
      for (const w of words) {
        const all = [...(cmd.wrapperWords ?? []), cmd.argv[0]];
        const next = all[all.indexOf(w) + 1];
        const between = model.text.slice(model.lines.offsetAt(w.range.end), model.lines.offsetAt(next.range.start));
        const plain = /^[ \t]+$/.test(between);
        out.push({
          range: w.range,
          message,
          fixes: plain && runsAsRoot(inst) ? [fix('Remove sudo (the step already runs as root)', [removeWithTrailingBlanks(model, w.range)], 'suggestion')] : [],
        });
      }
    }
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || inst.form !== 'exec' || !inst.json || inst.json.length === 0) continue;
      const v = inst.json[0].value;
      if (v === 'sudo' || v.endsWith('/sudo')) out.push({ range: inst.json[0].range, message });
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return out;
  },
});
