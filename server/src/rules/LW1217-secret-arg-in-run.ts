import { defineRule, type RawFinding } from '../engine/rule';
import type { Range } from '../../../shared/types';
import type { Inst } from '../engine/model';
import { keyValues } from '../engine/helpers';

const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASS', 'PWD', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATEKEY']);
const KEY_PREFIXES = new Set(['API', 'ACCESS', 'PRIVATE', 'SECRET', 'SIGNING', 'ENCRYPTION', 'MASTER', 'LICENSE']);
/** A last word that makes the variable a pointer to a secret, not the secret itself. */
const NOT_SECRET_LAST = new Set(['FILE', 'PATH', 'DIR', 'URL', 'ENDPOINT', 'HOST', 'PORT', 'NAME', 'USER', 'USERNAME', 'TYPE', 'LENGTH', 'ID', 'REGION']);

/** Whether a variable name says it holds a credential (`NPM_TOKEN`, `DB_PASSWORD`, `API_KEY`). */
export function secretLikeName(name: string): boolean {
  const parts = name.toUpperCase().split(/[_.-]/).filter(Boolean);
  if (!parts.length || NOT_SECRET_LAST.has(parts[parts.length - 1])) return false;
  return parts.some((p, k) => SECRET_WORDS.has(p) || (p === 'KEY' && k > 0 && KEY_PREFIXES.has(parts[k - 1])));
}

const isNameChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';

/** Whether shell text expands `name` (`$NAME`, `${NAME}`, `${NAME:-x}`). A linear scan. */
export function expandsVar(text: string, name: string): boolean {
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    let j = i + 1;
    if (text[j] === '{') j++;
    if (text.startsWith(name, j) && !isNameChar(text[j + name.length] ?? '')) return true;
  }
  return false;
}

/** The first word of a RUN that expands `name`, with its range. */
function referenceIn(inst: Inst, name: string): Range | null {
  if (inst.form === 'exec' && inst.json) return inst.json.find((w) => expandsVar(w.value, name))?.range ?? null;
  if (!inst.shell) return null;
  // Inside `sh -c "..."` the inner command's word is the tighter range than the whole string.
  const depth = (c: { wrappers: string[] }) => c.wrappers.filter((w) => w.endsWith(' -c')).length;
  const cmds = [...inst.shell.commands].sort((a, b) => depth(b) - depth(a));
  for (const c of cmds) {
    for (const w of [...c.assignments, ...c.argv]) if (w.dynamic && expandsVar(w.text, name)) return w.range;
  }
  for (const d of inst.shell.declarations) for (const w of d.assignments) if (w.dynamic && expandsVar(w.text, name)) return w.range;
  return null;
}

export default defineRule({
  meta: {
    code: 'LW1217',
    name: 'secret-arg-in-run',
    aliases: ['DS-0031', 'DS031'],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a RUN that uses a build argument whose name says it holds a credential (`ARG NPM_TOKEN`, `ARG DB_PASSWORD`, `ARG API_KEY` ...) declared in its stage.',
      why: 'Build arguments are not secret: the values a RUN is built with are written into the image history (`docker history --no-trunc` shows them) and into build caches and provenance. The best practices say not to bake secrets into images and to use BuildKit secret mounts for build-time credentials: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` with `docker build --secret id=npm_token,env=NPM_TOKEN`; the value is then available to that one command and stored nowhere.',
      bad: 'FROM node:20-slim\nARG NPM_TOKEN\nCOPY package.json package-lock.json ./\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
      good: 'FROM node:20-slim\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
      fix: 'None: the build command changes too (`docker build --secret ...`). Declare a secret mount on the RUN (`--mount=type=secret,id=<id>,env=<NAME>` or `target=<file>`) and remove the ARG.',
      notes: 'Trivy\'s DS-0031 covers leaked secrets in ARG/ENV and copied credential files; this rule reports the case where a secret build argument is actually used by a RUN, at the place it is used. DL3064 / SecretsUsedInArgOrEnv report the ARG declaration itself. Names ending in `_FILE`, `_PATH`, `_URL`, `_ID`, `_USER` and the like point at a secret rather than hold one and are not judged.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const declared = new Map<string, Inst>();
      for (const inst of stage.instructions) {
        if (inst.keyword === 'ARG') {
          for (const kv of keyValues(inst)) if (secretLikeName(kv.name)) declared.set(kv.name, inst);
          continue;
        }
        if (inst.keyword !== 'RUN') continue;
        for (const [name, arg] of declared) {
          const range = referenceIn(inst, name);
          if (!range) continue;
          out.push({
            range,
            message: `This RUN uses the build argument ${name} (line ${arg.range.start.line + 1}): its value is recorded in the image history. Pass it with RUN --mount=type=secret instead`,
          });
        }
      }
    }
    return out;
  },
});
