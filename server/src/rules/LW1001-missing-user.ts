import { defineRule } from '../engine/rule';
import { chooseUser, imageFamily, nonRootUserFix, rootImage, runsAsNonRootByDefault, userInstructions } from '../engine/user';

export default defineRule({
  meta: {
    code: 'LW1001',
    name: 'missing-user',
    aliases: ['DS-0002', 'DS002', 'CKV_DOCKER_3'],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a final stage that never sets `USER` (neither in the stage nor in the stages it builds on) on a base image that is not known to run as a non-root user, so the container runs as root.',
      why: 'Without a `USER` instruction the container runs as the image\'s default user, which for almost every base image is root. Root in a container is root on the host if the process escapes the container namespaces, and can rewrite the whole container if the application is compromised. The best practice is to create or pick a non-root user and switch to it once the steps that need root are done.',
      bad: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n',
      fix: 'Adds `USER <user>` after the last instruction that may need root (RUN, COPY, ADD, WORKDIR), or after the `FROM` when there is none. The user fits the base image: one the Dockerfile already created (`useradd`/`adduser`), `node` for node images, `nonroot` for distroless and Chainguard images, `app` for .NET 8+ images, `ContainerUser` for Windows images; on Debian/Ubuntu-based images a `RUN groupadd ... && useradd ...` creating `app` is added first, on Alpine-based ones `RUN addgroup ... && adduser ...`; anything else gets the numeric `65532:65532`, which needs no account in the image. Keyword case, indentation and line endings follow the file. A suggestion: the program may need root at run time (a port below 1024, files only root can write).',
      notes: 'Not flagged: base images documented to run as non-root already (distroless `:nonroot` tags, Chainguard images other than `-dev`, Windows Nano Server). `scratch` is flagged: the image has no user database, but the process still runs as uid 0 with root\'s capabilities; the fix uses the numeric `65532:65532`, which works without `/etc/passwd` (files copied in stay readable, since COPY keeps them world-readable unless their mode says otherwise). Hadolint has no such rule (its DL3002 only looks at an existing `USER`); Trivy DS-0002 and Checkov CKV_DOCKER_3 report the same case.',
    },
  },
  check(model) {
    const final = model.stages.find((s) => s.isFinal);
    if (!final || userInstructions(final).length) return [];
    const base = rootImage(final);
    if (runsAsNonRootByDefault(base)) return [];
    const word = final.from.args[0];
    if (!word) return [];
    const scratch = imageFamily(base) === 'scratch';
    const choice = chooseUser(final);
    return [{
      range: word.range,
      message: scratch
        ? 'The final stage never sets USER, so the container runs as uid 0 (root): add a numeric USER'
        : `The final stage never sets USER, so the container runs as root: add USER ${choice.user}`,
      fixes: [nonRootUserFix(model, final, null)],
    }];
  },
});
