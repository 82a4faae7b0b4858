import { defineRule, type RawFinding } from '../engine/rule';
import { unquote } from '../engine/helpers';

// Architecture spellings the builder normalises (containerd's platforms.Normalize).
const ARCH_ALIASES: Record<string, string> = { 'x86_64': 'amd64', 'x86-64': 'amd64', 'aarch64': 'arm64', 'armhf': 'arm', 'armel': 'arm', 'i386': '386' };

export default defineRule({
  meta: {
    code: 'DL3029',
    name: 'constant-platform',
    aliases: ['FromPlatformFlagConstDisallowed'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `FROM --platform=<constant>` (`--platform=linux/amd64`), which pins a stage to one platform.',
      why: 'A constant platform makes the stage ignore `docker build --platform`: a multi-platform build of this Dockerfile produces the same architecture for every target, and on another machine the stage runs under emulation. Leave the platform to the command line, or use `$BUILDPLATFORM` (cross-compiling build stages) or another build variable.',
      bad: 'FROM --platform=linux/amd64 node:20-slim\nRUN npm ci\n',
      good: 'FROM node:20-slim\nRUN npm ci\n',
      fix: 'None: whether the stage should follow the target platform or the build platform is the author\'s decision.',
      notes: 'Follows BuildKit\'s FromPlatformFlagConstDisallowed rather than hadolint: any variable in the value (`$BUILDPLATFORM`, `$TARGETPLATFORM`, or an `ARG` of your own, which `--build-arg` can override) makes it not constant, and a stage whose name mentions the platform\'s OS or architecture (`AS build_arm64`) is a deliberate per-platform stage and is not flagged. hadolint flags both. `--platform=$TARGETPLATFORM` is redundant rather than constant: see DL3065.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      for (const f of stage.from.flags) {
        if (f.name.toLowerCase() !== 'platform' || f.value === null) continue;
        const v = unquote(f.value).trim();
        if (v === '' || v.includes('$')) continue;
        const [os, arch] = v.toLowerCase().split('/');
        const name = stage.name ?? '';
        const normArch = arch ? (ARCH_ALIASES[arch] ?? arch) : '';
        if (name && ((os && name.includes(os)) || (normArch && name.includes(normArch)))) continue;
        out.push({ range: f.valueRange ?? f.range, message: `FROM --platform uses the constant '${v}', which ignores the platform the image is built for; omit it or use a build variable` });
      }
    }
    return out;
  },
});
