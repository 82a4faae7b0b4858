import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/DL3062-go-unpinned';

const F = 'FROM golang:1.22\n';

ruleTests(rule, {
  valid: [
    { name: 'pinned module', code: `${F}RUN go install golang.org/x/tools/gopls@v0.16.1 && go get github.com/pkg/errors@v0.9.1\n` },
    { name: 'commit and pseudo-version', code: `${F}RUN go install github.com/org/tool/cmd/tool@3f2a1b7 && go run example.com/gen@v0.0.0-20240101000000-abcdef123456 -out x.go\n` },
    { name: 'local packages', code: `${F}RUN go install . && go install ./cmd/... && go run ./cmd/app && go get -u ./... && go run main.go\n` },
    { name: 'standard library', code: `${F}RUN go install cmd/vet std\n` },
    { name: 'flags with values', code: `${F}RUN go install -ldflags "-s -w" -tags netgo -o /bin/x github.com/org/x@v1.0.0\n` },
    { name: 'program arguments of go run', code: `${F}RUN go run ./tools/gen github.com/org/unpinned\n` },
    { name: 'module from a variable', code: `${F}ARG TOOL=github.com/x/y@latest\nRUN go install $TOOL\n` },
    { name: 'other subcommands', code: `${F}RUN go mod download && go build -o /app ./cmd/app && go test ./...\n` },
  ],
  invalid: [
    {
      name: '@latest',
      code: `${F}RUN go install golang.org/x/tools/gopls@latest\n`,
      errors: [{ range: '2:16-2:47', message: '`@latest` is not a version: pin `golang.org/x/tools/gopls@<version>`' }],
      output: null,
    },
    { name: 'no version, go get', code: `${F}RUN go get github.com/stretchr/testify\n`, errors: [{ range: '2:12-2:39', message: 'Pin the version of `github.com/stretchr/testify`: `github.com/stretchr/testify@<version>`' }] },
    { name: 'go run of a remote module', code: `${F}RUN go run github.com/org/gen@latest -o out.go\n`, errors: ['2:12-2:37'] },
    { name: 'flags before the module', code: `${F}RUN CGO_ENABLED=0 go install -trimpath -ldflags='-s' github.com/go-delve/delve/cmd/dlv\n`, errors: ['2:54-2:87'] },
    { name: 'sudo, sh -c, several modules', code: `${F}RUN sudo go install example.com/a@v1 example.com/b && sh -c "go install example.com/c@upgrade"\n`, errors: ['2:38-2:51', '2:73-2:94'] },
    { name: 'continuation lines', code: `${F}RUN go install \\\n      honnef.co/go/tools/cmd/staticcheck@latest\n`, errors: ['3:7-3:48'] },
    { name: 'heredoc body', code: `${F}RUN <<EOF\ngo install mvdan.cc/gofumpt@latest\nEOF\n`, errors: ['3:12-3:35'] },
    { name: 'exec form', code: `${F}RUN ["go", "install", "github.com/x/y@latest"]\n`, errors: ['2:23-2:46'] },
  ],
});
