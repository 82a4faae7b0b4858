import { defineRule, type RawFinding } from '../engine/rule';
import { fix, replace } from '../engine/helpers';

export default defineRule({
  meta: {
    code: 'LW1109',
    name: 'expose-proto-casing',
    aliases: ['ExposeProtoCasing'],
    severity: 'warning',
    category: 'style',
    enabledByDefault: true,
    fixable: 'always',
    docs: {
      what: 'Flags a protocol in `EXPOSE` that is not lower case (`EXPOSE 53/UDP`).',
      why: 'Docker accepts `tcp` and `udp` in any case but records and prints them in lower case; writing them that way keeps the Dockerfile consistent with `docker inspect`, compose files and the rest of the file, so the exposed ports are easy to review.',
      bad: 'FROM nginx:1.27\nEXPOSE 80/TCP 443/Tcp\n',
      good: 'FROM nginx:1.27\nEXPOSE 80/tcp 443/tcp\n',
      fix: 'Lower-cases the protocol. Safe: Docker treats the protocol without regard to case.',
      notes: 'A protocol written with a variable (`80/$PROTO`) is not checked.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const a of inst.args) {
        const slash = a.value.lastIndexOf('/');
        if (slash < 0) continue;
        const proto = a.value.slice(slash + 1);
        if (!proto || proto.includes('$') || proto === proto.toLowerCase()) continue;
        const literal = a.range.start.line === a.range.end.line && model.lines.textOf(a.range) === a.value;
        const start = model.lines.offsetAt(a.range.start) + slash + 1;
        const range = literal ? model.lines.range(start, start + proto.length) : a.range;
        out.push({
          range,
          message: `Protocol '${proto}' in '${a.value}' should be lower case ('${proto.toLowerCase()}')`,
          fixes: literal ? [fix(`Write '${proto.toLowerCase()}'`, [replace(range, proto.toLowerCase())], 'safe')] : [],
        });
      }
    }
    return out;
  },
});
