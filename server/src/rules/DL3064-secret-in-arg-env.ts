import { defineRule, type RawFinding } from '../engine/rule';
import { onbuildTrigger, properties, type Prop } from '../engine/props';

/** Words that mark a name as a credential (BuildKit's list, plus `passphrase` and `apikey`). */
const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'passphrase', 'secret', 'token']);
/** Substrings that mark a name even inside a longer word (`DBPASSWORD`, `CLIENTSECRET`, `NPMTOKEN`). */
const SECRET_PARTS = ['password', 'passwd', 'secret', 'apikey', 'api_key'];
/** `key` next to one of these names a public key or its id, not a secret (`GPG_KEY`, `KEY_FINGERPRINT`). */
const PUBLIC_KEY_WORDS = new Set(['gpg', 'pgp', 'fingerprint', 'keyserver', 'keyring', 'pubkey']);

/** `AWS_SECRET_ACCESS_KEY` → aws, secret, access, key; `dbPassword` → db, password. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[_.\-]+/).filter(Boolean);
}

/** Whether a variable name says it holds a secret. */
export function sensitiveName(name: string): boolean {
  const words = nameWords(name);
  if (words.includes('public')) return false;
  const lower = name.toLowerCase();
  const hits = words.filter((w) => SECRET_WORDS.has(w) || w.endsWith('token'));
  const parts = SECRET_PARTS.some((p) => lower.includes(p));
  if (!hits.length && !parts) return false;
  if (!parts && hits.every((w) => w === 'key') && words.some((w) => PUBLIC_KEY_WORDS.has(w))) return false;
  return true;
}

export default defineRule({
  meta: {
    code: 'DL3064',
    name: 'secret-in-arg-env',
    aliases: ['SecretsUsedInArgOrEnv'],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `ARG` and `ENV` (also under `ONBUILD`) whose name says it holds a secret: a password, token, key, credential or auth value.',
      why: 'ENV values are stored in the image configuration, and ARG values in the build history of every image that uses them: anyone who can pull the image can read them with `docker inspect` or `docker history`. Secrets needed during the build belong in a secret mount (`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN ...`), which leaves nothing behind; secrets needed at run time are passed when the container starts.',
      bad: 'FROM node:20-alpine\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      good: 'FROM node:20-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
      fix: 'None: moving a secret to a secret mount also changes how the build is invoked (`docker build --secret ...`).',
      notes: 'One rule for hadolint\'s DL3064 and BuildKit\'s `SecretsUsedInArgOrEnv`. A name is split into words at `_`, `-`, `.` and camel-case boundaries; it is flagged when a word is one of BuildKit\'s (`apikey`, `auth`, `credential(s)`, `key`, `password`, `pword`, `passwd`, `secret`, `token`) or `passphrase`, or a word ends in `token` (`NPMTOKEN`), or the name contains `password`, `passwd`, `secret` or `api_key` anywhere (hadolint\'s substring test). As in BuildKit, a `public` word clears the name (`NEXT_PUBLIC_API_KEY`), and we also clear `key` next to `gpg`, `pgp` or `fingerprint` (`GPG_KEY` holds a public key id). Deliberate differences from hadolint: we do not use its substrings `token`, `private` and `username` inside other words (`TOKENIZERS_PARALLELISM`, `GOPRIVATE`, `USERNAME` hold no secrets) nor its fixed list of CI variable names, several of which are not secrets (`TRAVIS_OS_NAME`, `FACEBOOK_APP_ID`). The range is the variable name.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const report = (keyword: string, props: Prop[]) => {
      for (const p of props) {
        if (!sensitiveName(p.name)) continue;
        out.push({
          range: p.nameRange,
          message: `${keyword} ${p.name} looks like a secret: ARG and ENV values stay readable in the image; use a secret mount (RUN --mount=type=secret)`,
        });
      }
    };
    for (const inst of model.instructions) {
      if (inst.keyword === 'ARG' || inst.keyword === 'ENV') report(inst.keyword, properties(inst));
      const t = onbuildTrigger(inst);
      if (t && (t.keyword === 'ARG' || t.keyword === 'ENV')) report(t.keyword, t.props);
    }
    return out;
  },
});
