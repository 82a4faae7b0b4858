import { defineRule } from '../engine/rule';
import type { RawFinding } from '../engine/rule';
import type { Inst } from '../engine/model';
import type { ShellCommand } from '../engine/shell';
import { fix, insertAt } from '../engine/helpers';
import { execArgv, pipCall, pipNoCacheDir, pipNoCacheDirValue, runMounts, type ArgWord, type PipCall } from '../engine/deps';

const MESSAGE = "pip install keeps downloaded packages in pip's cache inside the layer; add --no-cache-dir";

/** A cache or tmpfs mount over pip's cache directory keeps the cache out of the image. */
function cacheMounted(inst: Inst, argv: readonly ArgWord[], call: PipCall): boolean {
  const dirs = new Set<string>();
  const envDir = inst.scope.get('PIP_CACHE_DIR');
  if (envDir) dirs.add(norm(envDir));
  for (let k = call.pipIndex + 1; k < argv.length; k++) {
    const v = argv[k].value;
    if (v === '--cache-dir' && k + 1 < argv.length) dirs.add(norm(argv[k + 1].value));
    else if (v.startsWith('--cache-dir=')) dirs.add(norm(v.slice('--cache-dir='.length)));
  }
  return runMounts(inst).some((m) => {
    if ((m.type !== 'cache' && m.type !== 'tmpfs') || !m.target) return false;
    const t = norm(m.target);
    return t.includes('/.cache/pip') || t.startsWith('.cache/pip') || t.endsWith('/.cache') || t === '.cache' || dirs.has(t);
  });
}

function norm(p: string): string {
  let s = p.trim();
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/** `PIP_NO_CACHE_DIR=1 pip install`, or `export PIP_NO_CACHE_DIR=1` earlier in the same RUN. */
function setInShell(inst: Inst, cmd: ShellCommand): boolean {
  const assigned = (words: readonly { value: string; dynamic: boolean }[]) => words.some((w) => {
    if (w.dynamic || !w.value.startsWith('PIP_NO_CACHE_DIR=')) return false;
    return pipNoCacheDirValue(w.value.slice('PIP_NO_CACHE_DIR='.length));
  });
  if (assigned(cmd.assignments)) return true;
  const before = (r: { start: { line: number; character: number } }) =>
    r.start.line < cmd.range.start.line || (r.start.line === cmd.range.start.line && r.start.character < cmd.range.start.character);
  return (inst.shell?.declarations ?? []).some((d) => d.keyword === 'export' && before(d.range) && assigned(d.assignments));
}

export default defineRule({
  meta: {
    code: 'DL3042',
    name: 'pip-cache-dir',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `pip install` (also `pip3`, `python -m pip`) that keeps its download cache in the image: no `--no-cache-dir`, no `PIP_NO_CACHE_DIR`, and no BuildKit cache mount over pip\'s cache directory.',
      why: 'pip stores every wheel it downloads under `~/.cache/pip`. In an image nobody installs the same package twice, so the cache is dead weight, often tens or hundreds of megabytes, baked into the layer and pulled on every deploy. The best practices say to clean package caches in the same layer; for pip that means `--no-cache-dir`, or a `RUN --mount=type=cache,target=/root/.cache/pip` that keeps the cache outside the image and reuses it across builds.',
      bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      good: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      fix: 'Inserts ` --no-cache-dir` right after `install` (exec form: a `"--no-cache-dir"` element). Safe: pip installs the same packages, it only stops keeping the downloads.',
      notes: 'Accepted alternatives: `--no-cache-dir` anywhere in pip\'s arguments (also its abbreviation `--no-cache`); `PIP_NO_CACHE_DIR` set by `ENV` or `ARG` in the stage or a stage it builds on, on the command (`PIP_NO_CACHE_DIR=1 pip install`) or by an earlier `export` in the same RUN; a `cache` or `tmpfs` mount whose target is pip\'s cache (`…/.cache/pip`, `…/.cache`, `$PIP_CACHE_DIR` or the `--cache-dir` given). Unlike hadolint, any value pip accepts for `PIP_NO_CACHE_DIR` counts (pip turns the cache off for `0`/`false` too, for backward compatibility), while a plain shell variable (`PIP_NO_CACHE_DIR=1; pip install`, not exported) does not, since pip never sees it. `pipx`, `pipenv`, `uv pip` and `poetry` are other tools and not flagged. `pip install --upgrade pip` is flagged too: it caches the pip wheel like any other. Exec-form RUN and heredoc bodies are checked; each pip command is reported on its own `install` word.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN') continue;
      if (pipNoCacheDirValue(inst.scope.get('PIP_NO_CACHE_DIR'))) continue;
      const calls: { argv: readonly ArgWord[]; cmd: ShellCommand | null; exec: boolean }[] = [];
      if (inst.form === 'exec' && inst.json) calls.push({ argv: execArgv(inst.json), cmd: null, exec: true });
      else if (inst.shell) for (const cmd of inst.shell.commands) calls.push({ argv: cmd.argv, cmd, exec: false });
      for (const { argv, cmd, exec } of calls) {
        const call = pipCall(argv);
        if (!call || !call.sub || call.sub.value !== 'install') continue;
        if (pipNoCacheDir(argv, call)) continue;
        if (cmd && setInShell(inst, cmd)) continue;
        if (cacheMounted(inst, argv, call)) continue;
        const at = call.sub.range.end;
        out.push({
          range: call.sub.range,
          message: MESSAGE,
          fixes: [fix('Add --no-cache-dir', [insertAt(at, exec ? ', "--no-cache-dir"' : ' --no-cache-dir')], 'safe')],
        });
      }
    }
    return out;
  },
});
