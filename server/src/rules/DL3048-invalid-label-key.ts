import { defineRule, type RawFinding } from '../engine/rule';
import { labelKeyProblem, labelPairs } from '../engine/labels';

export default defineRule({
  meta: {
    code: 'DL3048',
    name: 'invalid-label-key',
    aliases: [],
    severity: 'hint',
    category: 'style',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a `LABEL` key that breaks Docker\'s naming guidelines: keys use lower-case letters, digits, `.` and `-` only, start with a letter, end with a letter or digit, have no `..` or `--`, and stay out of the namespaces Docker reserves (`com.docker.*`, `io.docker.*`, `org.dockerproject.*`).',
      why: 'Labels are read by tools (registries, scanners, orchestrators, `docker inspect --format`), and those tools look keys up exactly. Keys in reverse-DNS form with lower-case letters (`org.opencontainers.image.source`, `com.example.team`) do not collide with other tools\' keys and cannot differ from what a tool expects only in case; Docker reserves its own namespaces for itself.',
      bad: 'FROM alpine:3.20\nLABEL Maintainer_Email="ops@example.com"\n',
      good: 'FROM alpine:3.20\nLABEL com.example.maintainer-email="ops@example.com"\n',
      fix: 'None: renaming a key changes what tools that read it see; choose the new name and update its readers.',
      notes: 'Style level, as in hadolint. Keys holding variables are judged on their value when it is known and skipped otherwise. `ONBUILD LABEL` keys are checked too. One finding per key, on the key.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const p of labelPairs(model)) {
      if (p.key === null) continue;
      const problem = labelKeyProblem(p.key);
      if (problem) out.push({ range: p.keyRange, message: `Label key '${p.key}' does not follow Docker's key format: ${problem}` });
    }
    return out;
  },
});
