import { defineRule } from '../engine/rule';
import type { RawFinding } from '../engine/rule';

export default defineRule({
  meta: {
    code: 'DL3007',
    name: 'latest-tag',
    aliases: ['DS-0001', 'DS001'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a `FROM` whose base image uses the `latest` tag (`FROM node:latest`).',
      why: '`latest` is just the tag a publisher moves to each new release, not a version: builds stop being reproducible and can jump a major version (and break) without any change to the Dockerfile. The best practices say to avoid `latest` and pin a specific tag, ideally with its digest.',
      bad: 'FROM node:latest\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20.17.0-bookworm-slim\nCMD ["node", "server.js"]\n',
      fix: 'None: which version to pin is your decision. Replace `latest` with the version you test with; the editor\'s "Pin <image> to digest" action (CLI `--pin-digests`) can then add the digest.',
      notes: 'ARG values are substituted first (`ARG TAG=latest` + `FROM node:${TAG}` is flagged, on the image word). An image pinned by digest (`node:latest@sha256:…`) is not flagged: the digest fixes the content whatever the tag says (hadolint behaves the same). Tags are case-sensitive, so only `latest` is meant. `scratch` and build stages are never flagged. Untagged images are DL3006; Trivy DS-0001 and Checkov CKV_DOCKER_7 report both cases in one check.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const img = stage.image;
      const word = stage.from.args[0];
      if (!word || img.resolved === null || img.isScratch || stage.baseStage) continue;
      if (img.tag !== 'latest' || img.digest !== null) continue;
      const viaArg = img.text !== img.resolved ? ` ('${img.text}' resolves to '${img.resolved}')` : '';
      out.push({
        range: img.tagRange ?? word.range,
        message: `Base image '${img.repository}' uses the 'latest' tag${viaArg}; pin a version tag`,
      });
    }
    return out;
  },
});
