import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace } from '../engine/helpers';

export default defineRule({
  meta: {
    code: 'DL1001',
    name: 'inline-ignore-pragma',
    aliases: [],
    severity: 'info',
    category: 'maintainability',
    enabledByDefault: false,
    fixable: 'always',
    docs: {
      what: 'Flags inline suppression comments: `# hadolint ignore=…`, `# hadolint global ignore=…`, `# layerwise ignore=…`, `# layerwise global ignore=…` and a `# check=skip=…` comment directly above an instruction. Off by default; turn it on where suppressions must go through review of the central configuration.',
      why: 'An ignore comment silences a finding where nobody reviews it: it stays after the reason for it is gone, and it hides new problems of the same rule on that instruction. Teams that want every exception visible keep them in one reviewed place (`ignored:` in `.hadolint.yaml`, `layerwise.rules`) and forbid them inline.',
      bad: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n',
      fix: 'A suggestion that deletes the comment line; the findings it silenced come back, to be fixed or moved to the configuration.',
      notes: 'hadolint\'s DL1001 (level "ignore" there, so also off by default) flags `# hadolint ignore=` comments; the other suppression comments Layerwise honours are flagged too, since they do the same. BuildKit\'s `# check=` parser directive at the top of the file is configuration, not an inline pragma, and is not flagged; neither is `# hadolint shell=`. The pragmas still take effect while this rule reports them (set `disable-ignore-pragma: true` to stop honouring them).',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const c of model.pragmas.comments) {
      const line = c.range.start.line;
      const start = model.lines.starts[line];
      const end = line + 1 < model.lines.lineCount ? model.lines.starts[line + 1] : model.text.length;
      const what = c.tool === 'check' ? '`# check=skip=`' : `\`# ${c.tool}${c.kind === 'global' ? ' global' : ''} ignore=\``;
      out.push({
        range: c.range,
        message: `Inline ignore pragma ${what}${c.ids.length ? ` (${c.ids.join(', ')})` : ''}: fix what it hides, or ignore the rule in the configuration instead`,
        fixes: [fix('Delete the ignore comment', [replace(model.lines.range(start, end), '')], 'suggestion')],
      });
    }
    return out;
  },
});
