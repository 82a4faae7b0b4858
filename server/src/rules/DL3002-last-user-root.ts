import { defineRule, type RawFinding } from '../engine/rule';
import { isRootUser, nonRootUserFix, userInstructions, userValue } from '../engine/user';

export default defineRule({
  meta: {
    code: 'DL3002',
    name: 'last-user-root',
    aliases: ['CKV_DOCKER_8'],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a final stage whose last `USER` is root (`root`, `0`, `root:<group>`, or a variable that resolves to one of them), so the container runs as root.',
      why: 'A process running as root in the container is root on the host if it escapes the container namespaces, and can change anything inside the container if the application is compromised. The best practice is to install what needs root, then switch to a dedicated non-root user for the rest of the build and for run time.',
      bad: 'FROM node:20-alpine\nUSER root\nRUN apk add --no-cache curl\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      good: 'FROM node:20-alpine\nUSER root\nRUN apk add --no-cache curl\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      fix: 'Switches to a non-root user after the last instruction that may need root (RUN, COPY, ADD, WORKDIR). If no such instruction follows the root `USER` in the final stage, the user name is replaced in place; otherwise a `USER` line is added after the last one. The user is the non-root user the Dockerfile used or created earlier, else one the base image ships (`node` for node images, `nonroot` for distroless and Chainguard, `app` for .NET 8+), else one created in a `RUN` the way the base distribution does it (`useradd` on Debian/Ubuntu images, `adduser` on Alpine), else the numeric `65532:65532`, which needs no account. Keyword case, indentation and line endings follow the file. A suggestion: the program may need root at run time (a port below 1024, files only root can read).',
      notes: 'As in hadolint, only the final stage counts (earlier stages do not ship), but a final stage built on another stage (`FROM build`) inherits that stage\'s `USER`, so its USER instructions count too. ARG and ENV values are resolved (`USER $APP_USER` with `ARG APP_USER=root` is flagged; an unknown value is not). A final stage with no `USER` at all is reported by LW1001 (missing-user) instead.',
    },
  },
  check(model) {
    const final = model.stages.find((s) => s.isFinal);
    if (!final) return [];
    const users = userInstructions(final);
    const last = users[users.length - 1];
    const word = last?.args[0];
    const v = last ? userValue(last) : null;
    if (!last || !word || !v || v.resolved === null || !isRootUser(v.resolved)) return [];
    const out: RawFinding[] = [{
      range: word.range,
      message: v.text === v.resolved
        ? 'The final stage runs as root: switch to a non-root user after the steps that need root'
        : `The final stage runs as root (${v.text} is ${v.resolved}): switch to a non-root user after the steps that need root`,
      fixes: [nonRootUserFix(model, final, last)],
    }];
    return out;
  },
});
