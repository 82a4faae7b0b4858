import { defineRule, type RawFinding } from '../engine/rule';
import { runCommands } from '../engine/helpers';

export default defineRule({
  meta: {
    code: 'DL3003',
    name: 'cd-instead-of-workdir',
    aliases: ['DS-0013', 'DS013'],
    severity: 'warning',
    category: 'maintainability',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `cd` in a `RUN` step, where `WORKDIR` (or absolute paths) says where the work happens.',
      why: 'A `cd` only lasts for its own `RUN`, so the next step silently starts elsewhere, and chains like `RUN cd /src && make && cd /opt && ...` are hard to read and to change. The Dockerfile best practices say to use `WORKDIR` instead of proliferating `RUN cd … && do-something` instructions, and absolute paths for everything else.',
      bad: 'FROM golang:1.22\nRUN cd /src && go build -o /out/app .\n',
      good: 'FROM golang:1.22\nWORKDIR /src\nRUN go build -o /out/app .\n',
      fix: 'None: moving a `cd` into a `WORKDIR` also changes the directory of every later instruction and of the running container, so the right split is a decision for the author.',
      notes: 'A `cd` inside a `( ... )` subshell or a `$(...)` substitution is not flagged: it cannot leak into the rest of the step, which is the use hadolint\'s documentation itself allows (hadolint flags it anyway). `cd` in `sh -c "..."` and in heredoc bodies is found.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const { cmd } of runCommands(model)) {
      if (cmd.name !== 'cd' || cmd.inSubshell || cmd.inSubstitution || cmd.argv[0].dynamic) continue;
      out.push({ range: cmd.argv[0].range, message: 'Use WORKDIR to change directory instead of cd in RUN' });
    }
    return out;
  },
});
