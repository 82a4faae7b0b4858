import { defineRule, type RawFinding } from '../engine/rule';
import { fix, joinPosixPath, replace, unquote } from '../engine/helpers';
import { stageChain } from '../engine/user';
import { expand } from '../engine/vars';
import type { Inst, Model } from '../engine/model';
import type { Range } from '../../../shared/types';

/** `/x`, `C:\x`, `C:/x`, `C:`, `\x` (Windows root-relative) and `\\server\share` count as absolute. */
function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:/.test(p);
}

interface WorkdirValue { raw: string; range: Range; quote: string; inner: string; resolved: string | null }

/** The WORKDIR argument as one path (Docker takes the rest of the line, spaces included). */
function workdirValue(model: Model, inst: Inst): WorkdirValue | null {
  if (inst.args.length === 0) return null;
  const range = { start: inst.args[0].range.start, end: inst.args[inst.args.length - 1].range.end };
  const raw = model.lines.textOf(range);
  const inner = unquote(raw);
  const quote = inner === raw ? '' : raw[0];
  // Single quotes keep `$` literal in Dockerfile words.
  const resolved = quote === "'" ? inner : expand(inner, inst.scope, model.escapeChar).value;
  return { raw, range, quote, inner, resolved };
}

/**
 * The working directory in effect before `inst`, as a literal absolute POSIX path, when the
 * Dockerfile alone decides it (an absolute literal WORKDIR earlier in the stage or the stages
 * it builds on, possibly followed by relative literal ones); null when it comes from the base
 * image or from a variable.
 */
function knownWorkdirBefore(model: Model, inst: Inst): string | null {
  if (!inst.stage) return null;
  let cur: string | null = null;
  for (const s of stageChain(inst.stage).reverse()) {
    for (const i of s.instructions) {
      if (i.index >= inst.index) break;
      if (i.keyword !== 'WORKDIR') continue;
      const v = workdirValue(model, i);
      if (!v) continue;
      if (v.inner.includes('$') || v.inner.includes('\\') || /^[A-Za-z]:/.test(v.inner)) cur = null;
      else if (v.inner.startsWith('/')) cur = joinPosixPath('/', v.inner);
      else if (cur !== null) cur = joinPosixPath(cur, v.inner);
    }
  }
  return cur;
}

export default defineRule({
  meta: {
    code: 'DL3000',
    name: 'relative-workdir',
    aliases: ['DS-0009', 'DS009', 'CKV_DOCKER_10'],
    severity: 'error',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a `WORKDIR` whose path, after ARG/ENV substitution, is relative (`WORKDIR app`).',
      why: 'A relative `WORKDIR` is resolved against the previous working directory, which may come from the base image and change when the base image does. The Dockerfile best practices say to always use absolute paths for `WORKDIR`, so every `RUN`, `COPY` and `CMD` after it runs where the reader thinks it does.',
      bad: 'FROM node:20-slim\nWORKDIR app\nCOPY . .\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\n',
      fix: 'When the Dockerfile itself sets the directory the relative path is resolved against (an absolute `WORKDIR` earlier in the stage or in the stage it builds on), the path is replaced by the absolute path Docker computes: safe, the directory is the same. Otherwise the base image decides; the fix then prefixes `/` (right when the base image\'s working directory is `/`, the default) and is only a suggestion.',
      notes: 'Unlike hadolint, a path made of variables is judged on its value: `ARG DIR=app` + `WORKDIR $DIR` is flagged, `ENV APP=/srv/app` + `WORKDIR $APP` is not, and a variable with no known value is not flagged. Windows paths (`C:\\app`, `C:/app`, `\\app`) are absolute. BuildKit\'s `WorkdirRelativePath` is not an alias: it only fires while no absolute `WORKDIR` has been set in the stage, a narrower check than this one, so skipping it must not silence DL3000.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'WORKDIR') continue;
      const v = workdirValue(model, inst);
      if (!v || v.resolved === null || v.resolved === '' || isAbsolute(v.resolved)) continue;
      const shown = v.inner === v.resolved ? `'${v.inner}'` : `'${v.inner}' (${v.resolved})`;
      const finding: RawFinding = { range: v.range, message: `WORKDIR ${shown} is relative to the previous working directory; use an absolute path`, fixes: [] };
      // Windows Dockerfiles (backtick escape) have drive roots: no guess there.
      if (model.escapeChar === '\\' && !v.inner.includes('\\')) {
        const literal = !v.inner.includes('$');
        const base = knownWorkdirBefore(model, inst);
        if (base !== null) {
          const path = literal ? joinPosixPath(base, v.inner) : `${base === '/' ? '' : base}/${v.inner}`;
          finding.fixes!.push(fix(`Use the absolute path ${path}`, [replace(v.range, v.quote + path + v.quote)], 'safe'));
        } else {
          const path = literal ? joinPosixPath('/', v.inner) : `/${v.inner}`;
          finding.fixes!.push(fix(`Use ${path} (assumes the base image works in /)`, [replace(v.range, v.quote + path + v.quote)], 'suggestion'));
        }
      }
      out.push(finding);
    }
    return out;
  },
});
