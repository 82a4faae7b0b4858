import { defineRule, type RawFinding } from '../engine/rule';
import { copySources, unquote } from '../engine/helpers';
import { expand } from '../engine/vars';

const HTTP_URL = /^https?:\/\//i;
/** Git sources (`https://host/repo.git#ref`) are pinned by ref, not by a file checksum. */
const GIT_URL = /\.git(#.*)?$|^git@/i;

export default defineRule({
  meta: {
    code: 'LW1218',
    name: 'add-url-without-checksum',
    aliases: [],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `ADD <http(s) URL>` without `--checksum=sha256:...`.',
      why: 'ADD downloads the URL at build time and puts whatever it gets into the image: a changed, truncated or tampered file is not noticed, and the build is not reproducible. The best practices prefer `COPY` and pinned, verified inputs; when a remote file is needed, `ADD --checksum=sha256:<digest> <url> <dest>` makes the build fail instead of shipping a different file.',
      bad: 'FROM alpine:3.20\nADD https://example.com/tool-1.2.3.tar.gz /tmp/\n',
      good: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.3.tar.gz /tmp/\n',
      fix: 'None: the digest is not known to the linter. Compute it once (`curl -fsSL <url> | sha256sum`) and add `--checksum=sha256:<digest>`; `ADD --checksum` needs Dockerfile syntax 1.6 or later (BuildKit).',
      notes: 'No reference tool has this rule; DL3020 leaves URL sources to ADD, this rule asks that they be verified. Git sources (`.git` URLs, `git@`) are not judged. A URL held in a variable with a known value is checked too.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'ADD') continue;
      if (inst.flags.some((f) => f.name.toLowerCase() === 'checksum' && f.value)) continue;
      for (const w of copySources(inst)) {
        const raw = inst.form === 'exec' ? w.value : unquote(w.value);
        const e = expand(raw, inst.scope, model.escapeChar);
        const v = e.unresolved.length ? null : e.value;
        if (v === null || !HTTP_URL.test(v) || GIT_URL.test(v)) continue;
        out.push({ range: w.range, message: 'ADD downloads this URL without --checksum: a changed or tampered file goes into the image unnoticed. Add --checksum=sha256:<digest>' });
      }
    }
    return out;
  },
});
