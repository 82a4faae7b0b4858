import { defineRule } from '../engine/rule';
import type { Inst, Model, Stage } from '../engine/model';
import { fix, keyValues } from '../engine/helpers';
import { hasUnknownLabelKey, imageLabels } from '../engine/labels';
import { insertLinesAfter, keywordCase } from '../engine/user';

const PREFIX = 'org.opencontainers.image.';
/** The labels asked for, with the value the fix writes and the build argument it needs. */
const WANTED: { name: string; value: string; arg: string | null }[] = [
  { name: 'source', value: 'https://example.com/REPLACE-ME', arg: null },
  { name: 'version', value: '${VERSION}', arg: 'VERSION' },
  { name: 'revision', value: '${REVISION}', arg: 'REVISION' },
  { name: 'licenses', value: 'LicenseRef-REPLACE-ME', arg: null },
];
export const OCI_LABELS_TODO = '# TODO: set the source URL and the SPDX license; build with --build-arg VERSION=<version> --build-arg REVISION=$(git rev-parse HEAD)';

/** The FROM of `stage` and the ARG instructions right after it: labels go after them. */
function anchorOf(stage: Stage): { anchor: Inst; declared: Set<string> } {
  let anchor = stage.from;
  const declared = new Set<string>();
  for (const inst of stage.instructions.slice(1)) {
    if (inst.keyword !== 'ARG') break;
    anchor = inst;
    for (const kv of keyValues(inst)) declared.add(kv.name);
  }
  return { anchor, declared };
}

function labelFix(model: Model, stage: Stage, missing: typeof WANTED) {
  const { anchor, declared } = anchorOf(stage);
  const lines: string[] = [];
  for (const w of missing) if (w.arg && !declared.has(w.arg)) lines.push(`${keywordCase(stage, 'ARG')} ${w.arg}`);
  lines.push(OCI_LABELS_TODO);
  const label = keywordCase(stage, 'LABEL');
  const pad = ' '.repeat(label.length + 1);
  missing.forEach((w, k) => {
    const pair = `${PREFIX}${w.name}="${w.value}"`;
    lines.push((k === 0 ? `${label} ` : pad) + pair + (k < missing.length - 1 ? ` ${model.escapeChar}` : ''));
  });
  return fix(`Add OCI labels (${missing.map((w) => w.name).join(', ')})`, [insertLinesAfter(model, anchor, lines)], 'suggestion');
}

export default defineRule({
  meta: {
    code: 'LW1020',
    name: 'missing-oci-labels',
    aliases: [],
    severity: 'info',
    category: 'maintainability',
    enabledByDefault: false,
    fixable: 'always',
    docs: {
      what: 'Flags a final image that lacks one of the basic OCI annotation labels: `org.opencontainers.image.source` (the repository), `.version`, `.revision` (the commit) and `.licenses` (SPDX). Off by default.',
      why: 'The OCI image spec defines these labels so that anyone holding an image can find out where it came from. Registries link an image to its repository through `source` (GitHub shows the README and permissions of the repo), update bots find release notes through it, and security teams need `revision` to know which code a vulnerable image runs and `licenses` to clear it for use.',
      bad: 'FROM node:20.17.0-bookworm-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      good: 'FROM node:20.17.0-bookworm-slim\nARG VERSION\nARG REVISION\nLABEL org.opencontainers.image.source="https://github.com/example/app" \\\n      org.opencontainers.image.version="${VERSION}" \\\n      org.opencontainers.image.revision="${REVISION}" \\\n      org.opencontainers.image.licenses="MIT"\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      fix: 'A suggestion that inserts, after the final `FROM` (and the ARGs right after it), `ARG VERSION` / `ARG REVISION` where needed, a TODO comment, and one `LABEL` with the missing labels: `version` and `revision` from those build arguments (`--build-arg VERSION=1.4.2 --build-arg REVISION=$(git rev-parse HEAD)`), `source` and `licenses` as visible placeholders (`https://example.com/REPLACE-ME`, `LicenseRef-REPLACE-ME`) to replace. The placeholders are well-formed, so label-schema rules (DL3052, DL3054) do not fire on them. Keyword case, escape character and line endings follow the file.',
      notes: 'No reference tool has this rule; with a `label-schema` configured, DL3049 checks the labels you require instead. Only the final stage becomes the image; labels set in the stages it builds on count, labels of the external base image and labels added at build time (`docker build --label`, docker/metadata-action) cannot be seen, so leave this rule off when CI adds them. When a label key holds a variable without a known value, it may be any label and nothing is reported. Other OCI labels (`title`, `description`, `created`, `url`, `authors`, `vendor`) are welcome but not asked for.',
    },
  },
  check(model) {
    const final = model.stages.find((s) => s.isFinal);
    if (!final || hasUnknownLabelKey(model, final)) return [];
    const have = imageLabels(model, final);
    const missing = WANTED.filter((w) => !have.has(PREFIX + w.name));
    if (missing.length === 0) return [];
    const names = missing.map((w) => PREFIX + w.name);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
    return [{
      range: final.from.keywordRange,
      message: `The image has no ${list} label${names.length > 1 ? 's' : ''}: add them so the image can be traced to its repository, commit and license`,
      fixes: [labelFix(model, final, missing)],
    }];
  },
});
