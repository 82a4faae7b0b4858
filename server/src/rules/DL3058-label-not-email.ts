import { defineRule } from '../engine/rule';
import { checkTypedLabels, emailProblem, shownValue } from '../engine/labels';

export default defineRule({
  meta: {
    code: 'DL3058',
    name: 'label-not-email',
    aliases: [],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'With a label schema that gives a label the type `email` (`label-schema: {maintainer: email}` in `.hadolint.yaml`), flags a value of that label that is not an e-mail address.',
      why: 'A contact label is only useful if whoever finds a problem in the image (a security scanner, another team) can write to it. A name, a team handle or a mistyped address leads nowhere.',
      bad: 'FROM alpine:3.20\nLABEL maintainer="Platform team"\n',
      good: 'FROM alpine:3.20\nLABEL maintainer="Platform team <platform@example.com>"\n',
      fix: 'None: write the address.',
      notes: 'The examples assume `label-schema: {maintainer: email}`. Accepted: an RFC 5322 address (`name@example.com`, dotted or quoted local part, a host name or `[address literal]` as domain) or a mailbox with a display name (`Jane Doe <jane@example.com>`), which `maintainer` labels commonly use; hadolint accepts the bare address only. Values from ARG/ENV are judged on their known value, unknown ones skipped, empty ones are DL3051.',
    },
  },
  check(model, ctx) {
    return checkTypedLabels(model, ctx, 'email', emailProblem, (p, problem) => `Label '${p.key}' is not an e-mail address: ${shownValue(p)}: ${problem}`);
  },
});
