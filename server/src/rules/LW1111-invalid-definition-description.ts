import { defineRule, type RawFinding } from '../engine/rule';
import { fix, insertAt } from '../engine/helpers';
import { parsePragma } from '../engine/pragmas';
import type { Range } from '../../../shared/types';

export default defineRule({
  meta: {
    code: 'LW1111',
    name: 'invalid-definition-description',
    aliases: ['InvalidDefinitionDescription'],
    severity: 'hint',
    category: 'maintainability',
    enabledByDefault: false,
    fixable: 'sometimes',
    docs: {
      what: 'Flags a comment directly above a named `FROM … AS <stage>` or an `ARG` that does not begin with the stage or argument name. Off by default.',
      why: '`docker build --call=outline` and `--call=targets` list build stages and arguments with a description taken from the comment block right above them, when it starts with the name (`# VERSION selects the release to install`). A comment that sits directly above but is about something else is shown as a wrong description. Describing stages and arguments keeps multi-stage builds self-documenting.',
      bad: '# pin the toolchain\nARG GO_VERSION=1.23\nFROM golang:${GO_VERSION} AS build\n',
      good: '# GO_VERSION is the Go toolchain release used to build\nARG GO_VERSION=1.23\n# build compiles the service\nFROM golang:${GO_VERSION} AS build\n',
      fix: 'Inserts a blank line below the unrelated comment lines, so they are no longer read as a description (comment lines below them that do start with the name stay attached). Safe: comments and blank lines do not affect the build. No fix when that would separate a suppression comment (`# hadolint ignore=…`, `# check=skip=…`) from its instruction.',
      notes: 'Off by default, as in BuildKit (where it is an experimental check), with severity hint. Suppression comments in the block are not descriptions and are skipped. Stage names are compared without regard to case.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    const comments = new Map<number, { content: string; range: Range }>();
    // dockerfile-ast reads a first-line `# hadolint ...` as a parser directive: keep it as the suppression comment it is.
    for (const d of model.ast.getDirectives()) {
      const line = d.getRange().start.line;
      const content = model.lines.lineText(line).replace(/^\s*#/, '');
      if (parsePragma(content) !== null) comments.set(line, { content, range: d.getRange() });
    }
    for (const c of model.ast.getComments()) {
      const line = c.getRange().start.line;
      if (model.instructionAt(line)) continue;
      comments.set(line, { content: c.getContent(), range: c.getContentRange() ?? c.getRange() });
    }
    for (const inst of model.instructions) {
      let names: string[];
      let caseless = false;
      if (inst.keyword === 'FROM') {
        if (!inst.stage?.nameRange) continue;
        names = [model.lines.textOf(inst.stage.nameRange).toLowerCase()];
        caseless = true;
      } else if (inst.keyword === 'ARG') {
        names = inst.args.map((a) => a.value.split('=')[0]).filter(Boolean);
      } else continue;
      const block: { content: string; range: Range }[] = [];
      for (let l = inst.range.start.line - 1; comments.has(l); l--) block.unshift(comments.get(l)!);
      const describes = (from: number) => {
        const first = block.slice(from).find((c) => parsePragma(c.content) === null && c.content.trim() !== '');
        if (!first) return true;
        const word = first.content.trim().split(/\s+/)[0];
        return names.includes(caseless ? word.toLowerCase() : word);
      };
      if (describes(0)) continue;
      const first = block.find((c) => parsePragma(c.content) === null && c.content.trim() !== '')!;
      // Split the block after the fewest lines that leaves a valid description (or none) above the instruction.
      let k = 1;
      while (!describes(k)) k++;
      const pragma = block.slice(0, k).some((c) => parsePragma(c.content) !== null);
      const splitLine = block[k - 1].range.start.line + 1;
      const what = inst.keyword === 'FROM' ? `stage '${names[0]}'` : `ARG '${names[0]}'`;
      out.push({
        range: first.range,
        message: `Comment directly above ${what} is read as its description but does not start with '${names[0]}'; start it with the name or separate it with a blank line`,
        fixes: pragma ? [] : [fix('Separate the comment from the instruction', [insertAt({ line: splitLine, character: 0 }, model.eol)], 'safe')],
      });
    }
    return out;
  },
});
