import { defineRule, type RawFinding } from '../engine/rule';
import { unquote } from '../engine/helpers';
import { expand } from '../engine/vars';
import type { Range } from '../../../shared/types';

const MAX_PORT = 65535;
// `80`, `80/tcp`, `8000-8010`, `8000-8010/udp` (the protocol is checked elsewhere).
const PORT_SPEC = /^([0-9]+)(?:-([0-9]+))?(?:\/[A-Za-z]*)?$/;

export default defineRule({
  meta: {
    code: 'DL3011',
    name: 'port-out-of-range',
    aliases: ['DS-0008', 'DS008'],
    severity: 'error',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags an `EXPOSE` port, or either end of a port range, above 65535.',
      why: 'TCP and UDP ports are 16-bit numbers (0–65535). A larger number is a typo (`80800` for `8080`) that fails when the container is run with `-P` or documents a port nothing can listen on. `EXPOSE` documents which ports the container listens on, so it should name real ones.',
      bad: 'FROM nginx:1.27\nEXPOSE 80800\n',
      good: 'FROM nginx:1.27\nEXPOSE 8080\n',
      fix: 'None: the intended port is not knowable.',
      notes: 'Ports from ARG/ENV values are checked on their value (`ARG PORT=70000` + `EXPOSE $PORT` is flagged; a variable with no value is not). Ranges (`8000-8010`) and `/tcp` / `/udp` suffixes are understood. Other malformed forms (`127.0.0.1:80:80`, unknown protocols) are left to the rules about the `EXPOSE` format.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const a of inst.args) {
        const raw = unquote(a.value);
        const value = expand(raw, inst.scope, model.escapeChar).value;
        if (value === null) continue;
        const m = PORT_SPEC.exec(value);
        if (!m) continue;
        // The offending number itself when the word is literal; the whole word otherwise.
        const literal = raw === a.value && value === raw;
        const numberRange = (k: 1 | 2): Range => {
          if (!literal) return a.range;
          const start = a.range.start.character + (k === 1 ? 0 : m[1].length + 1);
          return { start: { line: a.range.start.line, character: start }, end: { line: a.range.start.line, character: start + m[k].length } };
        };
        for (const k of [1, 2] as const) {
          if (m[k] === undefined || Number(m[k]) <= MAX_PORT) continue;
          const shown = value === a.value ? `${m[k]}` : `${m[k]} (from '${a.value}')`;
          out.push({ range: numberRange(k), message: `Port ${shown} is out of range: ports go from 0 to ${MAX_PORT}` });
          if (!literal) break;
        }
      }
    }
    return out;
  },
});
