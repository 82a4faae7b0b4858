import { defineRule, type RawFinding } from '../engine/rule';
import { userInstructions, userValue } from '../engine/user';

export default defineRule({
  meta: {
    code: 'DL3066',
    name: 'non-numeric-user',
    aliases: [],
    severity: 'info',
    category: 'security',
    enabledByDefault: false,
    fixable: 'none',
    docs: {
      what: 'Flags a final image whose user (the last `USER` of the final stage or the stages it builds on) is a name rather than a numeric UID.',
      why: 'A user name means something only inside the image\'s `/etc/passwd`. The host and the orchestrator see the UID: Kubernetes\' `runAsNonRoot` refuses to start a container whose image user is a name, because it cannot tell whether the name is root, and volume ownership on the host is by number. `USER 10001:10001` (created with that UID) is unambiguous everywhere.',
      bad: 'FROM node:20-alpine\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      good: 'FROM node:20-alpine\nCOPY . /app\nUSER 1000:1000\nCMD ["node", "/app/server.js"]\n',
      fix: 'None: the UID that belongs to a name is defined by the image\'s `/etc/passwd`, which the linter cannot read.',
      notes: 'Off by default: named users such as `node` or `nonroot` are common good practice, and the numeric form matters only where the platform checks it. hadolint reports every non-numeric `USER` in every stage; we report only the one that becomes the image\'s user (earlier `USER` lines and other stages never reach the host). ARG/ENV values are resolved (`USER $UID` with `ARG UID=1000` is numeric); an unknown value is not flagged. The range is the user part, before any `:group`.',
    },
  },
  check(model) {
    const final = model.stages.find((s) => s.isFinal);
    if (!final) return [];
    const users = userInstructions(final);
    const last = users[users.length - 1];
    const v = last ? userValue(last) : null;
    const word = last?.args[0];
    if (!last || !v || !word || v.resolved === null) return [];
    const user = v.resolved.split(':')[0];
    if (!user || /^[0-9]+$/.test(user)) return [];
    const literal = v.text === v.resolved;
    const start = model.lines.offsetAt(word.range.start);
    const out: RawFinding[] = [{
      range: literal ? model.lines.range(start, start + user.length) : word.range,
      message: literal
        ? `The image runs as the user name ${user}: a numeric UID lets the host and Kubernetes (runAsNonRoot) verify it`
        : `The image runs as the user name ${user} (${v.text}): a numeric UID lets the host and Kubernetes (runAsNonRoot) verify it`,
    }];
    return out;
  },
});
