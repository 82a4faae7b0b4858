import { defineRule, type RawFinding } from '../engine/rule';

/**
 * The version part of a tag (`20` in `20-alpine3.19`) when it names a major version only:
 * one number of at most three digits, optionally after `v`. Longer numbers are dates or
 * build numbers, not majors.
 */
export function majorOnly(tag: string): string | null {
  const dash = tag.indexOf('-');
  const version = dash >= 0 ? tag.slice(0, dash) : tag;
  return /^[vV]?[0-9]{1,3}$/.test(version) ? version : null;
}

export default defineRule({
  meta: {
    code: 'LW1021',
    name: 'major-only-tag',
    aliases: [],
    severity: 'info',
    category: 'correctness',
    enabledByDefault: false,
    fixable: 'none',
    docs: {
      what: 'Flags a `FROM` image whose tag names only a major version (`node:20`, `python:3-slim`, `golang:1-alpine`, `traefik:v3`) and no digest. Off by default.',
      why: 'A major-only tag moves with every minor and patch release: `node:20` was 20.0.0 once and is 20.17.0 now, with a new Debian underneath more than once. Builds of the same Dockerfile then differ from week to week, a broken release lands without any change on your side, and nobody can say which version an image was built from. The best practices pin a specific tag (`node:20.17.0-bookworm-slim`), ideally with its digest.',
      bad: 'FROM node:20-alpine\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20.17.0-alpine3.20\nCMD ["node", "server.js"]\n',
      fix: 'None: pick the full version you test with (see the image\'s tag list); the editor\'s "Pin <image> to digest" action (CLI `--pin-digests`) can then add the digest.',
      notes: 'The version part is what comes before the first `-` of the tag, so variants (`-slim`, `-alpine3.20`, `-bookworm`) do not hide a major-only version. `major.minor` tags (`python:3.12`, `ubuntu:22.04`) are not flagged: they move only to patch releases, which are mostly the fixes you want; pin those too (or a digest, LW1002) for fully reproducible builds. Numbers of four or more digits (dates, build numbers such as `20240101`) are not major versions. Not flagged either: images pinned by digest, untagged images (DL3006), `latest` (DL3007), named tags (`lts`, `bookworm`), `scratch` and build stages. ARG values are substituted first; an image whose ARG has no known value is not judged.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const img = stage.image;
      const word = stage.from.args[0];
      if (!word || img.resolved === null || img.isScratch || stage.baseStage || img.digest !== null || img.tag === null) continue;
      const major = majorOnly(img.tag);
      if (major === null) continue;
      const name = img.registry ? `${img.registry}/${img.repository}` : img.repository;
      const viaArg = img.text !== img.resolved ? ` ('${img.text}' resolves to '${img.resolved}')` : '';
      out.push({
        range: img.tagRange ?? word.range,
        message: `Tag '${img.tag}' of '${name}' names only major version ${major}${viaArg}: it moves to every new minor and patch release; pin a full version (such as ${name}:${major.replace(/^[vV]/, '')}.x.y)`,
      });
    }
    return out;
  },
});
