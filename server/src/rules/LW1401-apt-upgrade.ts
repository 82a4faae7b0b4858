import { defineRule, type RawFinding } from '../engine/rule';
import { aptCalls } from '../engine/packages';

const UPGRADES = new Set(['upgrade', 'dist-upgrade', 'full-upgrade']);

export default defineRule({
  meta: {
    code: 'LW1401',
    name: 'apt-upgrade',
    aliases: ['DS-0024', 'DS024'],
    severity: 'info',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `apt-get upgrade`, `apt-get dist-upgrade`, `apt full-upgrade` and `apt upgrade` in a RUN.',
      why: 'Upgrading every package of the base image inside the Dockerfile makes the build non-reproducible (the result depends on the day you build), slower, and bigger (a new copy of every upgraded package in the layer), and `dist-upgrade` may even add or remove packages behind your back. Install exactly the packages you need instead, and get security fixes by moving to a newer, patched base image (a new tag or digest) and rebuilding, so the update is visible and reviewable.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y \\\n    && apt-get install -y --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.* \\\n    && rm -rf /var/lib/apt/lists/*\n',
      fix: 'None: dropping the upgrade changes the image. Rebuild on a newer base image instead; to patch one vulnerable package, install it explicitly at the fixed version (`apt-get install -y --only-upgrade <package>=<version>`).',
      notes: 'Severity info: some guides recommend an upgrade to pick up security fixes the base image does not have yet, and scanners may push for it; when you do that on purpose, disable the rule for that line. Trivy\'s DS-0024 covers `dist-upgrade` only; we also flag `upgrade` and `full-upgrade`, with `apt` as well as `apt-get`. `apt-get install --only-upgrade <package>` is not flagged. zypper\'s `dist-upgrade` is DL3035; `apk upgrade` is not covered by this rule.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN') continue;
      for (const call of aptCalls(inst)) {
        if (!call.sub || !call.action || !UPGRADES.has(call.action)) continue;
        out.push({
          range: call.sub.range,
          message: `Avoid \`${call.tool} ${call.action}\` in a Dockerfile: install only the packages you need and rebuild on a newer base image for updates`,
        });
      }
    }
    return out;
  },
});
