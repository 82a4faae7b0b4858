import { defineRule, type RawFinding } from '../engine/rule';
import type { Inst, Model, Stage } from '../engine/model';
import type { ShellCommand } from '../engine/shell';
import { fix, resolveFromTarget, resolvePath, unquote, workdirAt } from '../engine/helpers';
import { classifyImage, officialImageName } from '../engine/image';
import { comparePos } from '../engine/text';
import { copySteps } from '../engine/instructions';
import { cliOptionValue, goCall, osPackageAction, runArgvs, type CliCall } from '../engine/packages';
import { rootImage, stageChain } from '../engine/user';

/** OS packages that bring a C compiler (with one, Go turns cgo on by default). */
const C_TOOLCHAIN_PACKAGES = new Set(['gcc', 'clang', 'build-base', 'musl-dev', 'g++', 'build-essential', 'gcc-c++']);

/** CGO_ENABLED as a go command sees it: from the command's own assignments, an earlier `export` or `go env -w` in the RUN, the stage's ARG/ENV, or `go env -w` in an earlier RUN. Undefined: not set. */
function cgoSetting(model: Model, inst: Inst, cmd: ShellCommand | null): string | null | undefined {
  const assigned = (words: { text: string }[]): string | null | undefined => {
    let v: string | null | undefined;
    for (const w of words) if (w.text.startsWith('CGO_ENABLED=')) v = unquote(w.text.slice(12));
    return v;
  };
  if (cmd) {
    const own = assigned(cmd.assignments);
    if (own !== undefined) return own;
    let v: string | null | undefined;
    for (const d of inst.shell?.declarations ?? []) {
      if (d.keyword === 'export' && !d.inSubstitution && comparePos(d.range.end, cmd.range.start) <= 0) {
        const a = assigned(d.assignments);
        if (a !== undefined) v = a;
      }
    }
    if (v !== undefined) return v;
  }
  if (inst.scope.has('CGO_ENABLED')) return inst.scope.get('CGO_ENABLED') ?? null;
  // `go env -w CGO_ENABLED=0` earlier in the stage chain.
  for (const s of inst.stage ? stageChain(inst.stage).reverse() : []) {
    for (const i of s.instructions) {
      if (i.index >= inst.index || i.keyword !== 'RUN') continue;
      for (const { argv } of runArgvs(i)) {
        const call = goCall(argv, i);
        if (call?.action !== 'env' || !argv.some((w) => w.value === '-w')) continue;
        for (const w of argv) if (w.value.startsWith('CGO_ENABLED=')) return w.value.slice(12);
      }
    }
  }
  return undefined;
}

/**
 * Whether the stage chain of `inst` is known to have a C compiler when it runs: the official
 * `golang` images other than Alpine ship gcc; otherwise an OS package install before it must
 * name one (or a word we cannot read). Without a C compiler Go 1.20+ turns cgo off itself.
 */
function hasCCompiler(inst: Inst): boolean {
  if (!inst.stage) return false;
  const root = rootImage(inst.stage);
  if (officialImageName(root) === 'golang' && !(root.tag ?? '').toLowerCase().includes('alpine')) return true;
  for (const s of stageChain(inst.stage).reverse()) {
    for (const i of s.instructions) {
      if (i.index >= inst.index || i.keyword !== 'RUN' || !i.shell) continue;
      for (const cmd of i.shell.commands) {
        if (!osPackageAction(cmd)?.installs) continue;
        if (cmd.argv.some((w) => w.dynamic || C_TOOLCHAIN_PACKAGES.has(w.value.split(/[=~<>]/)[0]))) return true;
      }
    }
  }
  return false;
}

/** Where the binaries of a go build/install land: a file, or a directory (the name comes from the package). */
function outputOf(inst: Inst, call: CliCall, escapeChar: string): { path: string; dir: boolean } | null {
  const cwd = workdirAt(inst, escapeChar);
  if (call.action === 'install') return { path: '/go/bin', dir: true };
  const o = cliOptionValue(call, 'o');
  if (o === null) return cwd === null ? null : { path: cwd, dir: true };
  const v = unquote(o);
  if (v.includes('$')) return null;
  const abs = v.startsWith('/') ? resolvePath('/', v) : cwd === null ? null : resolvePath(cwd, v);
  return abs === null ? null : { path: abs, dir: v.endsWith('/') };
}

const within = (p: string, dir: string) => p === dir || p.startsWith(dir === '/' ? '/' : dir + '/');

/** Whether a `COPY --from` source (absolute in the source stage) takes the build output. */
function sourceTakes(src: string, out: { path: string; dir: boolean }): boolean {
  const s = resolvePath('/', src);
  if (s.includes('*') || s.includes('?') || s.includes('[')) {
    const dir = s.slice(0, s.lastIndexOf('/')) || '/';
    return out.dir ? within(dir, out.path) || within(out.path, dir) : within(out.path, dir);
  }
  return out.dir ? within(s, out.path) || within(out.path, s) : within(out.path, s);
}

/** The first COPY into a static-only stage that takes the output of a go build in `stage`. */
/** A `COPY --from=<earlier stage>` in a stage based on an image without a C library. */
interface StaticCopy { stageIndex: number; from: Stage; sources: ReturnType<typeof copySteps>[number]['sources']; line: number; image: string }

/** Every such copy in the file, found once per lint (not once per `go build`). */
function staticCopies(model: Model): StaticCopy[] {
  const out: StaticCopy[] = [];
  for (const t of model.stages) {
    const img = rootImage(t);
    if (!classifyImage(img).staticOnly) continue;
    for (const c of copySteps(model, t)) {
      if (c.inst.stage !== t || c.from === null) continue;
      const target = resolveFromTarget(model, c.inst, c.from);
      if (!target || target.kind !== 'earlier') continue;
      out.push({ stageIndex: t.index, from: target.stage, sources: c.sources, line: c.inst.range.start.line + 1, image: img.isScratch ? 'scratch' : img.resolved ?? '' });
    }
  }
  return out;
}

function copiedIntoStatic(copies: StaticCopy[], stage: Stage, out: { path: string; dir: boolean }): { line: number; image: string } | null {
  for (const c of copies) {
    if (c.stageIndex <= stage.index || !stageChain(c.from).includes(stage)) continue;
    if (c.sources.some((s) => s !== null && sourceTakes(s, out))) return { line: c.line, image: c.image };
  }
  return null;
}

export default defineRule({
  meta: {
    code: 'LW1011',
    name: 'cgo-binary-in-static-image',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a `go build` (or `go install`) that runs without `CGO_ENABLED=0` and whose output a later stage based on `scratch`, `gcr.io/distroless/static` or Chainguard `static` copies with `COPY --from`.',
      why: 'With a C compiler present (the default `golang` images are Debian with gcc), Go builds with cgo enabled, and any program using `net` or `os/user` links against the C library dynamically. `scratch` and `distroless/static` have no C library and no dynamic loader, so the container fails to start with a puzzling "exec /app: no such file or directory". `CGO_ENABLED=0` makes Go build a static binary that runs anywhere, which is what the best practices pair with these images.',
      bad: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      fix: 'Writes `CGO_ENABLED=0 ` before the `go` command (a suggestion: a program that really uses cgo needs a C library at run time; choose `gcr.io/distroless/base` or `cc` then). No fix for exec-form RUNs, or when `CGO_ENABLED` is set to something else on purpose.',
      notes: 'CGO_ENABLED counts when set on the command (`CGO_ENABLED=0 go build`, `env CGO_ENABLED=0 go build`), by `export` earlier in the same RUN, by ARG or ENV in the stage (or the stage it builds on), or by `go env -w CGO_ENABLED=0` in an earlier RUN. Not flagged: a build linked statically on purpose (`-ldflags` with `-static`), a build without a known C compiler (the official `golang` images other than Alpine ship gcc; on any other image an OS package install must name `gcc`, `clang`, `build-base`, `build-essential` or `musl-dev`: without a compiler Go 1.20+ turns cgo off itself), output that reaches the static image through an intermediate stage, arguments with variables, and copies into `distroless/base`, `distroless/cc` or other images that have a C library. The output path comes from `-o` (resolved against the WORKDIR), else the working directory, or `/go/bin` for `go install`; a `COPY --from` source that is, contains or lies in it counts. No reference tool has this rule.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const copies = staticCopies(model);
    if (copies.length === 0) return out;
    for (const stage of model.stages) {
      for (const inst of stage.instructions) {
        for (const { argv, cmd } of runArgvs(inst)) {
          if (cmd?.inSubstitution) continue;
          const call = goCall(argv, inst);
          if (!call || (call.action !== 'build' && call.action !== 'install') || call.dynamic || !call.sub) continue;
          if (call.action === 'install' && call.operands.some((o) => o.value.includes('@'))) continue;
          const cgo = cgoSetting(model, inst, cmd);
          if (cgo === '0' || cgo === null) continue;
          if (cgo === undefined && !hasCCompiler(inst)) continue;
          const ld = cliOptionValue(call, 'ldflags');
          if (ld !== null && /(^|[\s"'=])-static\b/.test(ld)) continue;
          const o = outputOf(inst, call, model.escapeChar);
          if (!o) continue;
          const into = copiedIntoStatic(copies, stage, o);
          if (!into) continue;
          const explicit = cgo !== undefined;
          out.push({
            range: { start: argv[0].range.start, end: call.sub.range.end },
            message: `${explicit ? `This go ${call.action} sets CGO_ENABLED=${cgo}` : `This go ${call.action} runs with cgo enabled (the default where a C compiler is installed)`}, so the binary may need the C library, and line ${into.line} copies it into ${into.image}, which has none: build with CGO_ENABLED=0`,
            fixes: cmd && !explicit ? [fix('Build with CGO_ENABLED=0', [{ range: { start: argv[0].range.start, end: argv[0].range.start }, newText: 'CGO_ENABLED=0 ' }], 'suggestion')] : [],
          });
        }
      }
    }
    return out;
  },
});
