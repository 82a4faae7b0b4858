// Generates docs/rules/<CODE>.md and docs/rules/README.md from the rule metadata.
// Run with `npm run docs`; a test fails when the committed pages are out of date.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../server/src/rules';
import type { RuleMeta } from '../shared/types';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'style (hint)' };

function fence(code: string): string {
  return '```dockerfile\n' + code.replace(/\s+$/, '') + '\n```';
}

export function renderRulePage(m: RuleMeta): string {
  const aliases = m.aliases.length ? m.aliases.map((a) => `\`${a}\``).join(', ') : 'none';
  const lines = [
    `# ${m.code} \`${m.name}\``,
    '',
    '<!-- Generated from the rule metadata by `npm run docs`. Do not edit. -->',
    '',
    '| | |',
    '|---|---|',
    `| Code | \`${m.code}\` |`,
    `| Name | \`${m.name}\` |`,
    `| Aliases | ${aliases} |`,
    `| Default level | ${LEVEL[m.severity]} |`,
    `| Enabled by default | ${m.enabledByDefault ? 'yes' : 'no'} |`,
    `| Category | ${m.category} |`,
    `| Fix | ${m.fixable} |`,
    '',
    '## What it does',
    '',
    m.docs.what,
    '',
    '## Why it matters',
    '',
    m.docs.why,
    '',
    '## Example',
    '',
    fence(m.docs.bad),
    '',
    '## Use instead',
    '',
    fence(m.docs.good),
    '',
    '## Fix',
    '',
    m.docs.fix,
    '',
  ];
  if (m.docs.notes) lines.push('## Notes', '', m.docs.notes, '');
  lines.push(
    '## Configuration',
    '',
    `Suppress one instruction with \`# layerwise ignore=${m.code}\` (or \`# hadolint ignore=${m.code}\`) on the line above it,`,
    `the whole file with \`# layerwise global ignore=${m.code}\`. Change its level with the \`layerwise.rules\` setting,`,
    `e.g. \`"layerwise.rules": { "${m.name}": "off" }\`, or on the command line with \`--disable ${m.code}\`.`,
    '',
  );
  return lines.join('\n');
}

export function renderIndex(rules: readonly RuleMeta[]): string {
  const rows = rules.map((m) => `| [${m.code}](${m.code}.md) | \`${m.name}\` | ${LEVEL[m.severity]} | ${m.enabledByDefault ? 'yes' : 'no'} | ${m.category} | ${m.fixable} | ${m.aliases.join(', ')} |`);
  return [
    '# Layerwise rules',
    '',
    '<!-- Generated from the rule metadata by `npm run docs`. Do not edit. -->',
    '',
    '| Code | Name | Level | On by default | Category | Fix | Aliases |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

export function renderAll(): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of allRules) out.set(`${r.meta.code}.md`, renderRulePage(r.meta));
  out.set('README.md', renderIndex(allRules.map((r) => r.meta)));
  return out;
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', '..', 'docs', 'rules');
  fs.mkdirSync(dir, { recursive: true });
  const pages = renderAll();
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.md') && !pages.has(f)) fs.unlinkSync(path.join(dir, f));
  for (const [f, text] of pages) fs.writeFileSync(path.join(dir, f), text);
  console.log(`wrote ${pages.size} pages to docs/rules/`);
}
