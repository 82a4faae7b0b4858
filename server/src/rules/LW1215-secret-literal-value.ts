import { defineRule, type RawFinding } from '../engine/rule';
import { keyValues } from '../engine/helpers';

/**
 * Shapes of well-known credentials. Each pattern is linear: no quantified group contains
 * another quantifier, so no input makes them backtrack.
 */
const SECRET_SHAPES: { what: string; re: RegExp }[] = [
  { what: 'an AWS access key ID', re: /(^|[^A-Z0-9])(AKIA|ASIA)[0-9A-Z]{16}($|[^A-Z0-9])/ },
  { what: 'a private key', re: /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/ },
  { what: 'a GitHub token', re: /(^|[^A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})/ },
  { what: 'a GitLab token', re: /(^|[^A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20}/ },
  { what: 'a Slack token', re: /(^|[^A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,}/ },
  { what: 'a Stripe secret key', re: /(^|[^A-Za-z0-9])sk_live_[A-Za-z0-9]{16,}/ },
  { what: 'a password in a URL', re: /[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s/:@$]{1,200}:[^\s/@$]{1,200}@/ },
  { what: 'a password', re: /(^|[^A-Za-z0-9_])(password|passwd|pwd|secret|token|api[_-]?key)=[^\s$&;'"]/i },
];

export function secretShape(value: string): string | null {
  for (const s of SECRET_SHAPES) if (s.re.test(value)) return s.what;
  return null;
}

export default defineRule({
  meta: {
    code: 'LW1215',
    name: 'secret-literal-value',
    aliases: [],
    severity: 'error',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags ENV, ARG and LABEL values that look like a credential: AWS access key IDs, private keys (`-----BEGIN ... PRIVATE KEY-----`), GitHub, GitLab, Slack and Stripe tokens, a password in a URL (`postgres://user:pass@db`), or a literal `password=...` / `token=...` inside the value.',
      why: 'ENV and LABEL values are stored in the image configuration, and ARG values used by a RUN in its history: anyone who can pull the image can read them with `docker inspect` or `docker history`, forever, and every registry and cache that holds the image holds the secret. The best practices say never to bake secrets into images: pass them at run time, or at build time with `RUN --mount=type=secret`.',
      bad: 'FROM alpine:3.20\nENV DATABASE_URL=postgres://app:hunter2@db:5432/app\n',
      good: 'FROM alpine:3.20\n# DATABASE_URL is supplied at run time (docker run -e, a secret store)\nENV DATABASE_HOST=db\n',
      fix: 'None: remove the value, rotate the credential (it is already in every copy of the image and in your version control), and pass it at run time or with `RUN --mount=type=secret`.',
      notes: 'No reference tool has this rule in its Dockerfile checks (DL3064 / SecretsUsedInArgOrEnv look at variable names; this looks at values). Values that are variables (`$TOKEN`) are not secrets in themselves. The message never repeats the value.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      for (const kv of keyValues(inst)) {
        if (kv.value === null) continue;
        const what = secretShape(kv.value);
        if (!what) continue;
        out.push({
          range: kv.valueRange ?? kv.range,
          message: `The value of ${inst.keyword} ${kv.name} looks like ${what}: it is stored in the image for anyone who can pull it. Pass it at run time or with RUN --mount=type=secret`,
        });
      }
    }
    return out;
  },
});
