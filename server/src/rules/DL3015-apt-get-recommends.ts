import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import type { Inst } from '../engine/model';
import { stageChain } from '../engine/user';
import type { ShellCommand } from '../engine/shell';
import { aptCalls, aptRecommendsSetting, isAptInstall } from '../engine/packages';

// `echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/...` turns recommends off for
// every later install. One character class, no nested quantifiers.
const CONF_OFF = /APT::Install-Recommends[\s"]*(?:0|false|no|off)\b/i;

function writesRecommendsOff(cmd: ShellCommand): boolean {
  if (cmd.name !== 'echo' && cmd.name !== 'printf') return false;
  return cmd.argv.some((w, k) => k > 0 && !w.dynamic && CONF_OFF.test(w.value));
}

/**
 * Whether an apt.conf snippet written earlier (this stage and the stages it builds on, or
 * earlier in this RUN) turns recommends off. `writers` lists every such command in the file.
 */
function configuredOff(writers: { inst: Inst; cmd: number }[], inst: Inst, before: number): boolean {
  if (!writers.length || !inst.stage) return writers.some((w) => w.inst.index < inst.index || (w.inst === inst && w.cmd < before));
  const chain = stageChain(inst.stage);
  return writers.some((w) => w.inst.stage !== null && chain.includes(w.inst.stage)
    && (w.inst.stage !== inst.stage || w.inst.index < inst.index || (w.inst === inst && w.cmd < before)));
}

export default defineRule({
  meta: {
    code: 'DL3015',
    name: 'apt-get-recommends',
    aliases: ['DS-0029'],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `apt-get install` (and `apt install`) without `--no-install-recommends`.',
      why: 'By default apt also installs every package the requested ones merely *recommend*: documentation tools, extra locales, GUI helpers. They make the image bigger, slower to pull and add attack surface without being needed. Installing only what you ask for keeps the image minimal, as the Dockerfile best practices recommend.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      fix: 'Inserts `--no-install-recommends` right after `install`. Offered as a suggestion, not applied by `--fix`: it changes which packages end up in the image, and a program that relied on a recommended package (for example `ca-certificates` pulled in by `curl`) must then list it explicitly. Not offered when the command turns recommends on explicitly (`-o APT::Install-Recommends=true`), since apt reads options in order and that later option would win.',
      notes: 'Also accepted: `-o APT::Install-Recommends=false` (or `0`, `no`, `off`), `--install-recommends=no`, and an `echo`/`printf` of `APT::Install-Recommends "false";` (an apt.conf snippet) earlier in the stage or in a stage it builds on. When an option word comes from a variable whose value we cannot see, nothing is reported. `apt install` is checked like `apt-get install` (hadolint checks only `apt-get`).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const writers: { inst: Inst; cmd: number }[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      inst.shell.commands.forEach((c, k) => { if (writesRecommendsOff(c)) writers.push({ inst, cmd: k }); });
    }
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      for (const call of aptCalls(inst)) {
        if (!isAptInstall(call) || !call.sub || call.unknownWords) continue;
        const setting = aptRecommendsSetting(call);
        if (setting === false || (setting === null && configuredOff(writers, inst, inst.shell.commands.indexOf(call.cmd)))) continue;
        out.push({
          range: call.sub.range,
          message: `Add --no-install-recommends to \`${call.tool} install\` to skip recommended packages`,
          // An explicit `-o APT::Install-Recommends=true` later on the line would win over the
          // inserted flag: no fix then.
          fixes: setting === true ? [] : [fix('Add --no-install-recommends', [insertAt(call.sub.range.end, ' --no-install-recommends')], 'suggestion')],
        });
      }
    }
    return out;
  },
});
