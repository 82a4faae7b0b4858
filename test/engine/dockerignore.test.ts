// The .dockerignore matcher (server/src/engine/dockerignore.ts over @balena/dockerignore),
// checked on the behaviour Docker documents for .dockerignore files, plus our own cases for
// the guards (invalid and too-complex patterns) and the generated content.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  IgnoreFile, contextPath, dockerignoreTemplate, linesFor, appendToIgnoreFile, sensitiveEntries, firstWholeContextCopy,
} from '../../server/src/engine/dockerignore';
import { buildModel, applyEdits } from '../../server/src/engine';

const ex = (text: string, p: string) => new IgnoreFile(text).excludes(p);

describe('.dockerignore matching (Docker semantics)', () => {
  const table: [string, string, boolean][] = [
    // One `*` stays inside one folder level; patterns are anchored at the context root.
    ['*/temp*', 'somedir/temporary.txt', true],
    ['*/temp*', 'somedir/temp', true],
    ['*/temp*', 'temporary.txt', false],
    ['*/temp*', 'a/b/temporary.txt', false],
    ['*/*/temp*', 'somedir/subdir/temporary.txt', true],
    ['*/*/temp*', 'somedir/temporary.txt', false],
    ['temp?', 'tempa', true],
    ['temp?', 'temp', false],
    ['temp?', 'tempab', false],
    ['*.log', 'logs/app.log', false],
    ['*.log', 'app.log', true],
    // `**` spans any number of folders, none included.
    ['**/*.go', 'main.go', true],
    ['**/*.go', 'cmd/x/main.go', true],
    ['**/*.go', 'main.gox', false],
    ['docs/**', 'docs/a/b.md', true],
    // Exceptions: the last matching line wins.
    ['*.md\n!README.md', 'README.md', false],
    ['*.md\n!README.md', 'CHANGES.md', true],
    ['*.md\n!README*.md\nREADME-secret.md', 'README-secret.md', true],
    ['*.md\n!README*.md\nREADME-secret.md', 'README-public.md', false],
    ['*.md\nREADME-secret.md\n!README*.md', 'README-secret.md', false],
    ['*\n!src', 'src/index.js', false],
    ['*\n!src', 'package.json', true],
    // Leading and trailing slashes, ./ and .. are cleaned away.
    ['/foo/bar/', 'foo/bar', true],
    ['foo/bar', 'foo/bar/deep/file', true],
    ['foo/bar', 'bar', false],
    ['./node_modules', 'node_modules', true],
    ['node_modules/', 'node_modules/x/index.js', true],
    ['a/../node_modules', 'node_modules', true],
    // Comments only in column 1; blanks trimmed; CRLF files; a BOM.
    ['# node_modules', 'node_modules', false],
    ['  node_modules  ', 'node_modules', true],
    ['\uFEFF.git\r\n.env\r\n', '.env', true],
    ['\uFEFF.git\r\n.env\r\n', '.git', true],
    // Case-sensitive, as Docker on Linux.
    ['*.MD', 'readme.md', false],
    // Go-literal characters that are special in JavaScript regular expressions.
    ['c++', 'c++', true],
    ['c++', 'ccc', false],
    ['a(1)', 'a(1)', true],
    ['x|y', 'x', false],
    ['a^b', 'a^b', true],
    ['[ab]c', 'bc', true],
    ['[^a]c', 'ac', false],
    ['\\*x', '*x', true],
    ['\\*x', 'ax', false],
    // A `#` only starts a comment in column 1.
    [' #tag', '#tag', true],
    ['*\n!#keep', '#keep', false],
  ];
  for (const [text, p, want] of table) {
    it(`${JSON.stringify(text)} ${want ? 'excludes' : 'keeps'} ${p}`, () => assert.equal(ex(text, p), want));
  }

  it('names the deciding line', () => {
    const v = new IgnoreFile('# c\n*.md\n\n!README*.md\nREADME-secret.md\n').verdict('README-secret.md');
    assert.deepEqual(v && { excluded: v.excluded, line: v.rule?.line, text: v.rule?.text }, { excluded: true, line: 4, text: 'README-secret.md' });
  });

  it('an invalid pattern is reported and makes answers it could change unknown, without throwing', () => {
    const f = new IgnoreFile('node_modules\nfoo(\n[abc\n');
    assert.deepEqual(f.problems.map((p) => p.line), [2], 'foo( is a literal name for Go, so valid');
    assert.equal(f.rules.length, 3);
    assert.equal(f.excludes('node_modules'), null);
    const g = new IgnoreFile('[abc\nnode_modules\n');
    assert.equal(g.excludes('node_modules'), true, 'a later evaluated match decides');
    assert.equal(g.excludes('src'), null);
  });

  it('a pattern with many wildcards is not evaluated (no catastrophic backtracking)', () => {
    const f = new IgnoreFile('*a*a*a*a*a*a*a*a*a*a*c\n.git\n');
    const t0 = Date.now();
    assert.equal(f.excludes('a'.repeat(200)), null);
    assert.equal(f.excludes('.git'), true);
    assert.equal(f.problems.length, 1);
    assert.ok(Date.now() - t0 < 500);
  });

  it('three-wildcard patterns on long paths stay fast', () => {
    const f = new IgnoreFile('**/**/*a*c\n');
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) f.excludes('a/'.repeat(60) + 'a'.repeat(100));
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
    assert.equal(f.excludes('x'.repeat(300)), null, 'longer paths than 255 are not judged');
  });

  it('mayReinclude: exceptions below a folder', () => {
    assert.equal(new IgnoreFile('src\n!src/keep.txt').mayReinclude('src'), true);
    assert.equal(new IgnoreFile('src\n!lib/keep.txt').mayReinclude('src'), false);
    assert.equal(new IgnoreFile('*\n!*.go').mayReinclude('src'), false, '*.go is one level deep');
    assert.equal(new IgnoreFile('*\n!**/*.go').mayReinclude('src'), true);
    assert.equal(new IgnoreFile('*\n!*/keep').mayReinclude('src'), true);
  });
});

describe('copy sources as context paths', () => {
  const table: [string, string | null][] = [
    ['.', '.'], ['./', '.'], ['/', '.'], ['./a/../b/', 'b'], ['/x/y', 'x/y'], ['src//a', 'src/a'],
    ['../up', null], ['$SRC', null], ['https://example.com/a.tgz', null], ['git@github.com:a/b.git', null], ['*.json', '*.json'],
  ];
  for (const [src, want] of table) it(`${src} → ${want}`, () => assert.equal(contextPath(src), want));

  it('first whole-context copy', () => {
    const m = buildModel('FROM a\nCOPY --from=b . .\nCOPY src ./\nADD ./ /app\nCOPY . .\n');
    assert.equal(firstWholeContextCopy(m)?.range.start.line, 3);
    assert.equal(firstWholeContextCopy(buildModel('FROM a\nCOPY ["./", "/app/"]\n'))?.value, './');
    assert.equal(firstWholeContextCopy(buildModel('FROM a\nCOPY * ./\n'))?.value, '*');
    assert.equal(firstWholeContextCopy(buildModel('FROM a\nCOPY src/ ./\nCOPY <<EOF /x\n.\nEOF\n')), null);
  });
});

describe('generated .dockerignore content', () => {
  it('covers the sensitive entries that exist and what the stack leaves on the host', () => {
    const top = ['.git', '.env', '.env.local', '.env.example', 'node_modules', 'package.json', 'Dockerfile', 'src', '.vscode', 'compose.yaml'];
    const text = dockerignoreTemplate(top, buildModel('FROM node:20\nCOPY . .\n'));
    const f = new IgnoreFile(text);
    for (const n of ['.git', '.env', '.env.local', 'node_modules', 'node_modules/x/y.js', 'Dockerfile', '.dockerignore', '.vscode', 'compose.yaml', 'logs/a.log', 'a/.DS_Store']) {
      assert.equal(f.excludes(n), true, `${n} should be excluded`);
    }
    for (const n of ['.env.example', 'src/index.js', 'package.json']) assert.equal(f.excludes(n), false, `${n} should be kept`);
    assert.ok(text.endsWith('\n') && !text.includes('\r'));
    assert.ok(!/__pycache__|target/.test(text), 'nothing for stacks that are not there');
  });

  it('python and rust markers', () => {
    const py = new IgnoreFile(dockerignoreTemplate(['requirements.txt', '.venv', 'app'], null));
    assert.equal(py.excludes('app/__pycache__/m.cpython-312.pyc'), true);
    assert.equal(py.excludes('.venv'), true);
    const rs = new IgnoreFile(dockerignoreTemplate(['Cargo.toml', 'target', 'src'], null));
    assert.equal(rs.excludes('target/release/app'), true);
  });

  it('never excludes a file the Dockerfile copies by name', () => {
    const text = dockerignoreTemplate(['.git', '.env', 'node_modules', 'package.json', 'Dockerfile', 'build.log'], buildModel('FROM node:20\nCOPY .env ./\nCOPY build.log /var/log/\nCOPY node_modules/ ./node_modules/\nCOPY . .\n'));
    const f = new IgnoreFile(text);
    assert.equal(f.excludes('.env'), false);
    assert.equal(f.excludes('build.log'), false);
    assert.equal(f.excludes('node_modules'), false);
    assert.equal(f.excludes('.git'), true);
  });

  it('missing-entry lines and the append edit', () => {
    assert.deepEqual(linesFor(['.git', '.env.local', '.env.prod'], ['.env.local', '.env.prod', '.env.sample']), ['.git', '.env.*', '!.env.sample']);
    assert.deepEqual(linesFor(['.env', 'node_modules'], ['.env', 'node_modules']), ['.env', 'node_modules']);
    const crlf = 'dist\r\n*.log';
    const ch = appendToIgnoreFile('/p/.dockerignore', crlf, ['.git', '.env']);
    assert.equal(applyEdits(crlf, ch.edits), 'dist\r\n*.log\r\n.git\r\n.env\r\n');
    assert.equal(applyEdits('dist\n', appendToIgnoreFile('x', 'dist\n', ['.git']).edits), 'dist\n.git\n');
    assert.equal(applyEdits('', appendToIgnoreFile('x', '', ['.git']).edits), '.git\n');
    assert.deepEqual(sensitiveEntries(['.git', 'src', '.env.example', '.env.production', 'node_modules']), ['.git', '.env.production', 'node_modules']);
  });
});
