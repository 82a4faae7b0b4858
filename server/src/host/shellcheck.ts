// ShellCheck, the host half: finds the executable, runs it on the scripts the engine builds
// (server/src/engine/shellcheck.ts) and caches its answers by script text.
//
// - No shell: execFile with an argument list; the script goes in on stdin.
// - Bare names (`shellcheck`) are looked up in the absolute entries of PATH only, never in the
//   current folder (which, for the language server, is the workspace).
// - `--norc` and no SHELLCHECK_OPTS: a workspace's .shellcheckrc cannot change what runs or
//   what is read; the results depend on the script alone, which is what makes the cache right.
// - A time budget per script, a cap on its output, a bound on concurrent processes; jobs still
//   queued when their caller gives up (a newer document version) are dropped.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, LintOptions } from '../../../shared/types';
import type { Model } from '../engine/model';
import {
  SHELLCHECK_EXCLUDED, parseShellcheckJson1, shellcheckFindings, shellcheckJobs,
  type ShellcheckComment, type ShellcheckJob,
} from '../engine/shellcheck';

export const DEFAULT_SHELLCHECK = 'shellcheck';
/** Larger RUN bodies are not handed to ShellCheck (one error line instead): no real one comes near. */
export const MAX_SCRIPT_CHARS = 256 * 1024;

export interface ShellcheckRunnerOptions {
  /** A command name looked up in PATH, or an absolute path. Default `shellcheck`. */
  path?: string;
  /** Time budget of one script, in milliseconds. Default 10 s. */
  timeoutMs?: number;
  /** Processes at once. Default: the CPU count, at most 4. */
  concurrency?: number;
  /** Largest output accepted from one run. Default 4 MiB. */
  maxOutputBytes?: number;
  /** Cached answers kept (least recently used go first). Default 1000. */
  cacheEntries?: number;
  /** The environment whose PATH is searched and that ShellCheck runs with. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

export type ShellcheckProbe = { ok: true; exe: string; version: string } | { ok: false; error: string };

/**
 * `cmd` as an absolute path to an executable file: an absolute path as given, a bare name
 * searched in PATH's absolute entries (with .exe/.com on Windows). Null when there is none;
 * relative paths (`./shellcheck`, `bin/shellcheck`) are never resolved.
 */
export function resolveExecutable(cmd: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const name = cmd.trim();
  if (!name) return null;
  const isFile = (p: string) => {
    try {
      if (!fs.statSync(p).isFile()) return false;
      if (platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch { return false; }
  };
  const sep = platform === 'win32' ? /[/\\]/ : /\//;
  if (sep.test(name)) {
    const abs = platform === 'win32' ? path.win32.isAbsolute(name) : path.posix.isAbsolute(name);
    return abs && isFile(name) ? name : null;
  }
  const pathVar = (platform === 'win32' ? env.Path ?? env.PATH : env.PATH) ?? '';
  // Windows: programs only; a .bat/.cmd needs a shell, which is never used here.
  const exts = platform === 'win32' ? ['.exe', '.com', ''] : [''];
  for (const dir of pathVar.split(platform === 'win32' ? ';' : ':')) {
    if (!dir || !(platform === 'win32' ? path.win32.isAbsolute(dir) : path.posix.isAbsolute(dir))) continue;
    for (const ext of exts) {
      const p = (platform === 'win32' ? path.win32 : path.posix).join(dir, name + ext);
      if (isFile(p)) return p;
    }
  }
  return null;
}

interface Run { stdout: string; stderr: string; code: number | null; error?: string }

/** One execFile run with stdin, a time budget and an output cap; never throws. */
function runOnce(exe: string, args: string[], input: string, timeoutMs: number, maxBytes: number, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof execFile>;
    try {
      child = execFile(exe, args, {
        cwd: os.tmpdir(), env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: maxBytes, windowsHide: true, encoding: 'utf8',
      }, (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { killed?: boolean; signal?: string; code?: number | string }) | null;
        if (!e) { resolve({ stdout, stderr, code: 0 }); return; }
        if (typeof e.code === 'number') { resolve({ stdout, stderr, code: e.code }); return; }
        let error: string;
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') error = `its output exceeded ${Math.round(maxBytes / 1024)} KiB`;
        else if (e.killed || e.signal) error = `it took longer than ${timeoutMs} ms`;
        else if (e.code === 'ENOENT') error = 'no such file';
        else if (e.code === 'EACCES') error = 'permission denied';
        else error = e.message.split('\n')[0];
        resolve({ stdout, stderr, code: null, error });
      });
    } catch (e) {
      resolve({ stdout: '', stderr: '', code: null, error: e instanceof Error ? e.message : String(e) });
      return;
    }
    // The child may exit without reading its input (EPIPE): its exit status tells what happened.
    child.stdin?.on('error', () => { /* reported through the exit */ });
    child.stdin?.end(input);
  });
}

class AbortedError extends Error { constructor() { super('aborted'); } }

export class ShellcheckRunner {
  readonly command: string;
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly maxBytes: number;
  private readonly cacheEntries: number;
  private readonly env: NodeJS.ProcessEnv;
  private probed: Promise<ShellcheckProbe> | null = null;
  private norc = true;
  private readonly cache = new Map<string, ShellcheckComment[]>();
  private readonly inflight = new Map<string, Promise<ShellcheckComment[]>>();
  private active = 0;
  private readonly queue: (() => void)[] = [];
  /** Processes started (tests check the cache with it). */
  runs = 0;

  constructor(options: ShellcheckRunnerOptions = {}) {
    this.command = options.path?.trim() || DEFAULT_SHELLCHECK;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.concurrency = Math.max(1, options.concurrency ?? Math.min(4, os.cpus().length || 1));
    this.maxBytes = options.maxOutputBytes ?? 4 * 1024 * 1024;
    this.cacheEntries = options.cacheEntries ?? 1000;
    const env = { ...(options.env ?? process.env) };
    delete env.SHELLCHECK_OPTS;
    this.env = env;
  }

  /** Whether the executable exists and answers `--version` (asked once). */
  probe(): Promise<ShellcheckProbe> {
    if (!this.probed) this.probed = this.doProbe().then((p) => { this.unavailable = !p.ok; return p; });
    return this.probed;
  }

  /** True once the probe found no usable executable (nothing will run). */
  unavailable = false;

  private async doProbe(): Promise<ShellcheckProbe> {
    const exe = resolveExecutable(this.command, this.env);
    if (!exe) {
      const how = /[/\\]/.test(this.command) ? 'not an executable file (give an absolute path or a command name on PATH)' : 'not found on PATH';
      return { ok: false, error: `ShellCheck '${this.command}': ${how}` };
    }
    const r = await runOnce(exe, ['--version'], '', Math.min(this.timeoutMs, 10_000), 64 * 1024, this.env);
    const m = /^version:\s*(\S+)/m.exec(r.stdout);
    if (r.code !== 0 || !m) return { ok: false, error: `ShellCheck '${exe}' did not answer --version${r.error ? ` (${r.error})` : ''}` };
    const [maj, min] = m[1].split('.').map((x) => Number.parseInt(x, 10));
    this.norc = maj > 0 || min >= 8; // --norc came with 0.8.0
    return { ok: true, exe, version: m[1] };
  }

  private key(job: ShellcheckJob): string { return `${job.dialect}\0${job.script}`; }

  /** The cached answer for `job`, if any (no process is started). */
  peek(job: ShellcheckJob): ShellcheckComment[] | undefined {
    const k = this.key(job);
    const v = this.cache.get(k);
    if (v) { this.cache.delete(k); this.cache.set(k, v); }
    return v;
  }

  /** ShellCheck's comments on one script; rejects when it cannot run or answers nonsense. */
  async check(job: ShellcheckJob, signal?: AbortSignal): Promise<ShellcheckComment[]> {
    const hit = this.peek(job);
    if (hit) return hit;
    if (job.script.length > MAX_SCRIPT_CHARS) throw new Error(`the RUN body is too large for ShellCheck (${Math.round(job.script.length / 1024)} KiB; the limit is ${MAX_SCRIPT_CHARS / 1024} KiB)`);
    const k = this.key(job);
    for (;;) {
      let p = this.inflight.get(k);
      if (!p) {
        p = this.start(job, signal).finally(() => this.inflight.delete(k));
        this.inflight.set(k, p);
      }
      try {
        return await p;
      } catch (e) {
        // Another caller's run of the same script was dropped when that caller gave up: run it for this one.
        if (e instanceof AbortedError && !signal?.aborted) continue;
        throw e;
      }
    }
  }

  private async start(job: ShellcheckJob, signal?: AbortSignal): Promise<ShellcheckComment[]> {
    const probe = await this.probe();
    if (!probe.ok) throw new Error(probe.error);
    await this.slot(signal);
    try {
      this.runs++;
      const args = ['--format=json1', `--shell=${job.dialect}`, `--exclude=${SHELLCHECK_EXCLUDED.map((c) => c.slice(2)).join(',')}`, ...(this.norc ? ['--norc'] : []), '-'];
      const r = await runOnce(probe.exe, args, job.script, this.timeoutMs, this.maxBytes, this.env);
      if (r.error) throw new Error(`ShellCheck failed: ${r.error}`);
      if (r.code !== 0 && r.code !== 1) throw new Error(`ShellCheck exited with status ${r.code}${r.stderr.trim() ? `: ${r.stderr.trim().split('\n')[0]}` : ''}`);
      const comments = parseShellcheckJson1(r.stdout);
      this.cache.set(this.key(job), comments);
      while (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
      return comments;
    } finally {
      this.release();
    }
  }

  private slot(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    if (this.active < this.concurrency) { this.active++; return Promise.resolve(); }
    return new Promise((resolve, reject) => {
      const go = () => { signal?.removeEventListener('abort', onAbort); this.active++; resolve(); };
      const onAbort = () => {
        const i = this.queue.indexOf(go);
        if (i >= 0) this.queue.splice(i, 1);
        reject(new AbortedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(go);
    });
  }

  private release() {
    this.active--;
    const next = this.queue.shift();
    if (next) next();
  }

  /** Findings of the scripts already answered, and the jobs still to run. */
  cachedFindings(model: Model, options: LintOptions): { findings: Finding[]; pending: ShellcheckJob[] } {
    const findings: Finding[] = [];
    const pending: ShellcheckJob[] = [];
    for (const job of shellcheckJobs(model)) {
      const hit = this.peek(job);
      if (hit) findings.push(...shellcheckFindings(model, job, hit, options));
      else pending.push(job);
    }
    return { findings, pending };
  }

  /**
   * ShellCheck's findings for every RUN of `model`. Scripts that could not be checked are
   * listed in `errors` (one line each); the others still give their findings. Resolves to
   * null when `signal` aborted it.
   */
  async findings(model: Model, options: LintOptions, signal?: AbortSignal): Promise<{ findings: Finding[]; errors: string[] } | null> {
    const findings: Finding[] = [];
    const errors: string[] = [];
    let aborted = false;
    const jobs = shellcheckJobs(model);
    if (!jobs.length) return { findings, errors };
    const probe = await this.probe();
    if (!probe.ok) return { findings, errors: [probe.error] };
    await Promise.all(jobs.map(async (job) => {
      try {
        const comments = await this.check(job, signal);
        findings.push(...shellcheckFindings(model, job, comments, options));
      } catch (e) {
        if (e instanceof AbortedError) { aborted = true; return; }
        const line = model.instructions[job.inst].range.start.line + 1;
        errors.push(`line ${line}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }));
    if (aborted || signal?.aborted) return null;
    return { findings, errors };
  }
}
