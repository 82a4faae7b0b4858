import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import { runCalls } from '../engine/instructions';
import { imageFamily, rootImage } from '../engine/user';
import type { ArgWord } from '../engine/deps';
import type { Stage } from '../engine/model';

/** GNU wget short options that take a value (`-O file`, `-Ofile`). */
const SHORT_WITH_VALUE = new Set('oaeiBtOTwQPUlARDXIY'.split(''));

/** Whether the wget call keeps its log short: --progress, quiet, no-verbose, or a log file. */
function quietEnough(argv: readonly ArgWord[]): boolean {
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i].value;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const name = v.split('=')[0];
      if (['--progress', '--quiet', '--no-verbose', '--output-file', '--append-output'].includes(name)) return true;
      continue;
    }
    if (v === '-nv') return true;
    if (!v.startsWith('-') || v.length < 2 || v.startsWith('-n')) continue;
    for (let k = 1; k < v.length; k++) {
      const c = v[k];
      if (c === 'q' || c === 'o' || c === 'a') return true;
      if (SHORT_WITH_VALUE.has(c)) break;
    }
  }
  return false;
}

/** Alpine and BusyBox images run BusyBox wget, which has `-q` but not GNU wget's `--progress`. */
function busyboxWget(stage: Stage | null): boolean {
  if (!stage) return false;
  const ref = rootImage(stage);
  return imageFamily(ref) === 'alpine' || (ref.tag ?? '').toLowerCase().includes('alpine');
}

export default defineRule({
  meta: {
    code: 'DL3047',
    name: 'wget-progress',
    aliases: [],
    severity: 'info',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `wget` without an option that keeps its progress output short: `--progress=...`, `-q`/`--quiet`, `-nv`/`--no-verbose`, or a log file (`-o`/`--output-file`, `-a`/`--append-output`).',
      why: 'When its output is not a terminal, as in a build, GNU wget prints its progress as lines of dots: a large download fills the build log with thousands of lines, which hides the output that matters and can hit log size limits in CI.',
      bad: 'FROM debian:bookworm-slim\nRUN wget https://example.com/tool.tar.gz\n',
      good: 'FROM debian:bookworm-slim\nRUN wget --progress=dot:giga https://example.com/tool.tar.gz\n',
      fix: 'Inserts ` --progress=dot:giga` after `wget` (one dot per megabyte-sized chunk, one line per 32 MB); on Alpine and BusyBox base images, whose BusyBox wget has no `--progress`, inserts ` -q` instead. In exec form the option is added as a new array element. A suggestion: it only changes the build log, but a GNU option on an image that runs another wget would break the build.',
      notes: 'The same options as hadolint count; in addition bundled short options (`-qO-`, `-qO /tmp/x`) are read. Exec-form `RUN ["wget", ...]` is checked too. The range is the `wget` word.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const call of runCalls(model)) {
      if (call.name !== 'wget' || quietEnough(call.argv)) continue;
      const opt = busyboxWget(call.inst.stage) ? '-q' : '--progress=dot:giga';
      const prog = call.argv[0];
      out.push({
        range: prog.range,
        message: `wget without --progress, -q or -nv floods the build log with progress lines: add ${opt}`,
        fixes: [fix(`Add ${opt}`, [insertAt(prog.range.end, call.cmd ? ` ${opt}` : `, "${opt}"`)], 'suggestion')],
      });
    }
    return out;
  },
});
