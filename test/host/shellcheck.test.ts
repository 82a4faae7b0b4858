// ShellCheck for real: the installed executable (CI apt-installs `shellcheck`; these tests
// fail, loudly, without it) on Dockerfiles whose findings must land at exact positions; and
// the runner's limits (time budget, output cap, concurrency, cache, stdin, no SHELLCHECK_OPTS)
// against small fake executables.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildModel } from '../../server/src/engine';
import { initEngine } from '../../server/src/host/shellWasm';
import { ShellcheckRunner, resolveExecutable, MAX_SCRIPT_CHARS } from '../../server/src/host/shellcheck';
import type { LintOptions } from '../../shared/types';

const MISSING = 'ShellCheck is required for these tests and was not found on PATH: install it (Debian/Ubuntu: apt-get install shellcheck; CI does)';

let runner: ShellcheckRunner;
async function check(text: string, options: LintOptions = {}, r: ShellcheckRunner = runner): Promise<string[]> {
  const m = buildModel(text);
  const res = await r.findings(m, options);
  assert.ok(res, 'not aborted');
  assert.deepEqual(res.errors, []);
  return res.findings
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.code} ${f.severity} ${m.lines.textOf(f.range)}`);
}

describe('ShellCheck (the installed executable)', () => {
  before(async () => {
    await initEngine();
    assert.ok(resolveExecutable('shellcheck'), MISSING);
    runner = new ShellcheckRunner();
    const probe = await runner.probe();
    assert.ok(probe.ok, `${MISSING}: ${probe.ok ? '' : probe.error}`);
  });

  it('is found on PATH and answers --version', async () => {
    const probe = await runner.probe();
    assert.ok(probe.ok && /^\d+\.\d+/.test(probe.version), MISSING);
  });

  it('findings inside continuation lines land on their own line and columns (comment lines dropped)', async () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n  # a comment line inside the RUN\n    && echo $lower_var \\\n    && cd /tmp; ls\n';
    assert.deepEqual(await check(text), [
      '4:13-4:23 SC2086 info $lower_var',
      '4:13-4:23 SC2154 warning $lower_var',
      '5:8-5:15 SC2164 warning cd /tmp',
    ]);
  });

  it('findings inside a RUN <<EOF script, a bash shebang choosing the dialect', async () => {
    const text = 'FROM debian:12\nRUN <<EOF\n#!/bin/bash\nset -e\n[[ -f /x ]] && echo "$lower_var"\n\techo `date`\nEOF\n';
    assert.deepEqual(await check(text), [
      '5:22-5:32 SC2154 warning $lower_var',
      '6:7-6:13 SC2005 hint `date`',
      '6:7-6:13 SC2006 hint `date`',
    ]);
  });

  it('findings inside a heredoc fed to a command, and on the RUN line before it', async () => {
    const text = 'FROM debian:12\nRUN cat <<EOF > /etc/app.conf && echo $a_var\nhome=$b_var\nEOF\n';
    assert.deepEqual(await check(text), [
      '2:39-2:45 SC2086 info $a_var',
      '2:39-2:45 SC2154 warning $a_var',
      '3:6-3:12 SC2154 warning $b_var',
    ]);
  });

  it('CRLF documents: no carriage-return noise, same positions', async () => {
    const text = 'FROM debian:12\r\nRUN apt-get update \\\r\n    && echo $lower_var\r\nRUN <<EOF\r\necho "$y_var"\r\nEOF\r\n';
    assert.deepEqual(await check(text), [
      '3:13-3:23 SC2086 info $lower_var',
      '3:13-3:23 SC2154 warning $lower_var',
      '5:7-5:13 SC2154 warning $y_var',
    ]);
  });

  it('a backtick escape character with a POSIX SHELL', async () => {
    const text = '# escape=`\nFROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo start `\n    && echo $lower_var\n';
    assert.deepEqual(await check(text), ['5:13-5:23 SC2086 info $lower_var', '5:13-5:23 SC2154 warning $lower_var']);
  });

  it('the stage\'s ARG and ENV names are declared: no SC2154 for them, still for the rest', async () => {
    const body = 'RUN echo "$version" "$app_home" "$other"\n';
    assert.deepEqual(await check(`FROM debian:12\nARG version=1\nENV app_home=/app\n${body}`), ['4:34-4:40 SC2154 warning $other']);
    assert.deepEqual(await check(`FROM debian:12\n${body}`), [
      '2:11-2:19 SC2154 warning $version', '2:22-2:31 SC2154 warning $app_home', '2:34-2:40 SC2154 warning $other',
    ], 'without the declarations, all three');
    // An ARG of another stage is not declared in this one.
    assert.deepEqual(await check('FROM debian:12 AS a\nARG version=1\nFROM debian:12\nRUN echo "$version"\n'), ['4:11-4:19 SC2154 warning $version']);
  });

  it('the dialect follows SHELL: [[ ]] is flagged in sh, fine in bash', async () => {
    assert.deepEqual(await check('FROM debian:12\nRUN [[ -f /x ]] && echo y\n'), ['2:5-2:16 SC3010 warning [[ -f /x ]]']);
    assert.deepEqual(await check('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN [[ -f /x ]] && echo y\n'), []);
    assert.deepEqual(await check('FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN echo $x\n'), [], 'not a shell ShellCheck knows');
  });

  it('pragmas, settings and ShellCheck\'s own directives silence codes', async () => {
    const text = (pragma: string) => `FROM debian:12\nENV lower_var=1\n${pragma}RUN echo $lower_var\n`;
    const expected = [(n: number) => `${n}:10-${n}:20 SC2086 info $lower_var`];
    assert.deepEqual(await check(text('')), [expected[0](3)]);
    assert.deepEqual(await check(text('# hadolint ignore=SC2086\n')), []);
    assert.deepEqual(await check(text('# layerwise ignore=SC2086\n')), []);
    assert.deepEqual(await check(text('')), [expected[0](3)]);
    assert.deepEqual(await check(text(''), { disable: ['SC2086'] }), []);
    assert.deepEqual(await check(text(''), { rules: { SC2086: 'error' } }), ['3:10-3:20 SC2086 error $lower_var']);
    // A directive at the top of a heredoc script applies to all of it (the declarations come after the body).
    assert.deepEqual(await check('FROM debian:12\nARG v\nRUN <<EOF\n# shellcheck disable=SC2086\necho start\necho $v\nEOF\n'), []);
  });

  it('codes that are noise in a Dockerfile are not reported', async () => {
    assert.deepEqual(await check('FROM debian:12\nRUN . /etc/os-release && echo "$ID"\n'), [], 'SC1091: the sourced file is in the image');
    assert.deepEqual(await check('FROM debian:12\nRUN make -j$(nproc)\n'), [], 'SC2046 is off by default');
    assert.deepEqual(await check('FROM debian:12\nRUN make -j$(nproc)\n', { enable: ['SC2046'] }), ['2:12-2:20 SC2046 warning $(nproc)']);
  });

  it('answers are cached by script: unchanged RUN bodies do not start ShellCheck again', async () => {
    const r = new ShellcheckRunner();
    const text = 'FROM debian:12\nRUN echo $one_var\nRUN echo $two_var\n';
    const first = await check(text, {}, r);
    assert.equal(r.runs, 2);
    assert.deepEqual(await check(`# a comment moves everything down\n${text}`, {}, r), first.map((l) => l.replace(/^(\d+):(\d+)-(\d+)/, (_, a, b, c) => `${+a + 1}:${b}-${+c + 1}`)));
    assert.equal(r.runs, 2, 'the same scripts: no new run');
    await check(text.replace('two_var', 'three_var'), {}, r);
    assert.equal(r.runs, 3, 'one changed RUN: one run');
  });

  it('a missing executable is one clear error and no findings, not a crash', async () => {
    const r = new ShellcheckRunner({ path: '/nonexistent/bin/shellcheck' });
    const res = await r.findings(buildModel('FROM debian:12\nRUN echo $x\n'), {});
    assert.deepEqual(res, { findings: [], errors: ["ShellCheck '/nonexistent/bin/shellcheck': not an executable file (give an absolute path or a command name on PATH)"] });
    const byName = await new ShellcheckRunner({ path: 'no-such-shellcheck-here' }).probe();
    assert.deepEqual(byName, { ok: false, error: "ShellCheck 'no-such-shellcheck-here': not found on PATH" });
  });
});

describe('ShellCheck runner limits (fake executables)', () => {
  let dir: string;
  /** A fake ShellCheck: answers --version, then runs `body` (sh) with the script on stdin. */
  const fake = (name: string, body: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "ShellCheck - fake"; echo "version: 0.9.0"; exit 0; fi\n${body}\n`, { mode: 0o755 });
    return p;
  };
  const model = () => buildModel('FROM debian:12\nRUN echo one\nRUN echo two\nRUN echo three\n');
  before(async () => {
    await initEngine();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lw-sc-fake-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gets the script on stdin, json1, the dialect, --norc, and no SHELLCHECK_OPTS', async () => {
    const log = path.join(dir, 'args');
    const exe = fake('recorder', `cat > "${log}.stdin"; printf '%s\\n' "$@" > "${log}"; echo "opts=$SHELLCHECK_OPTS" >> "${log}"; echo '{"comments":[]}'`);
    const r = new ShellcheckRunner({ path: exe, env: { ...process.env, SHELLCHECK_OPTS: '--format=gcc' } });
    const res = await r.findings(buildModel('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nARG v\nRUN echo "$v" \\\n  && true\n'), {});
    assert.deepEqual(res, { findings: [], errors: [] });
    const args = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.deepEqual(args, ['--format=json1', '--shell=bash', '--exclude=1017,1090,1091,2148,2317', '--norc', '-', 'opts=']);
    assert.equal(fs.readFileSync(`${log}.stdin`, 'utf8'), 'echo "$v"   && true\nexport v\n');
  });

  it('a run over its time budget is an error for that RUN; the others still answer', async () => {
    const exe = fake('slow', `script=$(cat); case "$script" in *two*) sleep 5;; esac; echo '{"comments":[{"file":"-","line":1,"endLine":1,"column":1,"endColumn":5,"level":"info","code":1234,"message":"fake"}]}'`);
    const r = new ShellcheckRunner({ path: exe, timeoutMs: 500 });
    const t0 = Date.now();
    const res = await r.findings(model(), {});
    assert.ok(Date.now() - t0 < 4000, 'did not wait for the slow run');
    assert.deepEqual(res?.errors, ['line 3: ShellCheck failed: it took longer than 500 ms']);
    assert.deepEqual(res?.findings.map((f) => `${f.range.start.line + 1} ${f.code}`).sort(), ['2 SC1234', '4 SC1234']);
  });

  it('output over the cap, garbage output and a failing exit status are errors, not crashes', async () => {
    const big = new ShellcheckRunner({ path: fake('big', 'cat >/dev/null; head -c 200000 /dev/zero | tr "\\0" x'), maxOutputBytes: 4096 });
    assert.match((await big.findings(model(), {}))!.errors[0], /output exceeded 4 KiB/);
    const garbage = new ShellcheckRunner({ path: fake('garbage', 'cat >/dev/null; echo "In - line 1:"; exit 1') });
    assert.match((await garbage.findings(model(), {}))!.errors[0], /did not print JSON/);
    const broken = new ShellcheckRunner({ path: fake('broken', 'cat >/dev/null; echo "bad option" >&2; exit 3') });
    assert.match((await broken.findings(model(), {}))!.errors[0], /exited with status 3: bad option/);
    const noVersion = new ShellcheckRunner({ path: path.join(dir, 'plain') });
    fs.writeFileSync(path.join(dir, 'plain'), '#!/bin/sh\necho hello\n', { mode: 0o755 });
    assert.match((await noVersion.findings(model(), {}))!.errors[0], /did not answer --version/);
  });

  it('a RUN body over the size limit is an error line, not a run', async () => {
    const r = new ShellcheckRunner({ path: fake('never', 'echo x >> /dev/null; exit 9') });
    const res = await r.findings(buildModel(`FROM debian:12\nRUN echo ${'a'.repeat(MAX_SCRIPT_CHARS)}\n`), {});
    assert.deepEqual(res?.errors, ['line 2: the RUN body is too large for ShellCheck (256 KiB; the limit is 256 KiB)']);
    assert.equal(r.runs, 0);
  });

  it('runs at most `concurrency` processes at once', async () => {
    const log = path.join(dir, 'conc.log');
    const exe = fake('conc', `cat >/dev/null; echo start >> "${log}"; sleep 0.2; echo end >> "${log}"; echo '{"comments":[]}'`);
    const r = new ShellcheckRunner({ path: exe, concurrency: 1 });
    await r.findings(model(), {});
    assert.deepEqual(fs.readFileSync(log, 'utf8').trim().split('\n'), ['start', 'end', 'start', 'end', 'start', 'end']);
  });

  it('jobs still queued when the caller gives up are dropped (a newer document version)', async () => {
    const log = path.join(dir, 'abort.log');
    const exe = fake('abortable', `cat >/dev/null; echo run >> "${log}"; sleep 0.3; echo '{"comments":[]}'`);
    const r = new ShellcheckRunner({ path: exe, concurrency: 1 });
    const ac = new AbortController();
    const p = r.findings(model(), {}, ac.signal);
    setTimeout(() => ac.abort(), 100);
    assert.equal(await p, null, 'aborted');
    await new Promise((res) => setTimeout(res, 400));
    assert.equal(fs.readFileSync(log, 'utf8').trim().split('\n').length, 1, 'only the job already running ran');
    // A later caller with the same scripts is not hurt by the abandoned ones.
    assert.deepEqual(await r.findings(model(), {}), { findings: [], errors: [] });
  });
});
