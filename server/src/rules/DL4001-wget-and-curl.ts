import { defineRule, type RawFinding } from '../engine/rule';
import { runCalls, type RunCall } from '../engine/instructions';

export default defineRule({
  meta: {
    code: 'DL4001',
    name: 'wget-and-curl',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a stage whose `RUN` instructions use both `wget` and `curl`; the uses of the tool that appears second are reported.',
      why: 'Both tools download files. Using both means both must be in the image (each with its TLS and library dependencies) and readers must know two sets of flags for failing on HTTP errors, following redirects and quiet output. One tool for the whole stage keeps the image smaller and the downloads consistent.',
      bad: 'FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q -O /tmp/b.tgz https://example.com/b.tgz\n',
      good: 'FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN curl -fsSLo /tmp/b.tgz https://example.com/b.tgz\n',
      fix: 'None: the two tools take different options, so the rewrite is for the author.',
      notes: 'As in hadolint each stage is judged on its own. hadolint reports every `RUN` from the one where the second tool appears; we report each use of the second tool, at the command word, with the line where the other one is used. Exec-form RUN and commands inside `$(...)` count.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const stage of model.stages) {
      const calls: RunCall[] = [];
      for (const c of runCalls(model, stage.instructions)) if (c.name === 'curl' || c.name === 'wget') calls.push(c);
      const first = calls[0];
      if (!first) continue;
      const other = first.name === 'curl' ? 'wget' : 'curl';
      if (!calls.some((c) => c.name === other)) continue;
      for (const c of calls) {
        if (c.name !== other) continue;
        out.push({
          range: c.argv[0].range,
          message: `This stage already downloads with ${first.name} (line ${first.inst.range.start.line + 1}): use one of curl and wget, not both`,
        });
      }
    }
    return out;
  },
});
