import { defineRule, type RawFinding } from '../engine/rule';
import type { Inst, Model, Stage } from '../engine/model';
import type { ShellCommand } from '../engine/shell';
import type { TextEdit } from '../../../shared/types';
import { fix, resolvePath, workdirAt } from '../engine/helpers';
import { copySteps, removeCommandEdit, type CopyStep } from '../engine/instructions';
import { imageFamily, rootImage, stageChain } from '../engine/user';

/** chown options that take no value (GNU coreutils and BusyBox). */
const PLAIN_OPTS = new Set(['-R', '--recursive', '-h', '--no-dereference', '--dereference', '-v', '--verbose', '-c', '--changes', '-f', '--silent', '--quiet', '-H', '-L', '-P', '--preserve-root', '--no-preserve-root']);
const ACCOUNT = /^[a-z_][a-z0-9_.-]*\$?$/i;

interface Chown { owner: string; paths: string[]; recursive: boolean }

/** `chown [-R] owner path...` with static words only; null for anything else (`--reference`, `--from`, variables). */
function readChown(cmd: ShellCommand): Chown | null {
  if (cmd.name !== 'chown' || cmd.inSubstitution) return null;
  let owner: string | null = null;
  let recursive = false;
  const paths: string[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const w = cmd.argv[i];
    if (w.dynamic) return null;
    const v = w.value;
    if (owner === null && v.startsWith('-') && v.length > 1) {
      if (PLAIN_OPTS.has(v)) { if (v === '-R' || v === '--recursive') recursive = true; continue; }
      if (/^-[RhvcfHLP]+$/.test(v)) { if (v.includes('R')) recursive = true; continue; }
      return null;
    }
    if (owner === null) owner = v;
    else paths.push(v);
  }
  return owner && paths.length ? { owner, paths, recursive } : null;
}

/** Accounts (users and groups) that RUNs of the chain create before `before`. */
function accountsBefore(stage: Stage, before: Inst): Set<string> {
  const out = new Set<string>(['root']);
  for (const s of stageChain(stage).reverse()) {
    for (const inst of s.instructions) {
      if (s === stage && inst.index >= before.index) break;
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      for (const cmd of inst.shell.commands) {
        if (!['useradd', 'adduser', 'groupadd', 'addgroup'].includes(cmd.name)) continue;
        // The account name is the last static operand (`useradd -u 10001 -m app`, `adduser -S -G app app`).
        const last = cmd.argv[cmd.argv.length - 1];
        if (last && !last.dynamic && ACCOUNT.test(last.value)) out.add(last.value);
        // `adduser -G grp` / `useradd -g grp` name an existing group: it exists too.
      }
    }
  }
  return out;
}

/** Whether `owner` (`user[:group]`) names accounts that exist when `copy` runs, so `COPY --chown` can use it. */
function ownerKnownAt(stage: Stage, copy: Inst, owner: string): boolean {
  const parts = owner.split(/[:.]/).filter((p) => p.length);
  if (!parts.length || owner.split(':').length > 2) return false;
  const known = accountsBefore(stage, copy);
  const fam = imageFamily(rootImage(stage));
  if (fam === 'node') known.add('node');
  if (fam === 'distroless' || fam === 'chainguard') known.add('nonroot');
  return parts.every((p) => /^[0-9]+$/.test(p) || known.has(p));
}

const ACCOUNT_TOOLS = new Set(['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'groupmod']);
/** A RUN that only manages accounts (it writes nothing a COPY put in place). */
function onlyAccounts(inst: Inst): boolean {
  return !!inst.shell && inst.shell.commands.length > 0 && inst.shell.commands.every((c) => ACCOUNT_TOOLS.has(c.name));
}

/** The latest COPY/ADD of the stage before `run` whose destination is `path`, with no RUN between them. */
function copyInto(model: Model, stage: Stage, run: Inst, path: string): CopyStep | null {
  const steps = copySteps(model, stage, run).filter((c) => c.inst.stage === stage);
  for (let k = steps.length - 1; k >= 0; k--) {
    const c = steps[k];
    if (c.dest !== path) continue;
    const between = stage.instructions.some((i) => i.index > c.inst.index && i.index < run.index && i.keyword === 'RUN' && !onlyAccounts(i));
    return between ? null : c;
  }
  return null;
}

export default defineRule({
  meta: {
    code: 'LW1012',
    name: 'chown-after-copy',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `RUN chown [-R] <owner> <path>` where `<path>` is exactly what a `COPY`/`ADD` before it in the same stage wrote, with no RUN between them other than ones that only create accounts (`useradd`, `groupadd` ...).',
      why: 'Layers only add: changing the owner of files writes every one of them again into the RUN\'s layer, so the copied files are in the image twice (a `chown -R` of a 300 MB `node_modules` adds another 300 MB). `COPY --chown=<user>:<group>` sets the owner while copying, in one layer.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY . /app\nRUN chown -R node:node /app\nUSER node\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node . /app\nUSER node\nCMD ["node", "server.js"]\n',
      fix: 'Adds `--chown=<owner>` to the COPY/ADD (or replaces its value) and removes the `chown` command: the whole RUN when that is all it does, otherwise the command and its `&&`. Offered only when the owner exists when the COPY runs: numeric ids, `root`, an account a RUN before the COPY creates (`useradd`, `adduser`, `groupadd`, `addgroup`), `node` on node images, `nonroot` on distroless and Chainguard; a user created in the same RUN as the `chown` (after the COPY) has to be created before the COPY first, by hand. No fix when the RUN uses `||`, `;`, pipes, subshells or heredocs. A suggestion: `chown -R` also changes the owner of the destination directory itself and of files that were there before the COPY, which `COPY --chown` does not.',
      notes: 'Only exact matches are reported: the chown path, resolved against the WORKDIR, is the COPY destination (`COPY . .` under `WORKDIR /app` and `chown -R app /app` match). A `chown` of a parent directory, of paths a RUN in between may have written, with `--reference`/`--from`, or with variables is not judged. No reference tool has this rule.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'RUN' || !inst.shell) continue;
        for (const cmd of inst.shell.commands) {
          const c = readChown(cmd);
          if (!c) continue;
          const cwd = workdirAt(inst, model.escapeChar);
          const resolved = c.paths.map((p) => (p.startsWith('/') ? resolvePath('/', p) : cwd === null ? null : resolvePath(cwd, p)));
          if (resolved.some((p) => p === null)) continue;
          const copies = resolved.map((p) => copyInto(model, stage, inst, p!));
          if (copies.some((x) => x === null)) continue;
          // A plain chown of a copied directory changes that one directory, not the files in it.
          if (!c.recursive && copies.some((x) => x!.destIsDir)) continue;
          const first = copies[0]!;
          const kw = first.inst.keyword;
          const edits: TextEdit[] = [];
          let fixable = copies.every((x) => ownerKnownAt(stage, x!.inst, c.owner));
          for (const x of new Set(copies.map((y) => y!.inst))) {
            const flag = x.flags.find((f) => f.name.toLowerCase() === 'chown');
            if (flag && flag.valueRange) edits.push({ range: flag.valueRange, newText: c.owner });
            else if (!flag && x.args[0]) edits.push({ range: { start: x.args[0].range.start, end: x.args[0].range.start }, newText: `--chown=${c.owner} ` });
            else fixable = false;
          }
          const removal = removeCommandEdit(model, inst, cmd);
          if (!removal) fixable = false;
          else edits.push(removal);
          out.push({
            range: { start: cmd.argv[0].range.start, end: cmd.argv[cmd.argv.length - 1].range.end },
            message: `This chown writes the files the ${kw} on line ${first.inst.range.start.line + 1} copied into a new layer, so the image holds them twice: use ${kw} --chown=${c.owner} instead`,
            fixes: fixable ? [fix(`Use ${kw} --chown=${c.owner} and drop the chown`, edits, 'suggestion')] : [],
          });
        }
      }
    }
    return out;
  },
});
