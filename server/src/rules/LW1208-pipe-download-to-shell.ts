import { defineRule, type RawFinding } from '../engine/rule';
import type { Range } from '../../../shared/types';
import type { ShellCommand, ShellWord } from '../engine/shell';
import { comparePos } from '../engine/text';

const DOWNLOADERS = new Set(['curl', 'wget', 'wget2', 'fetch']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const INTERPRETERS = /^(python[0-9.]*|perl|ruby|node|php)$/;
/** Builtins that run the text of their arguments. */
const EVALUATORS = new Set(['eval', 'source', '.']);

const isRunner = (c: ShellCommand) => SHELLS.has(c.name) || INTERPRETERS.test(c.name);
const within = (inner: Range, outer: Range) => comparePos(outer.start, inner.start) <= 0 && comparePos(inner.end, outer.end) <= 0;
/** How deep in `sh -c` strings a command sits: commands of one pipeline share it. */
const depth = (c: ShellCommand) => c.wrappers.filter((w) => w.endsWith(' -c')).length;

/** Index in argv of the script operand (`bash script.sh`, `bash -c "..."` gives the string), or -1 when the program reads its script from stdin. */
function scriptOperand(c: ShellCommand): number {
  for (let k = 1; k < c.argv.length; k++) {
    const v = c.argv[k].value;
    if (v === '-' || v === '--') return -1;
    if (v === '-s' && SHELLS.has(c.name)) return -1;
    if (/^-[a-zA-Z]*c$/.test(v) && !c.argv[k].dynamic) return k + 1 < c.argv.length ? k + 1 : -1;
    if (/^-[a-zA-Z]*e$/.test(v) && (c.name === 'perl' || c.name === 'ruby' || c.name === 'node')) return k + 1 < c.argv.length ? k + 1 : -1;
    if (v.startsWith('-') && !c.argv[k].dynamic) continue;
    return k;
  }
  return -1;
}

/** The downloader that feeds `cmds[i]` through a pipe (`curl url | gunzip | sh`), if any. */
function pipedFrom(cmds: ShellCommand[], i: number): ShellCommand | null {
  let cur = cmds[i];
  for (let j = i - 1; j >= 0 && cur.connector === '|'; j--) {
    const c = cmds[j];
    if (c.inSubstitution !== cur.inSubstitution || depth(c) !== depth(cur)) continue;
    if (DOWNLOADERS.has(c.name)) return c;
    cur = c;
  }
  return null;
}

/** A downloader whose output is substituted into `word` (`"$(curl ...)"`, `<(wget -O- ...)`). */
function substitutedDownload(cmds: ShellCommand[], word: ShellWord): ShellCommand | null {
  if (!word.dynamic) return null;
  return cmds.find((c) => c.inSubstitution && DOWNLOADERS.has(c.name) && within(c.range, word.range)) ?? null;
}

export default defineRule({
  meta: {
    code: 'LW1208',
    name: 'pipe-download-to-shell',
    aliases: [],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a script that is downloaded and run in one go: `curl ... | sh`, `wget -O- ... | bash`, `curl ... | sudo python3 -`, `sh -c "$(curl ...)"`, `bash <(curl ...)`, `eval "$(wget -qO- ...)"`.',
      why: 'Nothing checks what runs: whatever the server (or anyone who compromised it, its CDN or a mirror) returns at build time executes as root in the build, and a half-downloaded script runs half. The same Dockerfile builds different images on different days, which defeats pinned, reproducible builds. The best practices ask for pinned versions and trusted, scanned content: download a fixed version to a file, verify its checksum or signature, then run it.',
      bad: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n',
      good: 'FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/install.sh https://example.com/v1.2.3/install.sh \\\n    && echo "<sha256>  /tmp/install.sh" | sha256sum -c - \\\n    && sh /tmp/install.sh && rm /tmp/install.sh\n',
      fix: 'None: the checksum of the script is not known to the linter. Download to a file, check it with `sha256sum -c`, then run it (or use `ADD --checksum=sha256:...`).',
      notes: 'No reference tool has this rule. Shells (`sh`, `bash`, `dash`, `ash`, `zsh`, `ksh`) and interpreters (`python`, `perl`, `ruby`, `node`, `php`) count when they read the script from the pipe (no script file operand, or `-`/`-s`); commands in between (`curl ... | gunzip | sh`) do not hide the download. `sudo`, `env` and `sh -c` wrappers are seen through.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      const cmds = inst.shell.commands;
      const seen = new Set<string>();
      cmds.forEach((c, i) => {
        let source: ShellCommand | null = null;
        if (EVALUATORS.has(c.name)) {
          for (const w of c.argv.slice(1)) if ((source = substitutedDownload(cmds, w))) break;
        } else if (isRunner(c)) {
          const k = scriptOperand(c);
          source = k < 0 ? pipedFrom(cmds, i) : substitutedDownload(cmds, c.argv[k]);
        }
        if (!source) return;
        const key = `${c.argv[0].range.start.line}:${c.argv[0].range.start.character}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push({
          range: c.argv[0].range,
          message: `\`${c.name}\` runs a script straight from \`${source.name}\`, unverified: download it to a file, check its checksum, then run it`,
        });
      });
    }
    return out;
  },
});
