import { defineRule } from '../engine/rule';
import { fix } from '../engine/helpers';
import { createIgnoreFile, dockerignoreTemplate, firstWholeContextCopy, sensitiveEntries } from '../engine/dockerignore';

function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export default defineRule({
  meta: {
    code: 'LW1030',
    name: 'no-dockerignore',
    aliases: [],
    severity: 'warning',
    category: 'security',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a Dockerfile that copies the whole build context (`COPY . .`, `COPY ./ /app/`, `ADD . /src`, `COPY * ./`) while the context has no `.dockerignore` (nor a `<Dockerfile>.dockerignore` beside the Dockerfile). Needs the build context: the CLI and the editor look at the Dockerfile\'s folder, or the one set with `--context` / `layerwise.buildContext`; nothing is reported for standard input or unsaved files.',
      why: 'Without a `.dockerignore` everything in the context folder is sent to the builder and lands in the image: the `.git` history, local `.env` files with real credentials, the host\'s `node_modules` (built for another platform), logs and caches. Secrets baked into a layer stay there for good, the image grows, and any change to any of those files invalidates the layer cache of the copy and everything after it. The best practices say to keep a `.dockerignore` next to the Dockerfile.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY src/ ./src/\nUSER node\nCMD ["node", "src/server.js"]\n',
      fix: 'In the editor, "Create .dockerignore" (a suggestion, also the command "Layerwise: Create .dockerignore") creates the file in the build context with `.git`, `.env`, `.env.*` (keeping templates such as `.env.example`), `**/*.log`, `**/.DS_Store`, the Docker files themselves, and, depending on what exists at the top of the context, `node_modules`, Python caches and virtual environments, Rust\'s `target`, coverage and editor folders. A line that would hide a file the Dockerfile copies by name is left out. Never applied by `--fix`, which only edits the Dockerfile.',
      notes: 'No reference tool has this rule. The message names `.git`, `node_modules` and `.env` files when they exist at the top of the context. The good example above copies only what it needs; a `.dockerignore` makes `COPY . .` fine too.',
    },
  },
  check(model, ctx) {
    const bc = ctx.buildContext;
    if (!bc || bc.dockerignore !== null) return [];
    const src = firstWholeContextCopy(model);
    if (!src) return [];
    const found = sensitiveEntries(bc.topLevel);
    const what = found.length ? `including ${list(found)}` : 'the Dockerfile included';
    const fixes = bc.dockerignorePath
      ? [{ ...fix('Create .dockerignore', [], 'suggestion'), files: [createIgnoreFile(bc.dockerignorePath, dockerignoreTemplate(bc.topLevel, model))] }]
      : [];
    return [{
      range: src.range,
      message: `The whole build context (${bc.path}) is copied and it has no .dockerignore: everything in it goes into the image, ${what}; add a .dockerignore`,
      fixes,
    }];
  },
});
