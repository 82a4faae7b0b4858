import { defineRule, type RawFinding } from '../engine/rule';
import type { Inst } from '../engine/model';
import { mergeRunsFix } from '../engine/fixes';
import { osPackageAction, type OsPackageFamily } from '../engine/packages';

const LABEL: Record<OsPackageFamily, string> = { apt: 'apt-get install', apk: 'apk add', rpm: 'dnf/yum install', zypper: 'zypper install' };

function installsWith(inst: Inst, family: OsPackageFamily): boolean {
  return !!inst.shell && inst.shell.commands.some((c) => { const a = osPackageAction(c); return !!a && a.family === family && a.installs; });
}

function flagKey(inst: Inst): string {
  return inst.flags.map((f) => `${f.name.toLowerCase()}=${f.value ?? ''}`).sort().join('\n');
}

export default defineRule({
  meta: {
    code: 'LW1203',
    name: 'update-without-install',
    aliases: ['DS-0017', 'DS017', 'CKV_DOCKER_5'],
    severity: 'warning',
    category: 'cache',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a package-index refresh (`apt-get update`, `apt update`, `apk update`, `zypper refresh`, `dnf`/`yum makecache`) in a RUN that installs nothing with the same package manager after it.',
      why: 'The build cache keeps a RUN\'s layer as long as its text does not change. A lone `RUN apt-get update` is therefore reused for months while a later `RUN apt-get install ...` is rebuilt whenever its package list changes: it installs from a stale index, fetching outdated versions or failing on packages the mirror no longer has. The index also stays in the image as a layer of its own. The best practices combine update, install and cleanup in one RUN (`apt-get update && apt-get install -y ... && rm -rf /var/lib/apt/lists/*`).',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      fix: 'When the next instruction is a RUN with the same flags that installs with the same package manager, merges it into the RUN with the refresh (the merge DL3059 offers). A suggestion: it changes which layers rebuild. Otherwise none.',
      notes: '`apt` and `apt-get` count as one package manager; so do `yum`, `dnf`, `microdnf` and `tdnf`. `yum update`/`dnf update` upgrade packages and are not index refreshes. An install hidden in a script the RUN calls is not seen. Unlike Checkov, a refresh is judged per RUN, not by counting updates and installs over the whole file.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      const cmds = inst.shell.commands;
      for (let i = 0; i < cmds.length; i++) {
        const a = osPackageAction(cmds[i]);
        if (!a || !a.refresh) continue;
        const installed = cmds.slice(i + 1).some((c) => { const b = osPackageAction(c); return !!b && b.family === a.family && b.installs; });
        if (installed) continue;
        const next = inst.stage ? inst.stage.instructions[inst.stage.instructions.indexOf(inst) + 1] : undefined;
        const merge = next && next.keyword === 'RUN' && flagKey(next) === flagKey(inst) && installsWith(next, a.family) ? mergeRunsFix(model, inst, next) : null;
        out.push({
          range: { start: cmds[i].argv[0].range.start, end: a.sub.range.end },
          message: `The package index is refreshed but nothing is installed in this RUN: the cached layer goes stale. Run ${LABEL[a.family]} in the same RUN as the refresh`,
          fixes: merge ? [{ ...merge, title: 'Merge the install RUN into this one' }] : [],
        });
      }
    }
    return out;
  },
});
