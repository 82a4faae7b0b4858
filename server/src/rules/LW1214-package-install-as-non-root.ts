import { defineRule, type RawFinding } from '../engine/rule';
import type { Inst, Stage } from '../engine/model';
import { fix } from '../engine/helpers';
import { osPackageAction } from '../engine/packages';
import { insertLinesAfter, insertLinesBefore, isRootUser, keywordCase, rootImage, runsAsNonRootByDefault, userValue } from '../engine/user';

/** Subcommands that remove packages: they need root as much as installs do. */
const REMOVALS = new Set(['remove', 'purge', 'autoremove', 'del', 'erase', 'rm']);
/** Wrappers that gain root for the command. */
const ELEVATE = new Set(['sudo', 'doas']);

/** Who runs the RUNs at a point: a known non-root user (with the USER that set it), root, or unknown. */
type Who = { kind: 'root' } | { kind: 'unknown' } | { kind: 'user'; name: string; inst: Inst | null };

function userAtEnd(stage: Stage, seen = new Set<Stage>()): Who {
  let who: Who;
  if (stage.baseStage && !seen.has(stage.baseStage)) { seen.add(stage); who = userAtEnd(stage.baseStage, seen); }
  else who = runsAsNonRootByDefault(rootImage(stage)) ? { kind: 'user', name: '', inst: null } : { kind: 'root' };
  for (const i of stage.instructions) if (i.keyword === 'USER') who = whoOf(i);
  return who;
}

function whoOf(inst: Inst): Who {
  const v = userValue(inst);
  if (!v || v.resolved === null) return { kind: 'unknown' };
  return isRootUser(v.resolved) ? { kind: 'root' } : { kind: 'user', name: v.resolved, inst };
}

export default defineRule({
  meta: {
    code: 'LW1214',
    name: 'package-install-as-non-root',
    aliases: [],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags OS package-manager commands that need root (`apt-get`/`apt`, `apk`, `yum`/`dnf`/`microdnf`, `zypper`: install, update, upgrade, remove) in a RUN that runs as a non-root user, because a `USER` before it in the stage (or in the stage it builds on) switched away from root, without `sudo`.',
      why: 'The best practices say to switch to a non-root user, and to do it after the steps that need root. A package install after the switch fails the build ("Permission denied" on the lock file or the database), and the usual quick repair, dropping the USER or adding sudo, weakens the image. Install first, switch last.',
      bad: 'FROM debian:bookworm-slim\nRUN useradd -m app\nUSER app\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:bookworm-slim\nRUN useradd -m app\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nUSER app\n',
      fix: 'Runs the step as root: inserts `USER root` before the RUN and switches back to the user after it. A suggestion: moving the install above the `USER` is often cleaner, but other steps in between may rely on running as that user.',
      notes: 'No reference tool has this rule. A base image that is known to run as non-root (distroless `:nonroot`, Chainguard) counts as a switch; other base images are taken to start as root. A USER whose value is not known, and commands run through `sudo` or `doas`, are not judged.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      let who: Who = stage.baseStage && stage.baseStage !== stage ? userAtEnd(stage.baseStage, new Set([stage])) : runsAsNonRootByDefault(rootImage(stage)) ? { kind: 'user', name: '', inst: null } : { kind: 'root' };
      for (const inst of stage.instructions) {
        if (inst.keyword === 'USER') { who = whoOf(inst); continue; }
        if (who.kind !== 'user' || inst.keyword !== 'RUN' || !inst.shell) continue;
        const cmd = inst.shell.commands.find((c) => {
          if (c.wrappers.some((w) => ELEVATE.has(w))) return false;
          const a = osPackageAction(c);
          return !!a && (a.installs || a.refresh || REMOVALS.has(a.action));
        });
        if (!cmd) continue;
        const a = osPackageAction(cmd)!;
        const label = who.inst ? `USER ${who.name} (line ${who.inst.range.start.line + 1})` : 'the base image\'s non-root user';
        const back = who.inst ? who.inst.args.map((w) => w.value).join(' ') : null;
        const fixes = back ? [fix('Run this step as root', [
          insertLinesBefore(model, inst, [`${keywordCase(stage, 'USER')} root`]),
          insertLinesAfter(model, inst, [`${keywordCase(stage, 'USER')} ${back}`]),
        ], 'suggestion')] : [];
        out.push({
          range: { start: cmd.argv[0].range.start, end: a.sub.range.end },
          message: `\`${cmd.name} ${a.action}\` needs root, but this RUN runs as ${label}. Install packages before switching users`,
          fixes,
        });
      }
    }
    return out;
  },
});
