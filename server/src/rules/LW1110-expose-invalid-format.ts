import { defineRule, type RawFinding } from '../engine/rule';

export default defineRule({
  meta: {
    code: 'LW1110',
    name: 'expose-invalid-format',
    aliases: ['ExposeInvalidFormat'],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags an `EXPOSE` port that includes an IP address or a host-port mapping (`EXPOSE 127.0.0.1:8080:80`, `EXPOSE 8080:80`).',
      why: '`EXPOSE` only documents which container ports the image listens on; which host address and port they are published on is decided at run time (`docker run -p`, compose `ports:`). Docker ignores the address and host port written here, so the line promises a mapping that never happens; BuildKit says it will become an error.',
      bad: 'FROM nginx:1.27\nEXPOSE 0.0.0.0:8080:80\n',
      good: 'FROM nginx:1.27\nEXPOSE 80\n',
      fix: 'None: keep only the container port (and protocol) and move the mapping to `docker run -p` or your compose file.',
      notes: 'Colons inside variable references (`${PORT:-80}`) are not mappings and are not reported.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const a of inst.args) {
        if (!a.value.replace(/\$\{[^}]*\}/g, '').includes(':')) continue;
        out.push({ range: a.range, message: `EXPOSE takes a container port, not an address or host-port mapping: '${a.value}'` });
      }
    }
    return out;
  },
});
