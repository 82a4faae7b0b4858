import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1112-copy-ignored-file';
import type { RuleContext } from '../../server/src/engine';

const ctx = (dockerignore: string | null, dockerignorePath = '/w/.dockerignore'): RuleContext =>
  ({ buildContext: { path: '/w', dockerignore, dockerignorePath, topLevel: ['src', 'tmp', 'docs'] } });

const ctxTop = (dockerignore: string, topLevel: string[]): RuleContext =>
  ({ buildContext: { path: '/w', dockerignore, dockerignorePath: '/w/.dockerignore', topLevel } });

ruleTests(rule, {
  context: ctx('tmp/\n'),
  valid: [
    { name: 'not excluded', code: 'FROM alpine\nCOPY src/app /app\n' },
    { name: 'whole context is never judged', code: 'FROM alpine\nCOPY . /src/\n', context: ctx('*\n!go.*\n!*.go\n!internal/\n') },
    { name: 'whole context, everything excluded', code: 'FROM alpine\nCOPY ./ /src/\n', context: ctx('*\n') },
    { name: 'brought back by an exception', code: 'FROM alpine\nCOPY docs/README.md /\n', context: ctx('docs\n!docs/README.md\n') },
    { name: 'folder partly brought back', code: 'FROM alpine\nCOPY docs /docs\n', context: ctx('docs\n!docs/api/**\n') },
    { name: 'from another stage', code: 'FROM alpine AS b\nFROM alpine\nCOPY --from=b tmp/x /x\n' },
    { name: 'deeper wildcard source', code: 'FROM alpine\nCOPY tmp/*.txt /\n' },
    { name: 'top-level wildcard with one name left', code: 'FROM alpine\nCOPY *.json /\n', context: ctxTop('*.json\n!package.json\n', ['package.json', 'tsconfig.json']) },
    { name: 'top-level wildcard naming nothing', code: 'FROM alpine\nCOPY *.json /\n', context: ctxTop('*.json\n', ['src']) },
    { name: 'top-level wildcard, folder partly brought back', code: 'FROM alpine\nCOPY s* /\n', context: ctxTop('src\n!src/keep\n', ['src']) },
    { name: 'variable source', code: 'FROM alpine\nARG D=tmp\nCOPY $D/x /\n' },
    { name: 'URL', code: 'FROM alpine\nADD https://example.com/tmp/x.tgz /\n' },
    { name: 'heredoc', code: 'FROM alpine\nCOPY <<EOF /tmp/x\nhi\nEOF\n' },
    { name: 'no .dockerignore', code: 'FROM alpine\nCOPY tmp/x /\n', context: ctx(null) },
    { name: 'no build context', code: 'FROM alpine\nCOPY tmp/x /\n', context: {} },
    { name: 'anchored at the root', code: 'FROM alpine\nCOPY src/tmp/x /\n' },
    { name: 'case-sensitive', code: 'FROM alpine\nCOPY TMP/x /\n' },
    { name: '*/tmp/* needs a folder level before tmp (./ is not one)', code: 'FROM alpine\nCOPY ./tmp/helloworld.txt /\n', context: ctx('*/tmp/*\n') },
    { name: 'pattern not evaluated', code: 'FROM alpine\nCOPY tmp/x /\n', context: ctx('tmp\n*a*b*c*d*\n') },
  ],
  invalid: [
    {
      name: 'below an excluded folder',
      code: 'FROM alpine\nCOPY ./tmp/helloworld.txt /helloworld.txt\n',
      errors: [{ range: '2:6-2:26', message: './tmp/helloworld.txt is excluded by .dockerignore (line 1: tmp/), so it is not in the build context and COPY cannot copy it' }],
    },
    { name: 'leading slash, ADD, quoted', code: 'FROM alpine\nADD "/tmp/a" /x\n', errors: ['2:6-2:12'] },
    { name: 'exec form', code: 'FROM alpine\nCOPY ["src/a", "tmp", "/x/"]\n', errors: ['2:17-2:20'] },
    {
      name: 'last matching line wins',
      code: 'FROM alpine\nCOPY README-secret.md README.md /docs/\n',
      context: ctx('*.md\n!README*.md\nREADME-secret.md\n'),
      errors: [{ range: '2:6-2:22', message: /\(line 3: README-secret\.md\)/ }],
    },
    { name: 'Dockerfile-specific ignore file named', code: 'FROM alpine\nCOPY tmp /tmp\n', context: ctx('tmp\n', '/w/app.Dockerfile.dockerignore'), errors: [{ range: '2:6-2:9', message: /excluded by app\.Dockerfile\.dockerignore/ }] },
    { name: 'the documented */tmp/* shape', code: 'FROM alpine\nCOPY ./a/tmp/hello.txt /\n', context: ctx('*/tmp/*\n'), errors: ['2:6-2:23'] },
    {
      name: 'top-level wildcard whose every name is excluded',
      code: 'FROM alpine\nCOPY ["*.json", "/"]\n',
      context: ctxTop('*.json\nsecrets.json\n', ['package.json', 'secrets.json', 'src']),
      errors: [{ range: '2:8-2:14', message: 'Every file *.json names in the build context is excluded by .dockerignore (lines 1, 2), so COPY finds nothing to copy' }],
    },
    { name: 'several instructions', code: 'FROM alpine\nCOPY tmp/a /a\nCOPY --chmod=644 tmp/b /b\n', errors: ['2:6-2:11', '3:18-3:23'] },
  ],
});
