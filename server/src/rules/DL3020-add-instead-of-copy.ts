import { defineRule } from '../engine/rule';
import { fix, replace } from '../engine/helpers';

// ADD fetches URLs and unpacks local tar archives; for anything else COPY says what happens.
const URL_RE = /^(https?|ftp):\/\//i;
const ARCHIVE_RE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tlz|gz|bz2|xz|zst|lz|lzma)$/i;
const GIT_RE = /^git@|\.git(#.*)?$/i;

export default defineRule({
  meta: {
    code: 'DL3020',
    name: 'add-instead-of-copy',
    aliases: ['DS-0005', 'DS005', 'CKV_DOCKER_4'],
    severity: 'error',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags `ADD` used to copy local files or folders, where `COPY` does the same thing.',
      why: '`ADD` also downloads URLs and silently unpacks local tar archives. Using it for plain files hides that behaviour from readers and can unpack an archive you meant to copy. The Dockerfile best practices say to prefer `COPY` and keep `ADD` for archives and remote sources.',
      bad: 'FROM alpine:3.20\nADD app.py requirements.txt /app/\n',
      good: 'FROM alpine:3.20\nCOPY app.py requirements.txt /app/\n',
      fix: 'Replaces the `ADD` keyword with `COPY`, keeping every flag and argument. Safe: for sources that are not URLs, archives or git repositories, `ADD` and `COPY` copy the same files.',
      notes: 'Sources that are URLs, git repositories, archives, or contain variables (whose value we cannot see) are not flagged, as in hadolint.',
    },
  },
  check(model) {
    const out = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'ADD') continue;
      // Sources are all arguments but the last (exec form: JSON strings).
      const words = inst.form === 'exec' && inst.json ? inst.json : inst.args;
      if (words.length < 2) continue;
      const sources = words.slice(0, -1).map((w) => w.value.replace(/^["']|["']$/g, ''));
      if (sources.some((s) => URL_RE.test(s) || ARCHIVE_RE.test(s) || GIT_RE.test(s) || s.includes('$'))) continue;
      // --checksum/--keep-git-dir/--unpack only mean something to ADD.
      if (inst.flags.some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.name.toLowerCase()))) continue;
      out.push({
        range: inst.keywordRange,
        message: 'Use COPY instead of ADD for local files and folders',
        fixes: [fix('Replace ADD with COPY', [replace(inst.keywordRange, inst.node.getInstruction() === inst.node.getInstruction().toLowerCase() ? 'copy' : 'COPY')], 'safe')],
      });
    }
    return out;
  },
});
