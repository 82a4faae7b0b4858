import { defineRule, type RawFinding } from '../engine/rule';
import { goCall, goOperandVersion, goRemoteOperand, installOperands } from '../engine/packages';

const ACTIONS = new Set(['install', 'get', 'run']);

export default defineRule({
  meta: {
    code: 'DL3062',
    name: 'go-unpinned',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags `go install`, `go get` and `go run` of a module from the network without a version, or with `@latest`: `go install golang.org/x/tools/gopls@latest` instead of `…/gopls@v0.16.1`.',
      why: 'Pinning versions keeps builds reproducible. `@latest` (or no version at all) fetches whatever was tagged last on the day of the build, so rebuilding the same Dockerfile can produce a different binary, and a new release can break the build without any change on your side. A tagged version (or a commit) always names the same code, and the Go checksum database guarantees it.',
      bad: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n',
      good: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1\n',
      fix: 'None: the version is yours to choose (`go list -m -versions <module>` lists them). Write `<module path>@<version>`.',
      notes: 'Only module paths whose first element has a dot (`github.com/…`, `golang.org/x/…`) are checked: local packages (`.`, `./cmd/app`, `./...`), standard-library packages and `.go` files build from the source tree, whose dependencies `go.mod` and `go.sum` pin. `@latest`, `@upgrade` and `@patch` are queries, not versions, and are flagged; a branch name is accepted like any other `@ref`, as hadolint does. For `go run`, only the package is checked, not the program\'s arguments. Words written with variables are not checked. Each unpinned module is its own finding, on that word.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const w of installOperands(model, goCall, (c) => !!c.action && ACTIONS.has(c.action))) {
      if (!goRemoteOperand(w.value)) continue;
      const version = goOperandVersion(w.value);
      if (version !== null && version !== '' && !['latest', 'upgrade', 'patch'].includes(version)) continue;
      const path = w.value.split('@', 1)[0];
      out.push({
        range: w.range,
        message: version ? `\`@${version}\` is not a version: pin \`${path}@<version>\`` : `Pin the version of \`${path}\`: \`${path}@<version>\``,
      });
    }
    return out;
  },
});
