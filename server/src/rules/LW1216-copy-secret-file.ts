import { defineRule, type RawFinding } from '../engine/rule';
import { copySources, unquote } from '../engine/helpers';

/** Template files that by convention hold no real values. */
const TEMPLATE_SUFFIX = /\.(example|sample|template|dist|defaults?)$/;
const SECRET_NAMES = new Set(['.env', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', '.npmrc', '.pypirc', '.netrc', '.git-credentials', '.htpasswd']);
const SECRET_EXT = ['.pem', '.key', '.p12', '.pfx', '.jks', '.keystore'];
/** Files whose name is generic but whose directory says what they are. */
const SECRET_PATHS = ['.aws/credentials', '.docker/config.json', '.ssh/id_rsa', '.kube/config', '.config/gcloud/credentials.db'];

/** What kind of secret a copy source names, or null. Globs count when they spell the name (`*.pem`). */
export function secretFile(source: string): string | null {
  const p = source.replace(/\\/g, '/').replace(/\/+$/, '');
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (TEMPLATE_SUFFIX.test(base)) return null;
  if (SECRET_NAMES.has(base)) return base;
  if (base.startsWith('.env.')) return '.env';
  for (const ext of SECRET_EXT) if (base.endsWith(ext) && base.length > ext.length) return `*${ext}`;
  for (const s of SECRET_PATHS) if (p === s || p.endsWith('/' + s)) return s;
  return null;
}

export default defineRule({
  meta: {
    code: 'LW1216',
    name: 'copy-secret-file',
    aliases: [],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `COPY`/`ADD` of files that usually hold credentials, from the build context: `.env` (and `.env.*` other than templates such as `.env.example`), SSH private keys (`id_rsa`, `id_ed25519` ...), `*.pem`, `*.key`, `*.p12`, `*.pfx`, keystores, `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.htpasswd`, `.aws/credentials`, `.docker/config.json`, `.kube/config`.',
      why: 'A copied file is part of a layer for good: deleting it in a later RUN hides it but every copy of the image still carries it, and `docker save` or any registry user can extract it. The best practices say not to bake secrets into images: use `RUN --mount=type=secret` for build-time credentials (an `.npmrc` token, an SSH key), mount them at run time, and keep them out of the context with `.dockerignore`.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY .npmrc package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev\n',
      fix: 'None: use a secret mount (`RUN --mount=type=secret,id=...`) for build-time use, or mount the file when the container runs; list it in `.dockerignore`.',
      notes: 'No reference tool has this rule (Trivy\'s DS-0031 looks at variables that point at credential files). Copies from another stage or image (`--from`) are not judged, nor are whole directories (`COPY . .`), whose content the linter does not see. A `.pem` file may be a public certificate; ignore the finding for those.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      if (inst.flags.some((f) => f.name.toLowerCase() === 'from')) continue;
      for (const w of copySources(inst)) {
        const v = inst.form === 'exec' ? w.value : unquote(w.value);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) continue;
        const kind = secretFile(v);
        if (!kind) continue;
        out.push({
          range: w.range,
          message: `${v} looks like a secret file (${kind}): once copied it stays in the image layers. Use RUN --mount=type=secret or a run-time mount instead`,
        });
      }
    }
    return out;
  },
});
