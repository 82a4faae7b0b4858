import { defineRule } from '../engine/rule';
import { fix } from '../engine/helpers';
import { appendToIgnoreFile, firstWholeContextCopy, ignoreFileName, ignoreFileOf, linesFor, unexcludedEntries } from '../engine/dockerignore';

export default defineRule({
  meta: {
    code: 'LW1031',
    name: 'dockerignore-missing-entries',
    aliases: [],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a Dockerfile that copies the whole build context (`COPY . .` and the like) while the `.dockerignore` in effect does not exclude `.git`, `node_modules` or `.env` files (`.env`, `.env.local` …; not templates such as `.env.example`) that exist at the top of the context. The file is matched with Docker\'s own rules (last matching line wins, `!` exceptions, `**`). Needs the build context, like LW1030.',
      why: 'A `.dockerignore` that forgets these entries lets them into the image through `COPY . .`: the repository history (and anything ever committed to it), real credentials from `.env`, and host-built dependencies that may not even run on the image\'s platform. The best practices say to exclude them explicitly.',
      bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nUSER nobody\nCMD ["python", "app.py"]\n',
      good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY app.py ./\nUSER nobody\nCMD ["python", "app.py"]\n',
      fix: 'In the editor, "Add the missing entries to .dockerignore" (a suggestion) appends one line per entry to the ignore file in effect (`.env.*` when there are several env files, with `!` lines keeping templates such as `.env.example`), in the file\'s own line endings. Never applied by `--fix`, which only edits the Dockerfile.',
      notes: 'No reference tool has this rule. Entries are only checked when they exist; a pattern that Layerwise does not evaluate (more than three `*` wildcards, or invalid) makes it skip the entries that pattern could affect rather than guess. The examples on this page assume a context with `.git` and a `.dockerignore` that does not list it.',
    },
  },
  check(model, ctx) {
    const bc = ctx.buildContext;
    if (!bc) return [];
    const file = ignoreFileOf(bc);
    if (!file) return [];
    const src = firstWholeContextCopy(model);
    if (!src) return [];
    const missing = unexcludedEntries(bc, file);
    if (!missing.length) return [];
    const name = ignoreFileName(bc);
    const fixes = bc.dockerignorePath && bc.dockerignore !== null
      ? [{ ...fix(`Add ${missing.join(', ')} to ${name}`, [], 'suggestion'), files: [appendToIgnoreFile(bc.dockerignorePath, bc.dockerignore, linesFor(missing, bc.topLevel))] }]
      : [];
    return [{
      range: src.range,
      message: `${name} does not exclude ${missing.join(', ')}, which ${missing.length === 1 ? 'exists' : 'exist'} in the build context: this COPY puts ${missing.length === 1 ? 'it' : 'them'} into the image`,
      fixes,
    }];
  },
});
