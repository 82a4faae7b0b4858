import { defineRule } from '../engine/rule';
import type { RawFinding } from '../engine/rule';

export default defineRule({
  meta: {
    code: 'DL3006',
    name: 'untagged-image',
    aliases: ['CKV_DOCKER_7'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a `FROM` whose external base image has neither a tag nor a digest (`FROM node`).',
      why: 'Without a tag Docker pulls `latest`, which moves whenever the publisher pushes a new release: the same Dockerfile builds a different image next week, possibly with a new major version. The best practices say to pin versions: name a specific tag (`node:20.17.0-bookworm-slim`), and ideally a digest as well.',
      bad: 'FROM python\nRUN pip install --no-cache-dir flask\n',
      good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
      fix: 'None: which version to pin is your decision. Pick the tag you test with; the editor\'s "Pin <image> to digest" action (CLI `--pin-digests`) can then add the digest the tag points to.',
      notes: 'ARG values are substituted first, so `ARG V=3.20` + `FROM alpine:${V}` is tagged and `ARG IMG=alpine` + `FROM ${IMG}` is not; when an ARG has no default the image is unknown and not flagged. `scratch`, earlier build stages (`FROM builder`) and images pinned by digest only (`FROM alpine@sha256:…`) are not flagged, as in hadolint. Trivy DS-0001 and Checkov CKV_DOCKER_7 each report untagged and `latest` images together; Layerwise splits them into DL3006 and DL3007 like hadolint, so disabling one of those aliases silences only one half.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const img = stage.image;
      const word = stage.from.args[0];
      if (!word || img.resolved === null || img.isScratch || stage.baseStage) continue;
      if (img.tag !== null || img.digest !== null || !img.repository) continue;
      const shown = img.text === img.resolved ? `'${img.text}'` : `'${img.text}' (${img.resolved})`;
      out.push({
        range: word.range,
        message: `Base image ${shown} has no tag, so it pulls whatever 'latest' is at build time; pin a version tag`,
      });
    }
    return out;
  },
});
