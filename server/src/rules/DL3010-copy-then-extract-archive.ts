import { defineRule, type RawFinding } from '../engine/rule';
import { unquote } from '../engine/helpers';
import { expand, type Scope } from '../engine/vars';
import type { Inst, Word } from '../engine/model';
import type { ShellCommand, ShellWord } from '../engine/shell';

// Only what ADD unpacks by itself: tar, plain or compressed with gzip, bzip2 or xz.
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz)$/i;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
// Decompressors whose output, piped into `tar -x`, is the extraction.
const DECOMPRESSORS = new Set(['gunzip', 'zcat', 'gzcat', 'bunzip2', 'bzcat', 'unxz', 'xzcat']);
const COMPRESSORS = new Set(['gzip', 'bzip2', 'xz']);

function basename(p: string): string {
  const s = p.replace(/[/\\]+$/, '');
  const i = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
  return i >= 0 ? s.slice(i + 1) : s;
}

/** A shell word's value with ARG/ENV substituted (RUN sees them as environment variables). */
function wordValue(w: ShellWord, scope: Scope): string | null {
  if (!w.dynamic) return w.value;
  if (w.text.includes('$(') || w.text.includes('`')) return null;
  return expand(unquote(w.text), scope).value;
}

function isTarExtract(cmd: ShellCommand): boolean {
  if (cmd.name !== 'tar') return false;
  return cmd.argv.slice(1).some((a, k) => {
    const v = a.value;
    if (v === '--extract' || v === '--get') return true;
    if (/^-[A-Za-z]+$/.test(v) && v.includes('x')) return true;
    // Old-style bundled options without a dash: `tar xzf file.tgz`.
    return k === 0 && /^[A-Za-z]+$/.test(v) && v.includes('x');
  });
}

function isDecompress(cmd: ShellCommand): boolean {
  if (DECOMPRESSORS.has(cmd.name)) return true;
  return COMPRESSORS.has(cmd.name) && cmd.argv.slice(1).some((a) => a.value === '--decompress' || a.value === '--stdout' || (/^-[A-Za-z]+$/.test(a.value) && a.value.includes('d')));
}

/** Basenames of the files a RUN extracts with tar (directly, or decompressed into `tar -x`). */
function extractedArchives(inst: Inst): Set<string> {
  const out = new Set<string>();
  const cmds = inst.shell?.commands ?? [];
  cmds.forEach((cmd, k) => {
    const feedsTar = isDecompress(cmd) && cmds[k + 1]?.connector === '|' && isTarExtract(cmds[k + 1]);
    if (!isTarExtract(cmd) && !feedsTar) return;
    for (const a of cmd.argv.slice(1)) {
      const v = wordValue(a, inst.scope);
      if (v === null) continue;
      const eq = v.startsWith('--file=') ? v.slice(7) : v;
      if (TAR_ARCHIVE.test(eq)) out.add(basename(eq));
    }
  });
  return out;
}

interface Copied { word: Word; name: string; inst: Inst }

export default defineRule({
  meta: {
    code: 'DL3010',
    name: 'copy-then-extract-archive',
    aliases: [],
    severity: 'info',
    category: 'size',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a local tar archive that is `COPY`ed into the image and then unpacked by a later `RUN tar -x` in the same stage.',
      why: 'The `COPY` layer keeps the archive forever, even if the `RUN` deletes it afterwards, so the image carries the files twice. `ADD archive.tar.gz /dest/` unpacks a local tar archive in a single layer without keeping it, which is the one use the Dockerfile best practices keep for `ADD`. (A `RUN --mount=type=bind,source=archive.tar.gz,…` that extracts from the build context is another way to avoid the extra layer.)',
      bad: 'FROM debian:bookworm-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      good: 'FROM debian:bookworm-slim\nADD app.tar.gz /opt/\n',
      fix: 'None: `ADD` extracts into its destination with the archive\'s own paths and owners, which may differ from the `tar` options used (`-C`, `--strip-components`, excludes), so the rewrite needs a look.',
      notes: 'Only archives `ADD` can unpack are considered (tar, plain or gzip/bzip2/xz-compressed; not zip, zstd or lzma, which hadolint also counts), only when a later `RUN` of the same stage really extracts that file (`tar -x`, `tar xzf`, `--extract`, or `gunzip -c … | tar -x`), matched by file name with ARG/ENV values substituted, including heredoc bodies. `COPY --from` archives are not flagged (`ADD` cannot extract from another stage).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const copied: Copied[] = [];
      const reported = new Set<Copied>();
      for (const inst of stage.instructions) {
        if (inst.keyword === 'COPY' && !inst.flags.some((f) => f.name.toLowerCase() === 'from')) {
          const words = inst.form === 'exec' && inst.json ? inst.json : inst.args;
          if (words.length < 2) continue;
          const sources = words.slice(0, -1);
          const destRaw = inst.form === 'exec' ? words[words.length - 1].value : unquote(words[words.length - 1].value);
          const dest = expand(destRaw, inst.scope, model.escapeChar).value;
          for (const w of sources) {
            const v = expand(inst.form === 'exec' ? w.value : unquote(w.value), inst.scope, model.escapeChar).value;
            if (v === null || URL.test(v) || w.value.startsWith('<<')) continue;
            // Copied under another name (`COPY app.tgz /tmp/a.tgz`): the RUN sees the new name.
            const renamed = sources.length === 1 && dest !== null && !dest.endsWith('/') && TAR_ARCHIVE.test(dest);
            const name = renamed ? basename(dest!) : basename(v);
            if (TAR_ARCHIVE.test(name)) copied.push({ word: w, name, inst });
          }
        } else if (inst.keyword === 'RUN' && copied.length) {
          const names = extractedArchives(inst);
          for (const c of copied) {
            if (reported.has(c) || !names.has(c.name)) continue;
            reported.add(c);
            out.push({ range: c.word.range, message: `'${c.name}' is copied here and extracted by the RUN on line ${inst.range.start.line + 1}; ADD extracts a local tar archive in one layer without keeping it` });
          }
        }
      }
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return out;
  },
});
