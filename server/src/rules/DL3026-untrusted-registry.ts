import { defineRule, type RawFinding } from '../engine/rule';
import type { Range } from '../../../shared/types';
import type { Inst } from '../engine/model';
import { mountFromOption, resolveFromTarget } from '../engine/helpers';
import { isDockerHub, parseReference } from '../registry/reference';

/** Docker Hub under every name it goes by, as the one name `docker.io`. */
const HUB = 'docker.io';
const hubName = (host: string) => (isDockerHub(host) || host === 'hub.docker.com' ? HUB : host);

interface Trusted { host: string; path: string | null }

/** A `trustedRegistries` entry: `host[:port]`, `*.domain` / `prefix*` wildcards, or `host/path` (a namespace on it). */
function parseEntry(raw: string): Trusted | null {
  let e = raw.trim().toLowerCase().replace(/^[a-z]+:\/\//, '');
  while (e.endsWith('/')) e = e.slice(0, -1);
  if (!e) return null;
  const slash = e.indexOf('/');
  const host = hubName(slash < 0 ? e : e.slice(0, slash));
  return { host, path: slash < 0 ? null : e.slice(slash + 1) };
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*')) return host.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return host.startsWith(pattern.slice(0, -1));
  return pattern === host;
}

export default defineRule({
  meta: {
    code: 'DL3026',
    name: 'untrusted-registry',
    aliases: [],
    severity: 'error',
    category: 'security',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'With `trustedRegistries` configured in `.hadolint.yaml`, flags a `FROM` image (and an image named by `COPY --from=` or `RUN --mount=from=`) that does not come from one of those registries. Without `trustedRegistries` it does nothing.',
      why: 'Every image a build pulls runs its content into yours. Teams that mirror and scan approved images in their own registry need every build to use that registry only: one `FROM` of a public image bypasses the scanning, the licence review and the availability guarantees of the mirror.',
      bad: 'FROM docker.io/library/python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /bin/uv\n',
      good: 'FROM registry.example.com/mirror/python:3.12-slim\nCOPY --from=registry.example.com/mirror/uv:0.4.18 /uv /bin/uv\n',
      fix: 'None: move the image to a trusted registry (or mirror it there) and change the reference, or add the registry to `trustedRegistries`.',
      notes: 'The examples assume `trustedRegistries: [registry.example.com]`. As in hadolint: an image without a registry host (`ubuntu`, `bitnami/redis`) is on Docker Hub and trusted when the list has `docker.io` or `hub.docker.com` (`index.docker.io` and `registry-1.docker.io` count as Docker Hub too, both in the list and in images); `*.example.com` trusts every subdomain and `prefix*` every host starting so; `scratch` and build stages are not images. Beyond hadolint: an entry with a path trusts only that namespace (`gcr.io/distroless` trusts `gcr.io/distroless/static` but not `gcr.io/other`; `docker.io/library` trusts Docker Hub\'s official images only); host names compare case-insensitively; ARG values are substituted first and an image whose ARG has no known value is not judged; and external images in `COPY --from=` and `RUN --mount=from=` are checked too, since their files end up in the image as well (hadolint checks `FROM` only). A bare `--from=name` that matches no stage is left to DL3022.',
    },
  },
  check(model, ctx) {
    const entries = (ctx.settings?.trustedRegistries ?? []).map(parseEntry).filter((e): e is Trusted => e !== null);
    if (entries.length === 0) return [];
    const listed = (ctx.settings?.trustedRegistries ?? []).join(', ');
    const out: RawFinding[] = [];
    const judge = (image: string, written: string, range: Range) => {
      let ref;
      try { ref = parseReference(image); } catch { return; } // not an image reference: other rules say so
      const host = hubName(ref.registry);
      if (entries.some((e) => hostMatches(e.host, host) && (e.path === null || ref.repository === e.path || ref.repository.startsWith(e.path + '/')))) return;
      const shown = written === image ? `'${image}'` : `'${written}' (${image})`;
      const where = host === HUB ? 'Docker Hub (docker.io)' : `registry '${host}'`;
      out.push({ range, message: `Image ${shown} comes from ${where}, which is not in trustedRegistries (${listed})` });
    };
    for (const stage of model.stages) {
      const img = stage.image;
      const word = stage.from.args[0];
      if (!word || img.resolved === null || img.resolved === '' || img.isScratch || stage.baseStage) continue;
      judge(img.resolved, img.text, word.range);
    }
    const fromFlag = (inst: Inst, raw: string, range: Range) => {
      const t = resolveFromTarget(model, inst, raw);
      if (t && t.kind === 'image') judge(t.value, raw, range);
    };
    for (const inst of model.instructions) {
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        for (const f of inst.flags) if (f.name.toLowerCase() === 'from' && f.value !== null && f.valueRange) fromFlag(inst, f.value, f.valueRange);
      } else if (inst.keyword === 'RUN') {
        for (const f of inst.flags) {
          if (f.name.toLowerCase() !== 'mount') continue;
          const w = mountFromOption(f);
          if (w) fromFlag(inst, w.value, w.range);
        }
      }
    }
    return out;
  },
});
