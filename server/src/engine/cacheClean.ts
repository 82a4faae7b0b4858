// The cache-cleaning rules (DL3032 yum, DL3036 zypper, DL3040 dnf, DL3060 Yarn, LW1013 npm):
// an install in a RUN of a stage that ends up in the final image, with no cleanup after it in
// the same RUN and no cache mount keeping the cache out of the layer. One walk, the rules
// say only what an install, a cleanup and the appended command are for their tool.
import type { Range } from '../../../shared/types';
import type { Model, Inst } from './model';
import type { ShellCommand } from './shell';
import type { FixSafety } from '../../../shared/types';
import type { RawFinding } from './rule';
import { fix } from './helpers';
import { imageStages } from './user';
import { appendCommandEdit, lastUncleaned, mountKeepsOut } from './packages';

export interface UncleanedCache<T> {
  /** A cache or tmpfs mount of the RUN over one of these keeps the cache out: nothing to report. */
  mountedDirs?: readonly string[];
  /** What an install command yields for the report; null for other commands (or an install whose cache is kept out). */
  install(cmd: ShellCommand, inst: Inst): T | null;
  /** Whether the command removes the cache (a later install fills it again). */
  cleans(cmd: ShellCommand, inst: Inst): boolean;
  /** The finding for the last uncleaned install: where, what to say, the cleanup command to append. */
  report(found: T, cmd: ShellCommand): { range: Range; message: string; cleanup: string; title: string; safety: FixSafety };
}

export function uncleanedCaches<T>(model: Model, spec: UncleanedCache<T>): RawFinding[] {
  const out: RawFinding[] = [];
  const inImage = imageStages(model);
  for (const inst of model.instructions) {
    if (inst.keyword !== 'RUN' || !inst.shell) continue;
    if (inst.stage && !inImage.has(inst.stage)) continue;
    if (spec.mountedDirs?.some((d) => mountKeepsOut(inst, d))) continue;
    const last = lastUncleaned(inst, (cmd) => spec.install(cmd, inst), (cmd) => spec.cleans(cmd, inst));
    if (!last) continue;
    const r = spec.report(last.found, last.cmd);
    const sudo = last.cmd.wrappers.includes('sudo');
    const edit = appendCommandEdit(model, inst, (sudo ? 'sudo ' : '') + r.cleanup);
    out.push({ range: r.range, message: r.message, fixes: edit ? [fix(r.title, [edit], r.safety)] : [] });
  }
  return out;
}
