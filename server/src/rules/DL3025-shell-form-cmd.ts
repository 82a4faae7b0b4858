import { defineRule, type RawFinding } from '../engine/rule';
import { effectiveShell, execFormFix } from '../engine/fixes';
import { trimRange } from '../engine/helpers';

export default defineRule({
  meta: {
    code: 'DL3025',
    name: 'shell-form-cmd',
    aliases: ['JSONArgsRecommended'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags `CMD` and `ENTRYPOINT` written in shell form (`CMD node app.js`) instead of exec form (`CMD ["node", "app.js"]`), including an array that is not valid JSON (`CMD [\'node\', \'app.js\']`), which Docker silently runs through a shell.',
      why: 'Shell form runs the command as `/bin/sh -c "..."`: the shell becomes PID 1 and your program its child. `docker stop` sends SIGTERM to the shell, which does not pass it on, so the program never gets the chance to shut down cleanly and is killed after the timeout. Exec form makes the program PID 1 so it receives the signals itself. Shell form also makes an `ENTRYPOINT` ignore `CMD` and the arguments of `docker run`.',
      bad: 'FROM node:20-alpine\nCOPY . /app\nCMD node /app/server.js\n',
      good: 'FROM node:20-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      fix: 'Rewrites the body as a JSON array, escaping quotes, backslashes and non-ASCII text as JSON requires. A body that is one command of fixed words (also after `exec`) becomes its argv; this is `safe` unless an `ENTRYPOINT` receives the `CMD` (exec form changes what it receives: the argv instead of `/bin/sh -c "..."`), which includes a `CMD` on a base image that may define its own `ENTRYPOINT` (`node`, `postgres`, `nginx` and many more); then it is a suggestion. A body that needs a shell (pipes, `&&`, variables, globs, redirections, builtins such as `cd`) becomes `["/bin/sh", "-c", "..."]` (or the stage\'s `SHELL`): the same behaviour written explicitly, offered as a suggestion because the shell stays PID 1; prefer `exec` in the script or a small entrypoint script. No fix for heredocs, bodies that do not parse, or when the shell is unknown (an `# escape=` other than backslash or a Windows base image, where the default shell is `cmd`).',
      notes: 'Like BuildKit\'s JSONArgsRecommended (and unlike hadolint), the rule stays silent when a `SHELL` instruction earlier in the stage, or in a stage it builds on, chooses the shell explicitly: shell form is then a deliberate choice. `RUN` is not flagged: its shell is not PID 1 of the container.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') continue;
      if (inst.form !== 'shell' || !inst.bodyRange) continue;
      if (effectiveShell(inst)) continue;
      const f = execFormFix(model, inst);
      // `CMD ['node', 'app.js']` is not JSON, so Docker runs it as a shell command.
      const brokenJson = (inst.shellText ?? '').trimStart().startsWith('[');
      out.push({
        range: trimRange(model, inst.bodyRange),
        message: brokenJson
          ? `This ${inst.keyword} is not a valid JSON array, so it runs through a shell: write exec form with double quotes, e.g. ["node", "app.js"]`
          : `Use exec form (a JSON array) for ${inst.keyword} so the program runs as PID 1 and receives stop signals`,
        fixes: f ? [f] : [],
      });
    }
    return out;
  },
});
