// The pure half of the ShellCheck integration, without running ShellCheck: which script each
// RUN gives (and in which dialect), and how json1 comments map back to findings in the
// Dockerfile (positions, suppression, settings, fixes). test/engine/shellcheck-real.test.ts
// runs the real executable.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildModel, applyEdits, unknownRuleIds, type Model } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import {
  shellcheckJobs, shellcheckFindings, parseShellcheckJson1, shellcheckSeverity, mergeFindings, dialectOf,
  SHELLCHECK_EXCLUDED, SHELLCHECK_OFF_BY_DEFAULT, type ShellcheckComment, type ShellcheckJob,
} from '../../server/src/engine/shellcheck';
import { resolveExecutable } from '../../server/src/host/shellcheck';
import { parseHadolintConfig, lintOptionsFrom } from '../../server/src/config/hadolint';
import { ruleDocsUrl } from '../../shared/constants';
import type { Finding, LintOptions } from '../../shared/types';

const jobsOf = (text: string) => { const m = buildModel(text); return { m, jobs: shellcheckJobs(m) }; };

/** ShellCheck's 1-based line and column (code points) of `script[offset]`. */
function lineCol(script: string, offset: number): { line: number; column: number } {
  const before = script.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, column: [...script.slice(lineStart, offset)].length + 1 };
}

/** A comment on the `nth` occurrence of `needle` in the job's script, as ShellCheck would place it. */
function commentOn(job: ShellcheckJob, needle: string, code = 2086, level: ShellcheckComment['level'] = 'info', nth = 0): ShellcheckComment {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = job.script.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${JSON.stringify(needle)} is in the script ${JSON.stringify(job.script)}`);
  const s = lineCol(job.script, at);
  const e = lineCol(job.script, at + needle.length);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column, level, code, message: `m${code}`, fix: null };
}

const where = (m: Model, f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${m.lines.textOf(f.range)}`;

function mapped(text: string, needle: string, opts: { code?: number; options?: LintOptions; job?: number; nth?: number } = {}): string[] {
  const { m, jobs } = jobsOf(text);
  const job = jobs[opts.job ?? 0];
  return shellcheckFindings(m, job, [commentOn(job, needle, opts.code, 'info', opts.nth)], opts.options).map((f) => where(m, f));
}

describe('ShellCheck jobs: the script each RUN gives its shell', () => {
  before(() => initEngine());

  it('joins continuations and drops comment lines inside them, mapping every character back', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n  # why\n    && echo $x \\\n\n    && true\n';
    const { m, jobs } = jobsOf(text);
    assert.equal(jobs.length, 1);
    const [job] = jobs;
    assert.equal(job.dialect, 'sh');
    assert.equal(job.script, 'apt-get update     && echo $x     && true');
    assert.equal(job.map.length, job.script.length + 1);
    for (let k = 0; k < job.script.length; k++) assert.equal(text[job.map[k]], job.script[k], `script[${k}]`);
    assert.equal(m.lines.positionAt(job.map[job.script.indexOf('$x')]).line, 3);
  });

  it('a RUN <<EOF script is its heredoc body; its shebang picks the dialect', () => {
    const { jobs } = jobsOf('FROM debian:12\nRUN <<EOF\n#!/usr/bin/env bash\nset -e\necho hi\nEOF\nRUN <<EOF\necho plain\nEOF\n');
    assert.deepEqual(jobs.map((j) => [j.dialect, j.script]), [['bash', '#!/usr/bin/env bash\nset -e\necho hi'], ['sh', 'echo plain']]);
  });

  it('a heredoc fed to a command stays part of the script', () => {
    const text = 'FROM debian:12\nRUN cat <<EOF > /etc/x.conf\nkey=$value\nEOF\n';
    const { jobs } = jobsOf(text);
    assert.equal(jobs[0].script, 'cat <<EOF > /etc/x.conf\nkey=$value\nEOF');
    for (let k = 0; k < jobs[0].script.length; k++) assert.equal(text[jobs[0].map[k]], jobs[0].script[k]);
  });

  it('CRLF: the script has LF line breaks, positions still map onto the document', () => {
    const text = 'FROM debian:12\r\nRUN echo a \\\r\n    && echo $b\r\nRUN <<EOF\r\necho $c\r\nEOF\r\n';
    const { jobs } = jobsOf(text);
    assert.deepEqual(jobs.map((j) => j.script), ['echo a     && echo $b', 'echo $c']);
    for (const j of jobs) for (let k = 0; k < j.script.length; k++) assert.equal(text[j.map[k]], j.script[k]);
  });

  it('declares the stage\'s ARG and ENV names after the body (not global ARGs the stage did not redeclare)', () => {
    const { jobs } = jobsOf('ARG glob=1\nFROM debian:12\nARG ver=1 other\nENV app_home=/app\nRUN echo "$ver"\n');
    assert.deepEqual(jobs[0].declared, ['app_home', 'other', 'ver']);
    assert.equal(jobs[0].script, 'echo "$ver"\nexport app_home other ver\n');
    assert.equal(jobs[0].bodyLength, 'echo "$ver"'.length);
  });

  it('follows the shell in use: SHELL (also from the base stage), the hadolint pragma, Windows images', () => {
    const dialects = (t: string) => jobsOf(t).jobs.map((j) => j.dialect);
    assert.deepEqual(dialects('FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo 1\nFROM a\nRUN echo 2\nFROM debian:12\nRUN echo 3\n'), ['bash', 'bash', 'sh']);
    assert.deepEqual(dialects('FROM debian:12\nSHELL ["/bin/dash", "-c"]\nRUN a\nSHELL ["/bin/mksh", "-c"]\nRUN b\nSHELL ["busybox", "sh", "-c"]\nRUN c\n'), ['dash', 'ksh', 'sh']);
    assert.deepEqual(dialects('FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem\nSHELL ["/bin/zsh", "-c"]\nRUN echo\n'), []);
    assert.deepEqual(dialects('# hadolint shell=powershell\nFROM debian:12\nRUN Write-Host hi\n'), []);
    assert.deepEqual(dialects('# hadolint shell=bash\nFROM debian:12\nRUN echo hi\n'), ['bash']);
    assert.deepEqual(dialects('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n'), []);
    // A backtick escape is how Windows Dockerfiles are written: checked only with a POSIX SHELL.
    assert.deepEqual(dialects('# escape=`\nFROM debian:12\nRUN echo a `\n  b\n'), []);
    assert.deepEqual(dialects('# escape=`\nFROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo a `\n  b\n'), ['bash']);
    assert.deepEqual(dialects('FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n'), []);
    assert.deepEqual(dialects('FROM debian:12\nRUN ["echo", "$x"]\nCMD echo $y\n'), [], 'exec form and CMD are not checked');
    assert.equal(dialectOf('C:\\msys\\bin\\bash.exe'), 'bash');
  });

  it('maps across a backtick escape continuation', () => {
    const text = '# escape=`\nFROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo a `\n    && echo $b\n';
    assert.deepEqual(mapped(text, '$b'), ['5:13-5:15 $b']);
  });
});

describe('ShellCheck comments mapped to findings', () => {
  before(() => initEngine());

  it('a finding on a continuation line lands on that line, at the exact columns', () => {
    assert.deepEqual(mapped('FROM debian:12\nRUN apt-get update \\\n  # note\n    && echo $x\n', '$x'), ['4:13-4:15 $x']);
  });

  it('a finding inside a RUN <<EOF body and inside a heredoc fed to a command', () => {
    assert.deepEqual(mapped('FROM debian:12\nRUN <<EOF\nset -e\n\techo $x\nEOF\n', '$x'), ['4:7-4:9 $x']);
    assert.deepEqual(mapped('FROM debian:12\nRUN cat <<EOF > /x && echo $y\nline $z\nEOF\n', '$z'), ['3:6-3:8 $z']);
    assert.deepEqual(mapped('FROM debian:12\nRUN cat <<EOF > /x && echo $y\nline $z\nEOF\n', '$y'), ['2:28-2:30 $y']);
  });

  it('CRLF documents', () => {
    assert.deepEqual(mapped('FROM debian:12\r\nRUN echo a \\\r\n    && echo $b\r\n', '$b'), ['3:13-3:15 $b']);
  });

  it('columns count code points: a character outside the BMP is one column to ShellCheck, two UTF-16 units to us', () => {
    const text = 'FROM debian:12\nRUN echo "😀" $x\n';
    const { m, jobs } = jobsOf(text);
    // ShellCheck 0.9 reports $x at column 10 of `echo "😀" $x`.
    const c: ShellcheckComment = { line: 1, column: 10, endLine: 1, endColumn: 12, level: 'info', code: 2086, message: 'q', fix: null };
    assert.deepEqual(shellcheckFindings(m, jobs[0], [c]).map((f) => where(m, f)), ['2:15-2:17 $x']);
  });

  it('a point widens to the character there; positions in the appended declarations are dropped', () => {
    const text = 'FROM debian:12\nARG v\nRUN echo "abc\n';
    const { m, jobs } = jobsOf(text);
    const job = jobs[0];
    const point: ShellcheckComment = { line: 1, column: 6, endLine: 1, endColumn: 6, level: 'error', code: 1073, message: 'p', fix: null };
    const tail: ShellcheckComment = { line: 2, column: 1, endLine: 2, endColumn: 7, level: 'info', code: 2034, message: 't', fix: null };
    const got = shellcheckFindings(m, job, [point, tail]);
    assert.deepEqual(got.map((f) => where(m, f)), ['3:10-3:11 "']);
    assert.equal(got[0].severity, 'error');
    assert.equal(got[0].code, 'SC1073');
    assert.equal(got[0].name, 'shellcheck');
  });

  it('severities: error, warning, info as they are, style is our hint', () => {
    const { m, jobs } = jobsOf('FROM debian:12\nRUN echo $x\n');
    const levels = ['error', 'warning', 'info', 'style'] as const;
    const got = shellcheckFindings(m, jobs[0], levels.map((level, i) => ({ ...commentOn(jobs[0], '$x', 2000 + i), level })));
    assert.deepEqual(got.map((f) => f.severity), ['error', 'warning', 'info', 'hint']);
  });

  it('honours # hadolint ignore=, # layerwise ignore= (local and global) and # check=skip=', () => {
    const body = 'FROM debian:12\n{P}RUN echo $x\n';
    const run = (pragma: string, code = 2086) => mapped(body.replace('{P}', pragma), '$x', { code }).length;
    assert.equal(run(''), 1);
    assert.equal(run('# hadolint ignore=SC2086\n'), 0);
    assert.equal(run('# hadolint ignore=DL3008,SC2086\n'), 0);
    assert.equal(run('# hadolint ignore=SC2154\n'), 1, 'another code');
    assert.equal(run('# layerwise ignore=sc2086\n'), 0, 'case-insensitive');
    assert.equal(run('# check=skip=SC2086\n'), 0);
    assert.equal(mapped('# hadolint global ignore=SC2086\nFROM debian:12\nRUN echo $x\n', '$x').length, 0);
    assert.equal(mapped('# layerwise global ignore=SC2086\nFROM debian:12\nRUN true\nRUN echo $x\n', '$x', { job: 1 }).length, 0);
    // The pragma applies to the next instruction only.
    assert.equal(mapped('FROM debian:12\n# hadolint ignore=SC2086\nRUN true\nRUN echo $x\n', '$x', { job: 1 }).length, 1);
    // disable-ignore-pragma
    assert.equal(mapped('FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $x\n', '$x', { options: { ignorePragmas: false } }).length, 1);
  });

  it('honours --disable, layerwise.rules and .hadolint.yaml ignored/override', () => {
    const text = 'FROM debian:12\nRUN echo $x\n';
    const sev = (options: LintOptions) => {
      const { m, jobs } = jobsOf(text);
      return shellcheckFindings(m, jobs[0], [commentOn(jobs[0], '$x')], options).map((f) => f.severity);
    };
    assert.deepEqual(sev({}), ['info']);
    assert.deepEqual(sev({ disable: ['SC2086'] }), []);
    assert.deepEqual(sev({ disable: ['all'] }), []);
    assert.deepEqual(sev({ rules: { sc2086: 'off' } }), []);
    assert.deepEqual(sev({ rules: { SC2086: 'error' } }), ['error']);
    assert.deepEqual(sev({ rules: { SC2086: 'style' as never } }), ['hint']);
    assert.deepEqual(sev({ rules: { all: 'off', SC2086: 'on' } }), ['info']);
    const cfg = parseHadolintConfig('ignored: [SC2086, DL3008]\n', '.hadolint.yaml');
    assert.deepEqual(cfg.problems, []);
    assert.deepEqual(sev(lintOptionsFrom(cfg)), []);
    const over = parseHadolintConfig('override:\n  warning: [SC2086]\n', '.hadolint.yaml');
    assert.deepEqual(over.problems, []);
    assert.deepEqual(sev(lintOptionsFrom(over)), ['warning']);
    // --enable SC2086 brings back a code the file ignores.
    assert.deepEqual(sev(lintOptionsFrom(cfg, { enable: ['SC2086'] })), ['info']);
    const own = parseHadolintConfig('rules:\n  SC2086: error\n', '.layerwise.yaml');
    assert.deepEqual(own.problems, []);
    assert.deepEqual(sev(lintOptionsFrom(own)), ['error']);
    // `# check=error=true` raises them as it raises every rule.
    const { m, jobs } = jobsOf('# check=error=true\nFROM debian:12\nRUN echo $x\n');
    assert.deepEqual(shellcheckFindings(m, jobs[0], [commentOn(jobs[0], '$x')]).map((f) => f.severity), ['error']);
  });

  it('SC codes are known ids for --enable/--disable; excluded and off-by-default codes', () => {
    assert.deepEqual(unknownRuleIds(['SC2086', 'sc1091', 'SC99999', 'DL3008', 'XX']), ['SC99999', 'XX']);
    for (const c of SHELLCHECK_EXCLUDED) assert.equal(shellcheckSeverity(c, 'warning', { enable: ['all'], rules: { [c]: 'error' } }), null, `${c} is never reported`);
    assert.deepEqual(SHELLCHECK_OFF_BY_DEFAULT, ['SC2046']);
    assert.equal(shellcheckSeverity('SC2046', 'warning'), null);
    assert.equal(shellcheckSeverity('SC2046', 'warning', { enable: ['SC2046'] }), 'warning');
    assert.equal(shellcheckSeverity('SC2046', 'warning', { rules: { SC2046: 'on' } }), 'warning');
    assert.equal(shellcheckSeverity('SC2046', 'warning', { enable: ['SC2046'], disable: ['SC2046'] }), null);
  });

  it('ShellCheck\'s fix becomes a suggestion where it maps onto one stretch of the document', () => {
    const text = 'FROM debian:12\nRUN echo a \\\n    && echo $x\n';
    const { m, jobs } = jobsOf(text);
    const c = commentOn(jobs[0], '$x');
    const fix = { replacements: [
      { line: c.line, column: c.column, endLine: c.line, endColumn: c.column, replacement: '"' },
      { line: c.line, column: c.endColumn, endLine: c.line, endColumn: c.endColumn, replacement: '"' },
    ] };
    const [f] = shellcheckFindings(m, jobs[0], [{ ...c, fix }]);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].safety, 'suggestion');
    assert.equal(applyEdits(text, f.fixes[0].edits), 'FROM debian:12\nRUN echo a \\\n    && echo "$x"\n');
    // A replacement across the joined continuation would delete it: no fix.
    const a = commentOn(jobs[0], 'a     &&');
    const across = { replacements: [{ line: a.line, column: a.column, endLine: a.endLine, endColumn: a.endColumn, replacement: 'a &&' }] };
    const [g] = shellcheckFindings(m, jobs[0], [{ ...a, fix: across }]);
    assert.deepEqual(g.fixes, []);
  });

  it('merged with the engine\'s findings in document order; docs links go to the ShellCheck wiki', () => {
    const f = (line: number, character: number, code: string): Finding => ({ code, name: code, aliases: [], severity: 'info', message: '', range: { start: { line, character }, end: { line, character } }, fixes: [] });
    assert.deepEqual(mergeFindings([f(1, 0, 'DL3008'), f(3, 0, 'DL3009')], [f(1, 4, 'SC2086'), f(0, 2, 'SC1000')]).map((x) => x.code), ['SC1000', 'DL3008', 'SC2086', 'DL3009']);
    assert.equal(ruleDocsUrl('SC2086'), 'https://www.shellcheck.net/wiki/SC2086');
    assert.equal(ruleDocsUrl('DL3008'), 'https://github.com/layerwise/layerwise/blob/main/docs/rules/DL3008.md');
  });
});

describe('ShellCheck json1 output', () => {
  it('reads comments and their fixes, skips malformed entries', () => {
    const out = JSON.stringify({ comments: [
      { file: '-', line: 1, endLine: 1, column: 6, endColumn: 8, level: 'info', code: 2086, message: 'Double quote', fix: { replacements: [{ line: 1, endLine: 1, column: 6, endColumn: 6, replacement: '"', precedence: 7, insertionPoint: 'afterEnd' }] } },
      { file: '-', line: 0, endLine: 1, column: 1, endColumn: 2, level: 'info', code: 1, message: 'bad line' },
      { file: '-', line: 1, endLine: 1, column: 1, endColumn: 2, level: 'loud', code: 2, message: 'bad level' },
      { file: '-', line: 2, endLine: 2, column: 1, endColumn: 3, level: 'warning', code: 2154, message: 'x', fix: null },
    ] });
    const got = parseShellcheckJson1(out);
    assert.deepEqual(got.map((c) => c.code), [2086, 2154]);
    assert.deepEqual(got[0].fix, { replacements: [{ line: 1, endLine: 1, column: 6, endColumn: 6, replacement: '"' }] });
    assert.equal(got[1].fix, null);
  });

  it('anything but json1 is a clear error', () => {
    assert.throws(() => parseShellcheckJson1('In - line 1:\necho $x\n'), /did not print JSON/);
    assert.throws(() => parseShellcheckJson1('[]'), /without a "comments" list/);
  });
});

describe('resolveExecutable', () => {
  it('finds a bare name in the absolute PATH entries only, takes absolute paths, refuses relative ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lw-sc-path-'));
    try {
      const exe = path.join(dir, 'fake-shellcheck');
      fs.writeFileSync(exe, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'not-exec'), 'x', { mode: 0o644 });
      assert.equal(resolveExecutable('fake-shellcheck', { PATH: `/nonexistent:${dir}` }), exe);
      assert.equal(resolveExecutable(exe, { PATH: '' }), exe);
      assert.equal(resolveExecutable('not-exec', { PATH: dir }), null, 'not executable');
      assert.equal(resolveExecutable('missing', { PATH: dir }), null);
      // A relative PATH entry (here: the current folder) is never searched.
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        assert.equal(resolveExecutable('fake-shellcheck', { PATH: `.:relative/bin:` }), null);
        assert.equal(resolveExecutable('./fake-shellcheck', { PATH: '' }), null);
      } finally { process.chdir(cwd); }
      assert.equal(resolveExecutable('  ', { PATH: dir }), null);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('ShellCheck jobs and mapping on generated Dockerfiles', () => {
  before(() => initEngine());
  const PIECES = ['RUN', 'echo $x', '\\', '\\\n', '\n', '\r\n', '\r', '<<EOF', 'EOF', '#!/bin/bash', '# c', '"', "'", '`', '$(', ')', 'é😀', '\t', ' ',
    'ARG a', 'ENV b=1', 'SHELL ["/bin/bash", "-c"]', '# escape=`', 'FROM debian:12', '["x"]', '&&', ';', '\u0000'];
  const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 10 })), { maxLength: 40 }).map((p) => p.join(''));
  const comment = fc.record({
    line: fc.integer({ min: 1, max: 12 }), column: fc.integer({ min: 1, max: 60 }),
    endLine: fc.integer({ min: 1, max: 12 }), endColumn: fc.integer({ min: 1, max: 60 }),
    level: fc.constantFrom('error', 'warning', 'info', 'style') as fc.Arbitrary<ShellcheckComment['level']>,
    code: fc.integer({ min: 1000, max: 3999 }), message: fc.constant('m'), fix: fc.constant(null),
  });

  it('maps stay inside the document and every finding has a valid range, whatever ShellCheck says', () => {
    fc.assert(fc.property(text, fc.array(comment, { maxLength: 6 }), (body, comments) => {
      const doc = `FROM debian:12\n${body}\nRUN ${body}\n`;
      const m = buildModel(doc);
      for (const job of shellcheckJobs(m)) {
        assert.equal(job.map.length, job.script.length + 1);
        assert.ok(!job.script.includes('\r'));
        for (const o of job.map) assert.ok(o >= 0 && o <= doc.length);
        for (const f of shellcheckFindings(m, job, comments)) {
          const s = m.lines.offsetAt(f.range.start);
          const e = m.lines.offsetAt(f.range.end);
          assert.ok(s <= e && e <= doc.length, `${JSON.stringify(doc)}: ${JSON.stringify(f.range)}`);
          const inst = m.instructions[job.inst];
          assert.ok(f.range.start.line >= inst.range.start.line && f.range.end.line <= inst.range.end.line, 'inside its RUN');
        }
      }
    }), { numRuns: 300 });
  });
});
