// .hadolint.yaml parsing: pure, text in → settings + problems out.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHadolintConfig, lintOptionsFrom, dialectOf } from '../../server/src/config/hadolint';
import { parseYamlSubset } from '../../server/src/config/yamlSubset';
import { lint } from '../../server/src/engine';

const F = 'cfg.yaml';
const parse = (text: string) => parseHadolintConfig(text, F);
const errors = (text: string) => parse(text).problems.filter((p) => p.severity === 'error').map((p) => p.message);
const warnings = (text: string) => parse(text).problems.filter((p) => p.severity === 'warning').map((p) => p.message);

describe('yaml subset reader', () => {
  it('reads block maps, block lists (indented or not), flow lists, quotes and comments', () => {
    const v = parseYamlSubset([
      '---',
      '# a comment',
      'a: 1   # trailing comment',
      'b:',
      '  - x',
      '  - "y # not a comment"',
      'c:',
      '- z',
      "d: ['p', q, \"r\"]",
      'e:',
      '  f: true',
      '  g: no-bool',
      'h: {}',
      'i: []',
      "j: 'it''s'",
      'k: ~',
      'l:',
    ].join('\n'));
    assert.deepEqual(v, { a: '1', b: ['x', 'y # not a comment'], c: ['z'], d: ['p', 'q', 'r'], e: { f: true, g: 'no-bool' }, h: {}, i: [], j: "it's", k: null, l: null });
  });

  it('an empty or comment-only document is null', () => {
    assert.equal(parseYamlSubset(''), null);
    assert.equal(parseYamlSubset('# nothing\n\n'), null);
  });

  for (const [name, text, re] of [
    ['anchors', 'a: &x 1\n', /line 1: anchors/],
    ['aliases', 'a: 1\nb: *x\n', /line 2: aliases/],
    ['tags', 'a: !!str 1\n', /line 1: tags/],
    ['block scalars', 'a: |\n  x\n', /line 1: block scalars/],
    ['tabs', 'a:\n\t- x\n', /line 2: tab in indentation/],
    ['bad indentation', 'a:\n  - x\n    - y\n', /line 3: unexpected indentation/],
    ['duplicate keys', 'a: 1\na: 2\n', /line 2: duplicate key 'a'/],
    ['lists of maps', 'a:\n  - b: 1\n', /line 2: list items that are mappings/],
    ['flow maps', 'a: {b: 1}\n', /line 1: flow mappings/],
    ['unterminated quotes', 'a: "x\n', /line 1: unterminated/],
    ['two documents', 'a: 1\n---\nb: 2\n', /line 2: several YAML documents/],
  ] as const) {
    it(`refuses ${name} with a line number`, () => {
      assert.throws(() => parseYamlSubset(text), re);
    });
  }
});

describe('hadolint config', () => {
  it('ignored: codes are turned off; names and aliases map to codes', () => {
    const c = parse('ignored:\n  - DL3020\n  - untagged-image\n');
    assert.deepEqual(c.rules, { DL3020: 'off', DL3006: 'off' });
    assert.deepEqual(c.problems, []);
  });

  it('override: every level, style → hint', () => {
    const c = parse('override:\n  error: [DL3006]\n  warning: [DL3020]\n  info:\n    - DL3007\n  style:\n    - DL3059\n');
    assert.deepEqual(c.rules, { DL3006: 'error', DL3020: 'warning', DL3007: 'info', DL3059: 'hint' });
    assert.deepEqual(c.problems, []);
  });

  it('ignored wins over override whatever the key order', () => {
    assert.deepEqual(parse('ignored: [DL3020]\noverride:\n  info: [DL3020]\n').rules, { DL3020: 'off' });
    assert.deepEqual(parse('override:\n  info: [DL3020]\nignored: [DL3020]\n').rules, { DL3020: 'off' });
  });

  it('failure-threshold: every level, case-insensitive; no-fail means none unless a threshold is set', () => {
    for (const t of ['error', 'warning', 'info', 'style', 'none'] as const) assert.equal(parse(`failure-threshold: ${t}\n`).failureThreshold, t);
    assert.equal(parse('failure-threshold: Warning\n').failureThreshold, 'warning');
    assert.equal(parse('no-fail: true\n').failureThreshold, 'none');
    assert.equal(parse('no-fail: true\nfailure-threshold: error\n').failureThreshold, 'error');
    assert.equal(parse('no-fail: false\n').failureThreshold, undefined);
  });

  it('disable-ignore-pragma, strict-labels, trustedRegistries, label-schema are stored', () => {
    const c = parse([
      'disable-ignore-pragma: true',
      'strict-labels: false',
      'trustedRegistries:',
      '  - docker.io',
      '  - "my-company.com:5000"',
      'label-schema:',
      '  author: text',
      '  org.opencontainers.image.url: url',
    ].join('\n'));
    assert.equal(c.ignorePragmas, false);
    assert.equal(c.strictLabels, false);
    assert.deepEqual(c.trustedRegistries, ['docker.io', 'my-company.com:5000']);
    assert.deepEqual(c.labelSchema, { author: 'text', 'org.opencontainers.image.url': 'url' });
    assert.deepEqual(c.problems, []);
    assert.equal(parse('disable-ignore-pragma: false\n').ignorePragmas, true);
  });

  it('an empty file configures nothing and is no problem', () => {
    assert.deepEqual(parse('# only a comment\n'), { rules: {}, problems: [] });
  });

  it('wrong types: one problem line each, naming file and key', () => {
    assert.deepEqual(errors('ignored: DL3020\n'), [`${F}: ignored: expected a list of rule codes`]);
    assert.deepEqual(errors('ignored:\n  a: b\n'), [`${F}: ignored: expected a list of rule codes`]);
    assert.deepEqual(errors('override: [DL3020]\n'), [`${F}: override: expected a mapping of error, warning, info or style to lists of rule codes`]);
    assert.deepEqual(errors('override:\n  fatal: [DL3020]\n'), [`${F}: override.fatal: unknown level (expected error, warning, info or style)`]);
    assert.deepEqual(errors('override:\n  info: DL3020\n'), [`${F}: override.info: expected a list of rule codes`]);
    assert.deepEqual(errors('failure-threshold: high\n'), [`${F}: failure-threshold: expected one of error, warning, info, style, none, found 'high'`]);
    assert.deepEqual(errors('disable-ignore-pragma: yes\n'), [`${F}: disable-ignore-pragma: expected true or false, found 'yes'`]);
    assert.deepEqual(errors('strict-labels: [a]\n'), [`${F}: strict-labels: expected true or false, found a list`]);
    assert.deepEqual(errors('trustedRegistries: docker.io\n'), [`${F}: trustedRegistries: expected a list of registry host names`]);
    assert.deepEqual(errors('label-schema: [a]\n'), [`${F}: label-schema: expected a mapping of label names to types`]);
    assert.deepEqual(errors('label-schema:\n  a: [b]\n'), [`${F}: label-schema.a: expected a label type (text, url, semver, hash, rfc3339, spdx, email), found a list`]);
  });

  it('a good value next to a bad one is still used', () => {
    const c = parse('ignored: [DL3020]\nfailure-threshold: nope\n');
    assert.deepEqual(c.rules, { DL3020: 'off' });
    assert.equal(c.problems.length, 1);
  });

  it('unknown rule codes are errors; hadolint codes Layerwise lacks are warnings', () => {
    assert.deepEqual(errors('ignored: [DL3020, NOPE1]\n'), [`${F}: ignored: unknown rule code 'NOPE1' (see layerwise --list-rules)`]);
    assert.deepEqual(parse('ignored: [DL3020, NOPE1]\n').rules, { DL3020: 'off' });
    assert.deepEqual(errors('ignored: [DL9999]\n'), []);
    assert.deepEqual(warnings('ignored: [DL9999]\n'), [`${F}: ignored: DL9999 is a hadolint code that Layerwise does not implement; ignored`]);
    assert.deepEqual(errors('override:\n  error: [x-y-z]\n'), [`${F}: override.error: unknown rule code 'x-y-z' (see layerwise --list-rules)`]);
  });

  it('unknown keys are errors; hadolint options we do not use are warnings', () => {
    assert.deepEqual(errors('ignore: [DL3020]\n'), [`${F}: ignore: unknown key (expected ignored, override, failure-threshold, no-fail, disable-ignore-pragma, trustedRegistries, label-schema or strict-labels)`]);
    assert.deepEqual(warnings('no-color: true\nformat: json\n'), [`${F}: no-color: a hadolint option Layerwise does not use; ignored`, `${F}: format: a hadolint option Layerwise does not use; ignored`]);
  });

  it('YAML the reader refuses, or a document that is not a mapping: one problem, no crash', () => {
    assert.deepEqual(errors('ignored: &a [DL3020]\n'), [`${F}: line 1: anchors (&) are not supported`]);
    assert.deepEqual(errors('- DL3020\n'), [`${F}: expected a mapping of keys to values, found a list`]);
    assert.deepEqual(errors('just text\n'), [`${F}: expected a mapping of keys to values, found 'just text'`]);
  });

  it('.layerwise.yaml dialect: rules: by code, name or alias; wins over ignored; refused in hadolint\'s file', () => {
    const L = '/repo/.layerwise.yaml';
    const c = parseHadolintConfig('ignored: [DL3020]\nrules:\n  add-instead-of-copy: warning\n  StageNameCasing: off\n  DL3057: on\n  DL3007: style\n', L);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.rules, { DL3020: 'warning', LW1101: 'off', DL3057: 'on', DL3007: 'hint' });
    assert.equal(dialectOf('/x/layerwise.yml'), 'layerwise');
    assert.equal(dialectOf('/x/.hadolint.yaml'), 'hadolint');
    assert.equal(dialectOf('/x/my-layerwise.yaml'), 'hadolint');
    assert.deepEqual(parseHadolintConfig('rules:\n  DL3020: off\n', F).rules, {});
    assert.deepEqual(errors('rules:\n  DL3020: off\n'), [`${F}: rules: a .layerwise.yaml key; hadolint's file has ignored and override (or rename the file to .layerwise.yaml)`]);
    assert.deepEqual(parseHadolintConfig('rules: [DL3020]\n', L).problems.map((p) => p.message), [`${L}: rules: expected a mapping of rule codes to on, off, error, warning, info or hint`]);
  });

  it('lintOptionsFrom: command-line --enable takes a rule out of the ignored list, --disable still wins', () => {
    const c = parse('ignored: [DL3020, DL3006]\noverride:\n  info: [DL3007]\ndisable-ignore-pragma: true\n');
    const o = lintOptionsFrom(c, { enable: ['add-instead-of-copy'], disable: ['DL3007'] });
    assert.deepEqual(o, { enable: ['add-instead-of-copy'], disable: ['DL3007'], rules: { DL3006: 'off', DL3007: 'info' }, ignorePragmas: false });
    assert.deepEqual(lintOptionsFrom(undefined, { enable: ['x'] }), { enable: ['x'], disable: [] });
  });
});

describe('engine: ignorePragmas', () => {
  const text = 'FROM alpine:3.20\n# hadolint ignore=DL3020\nADD a /a\n';
  const codes = (o: object) => lint(text, { disable: ['all'], ...o }).findings.map((f) => f.code);
  it('honours pragmas by default and ignores them with ignorePragmas: false', () => {
    assert.deepEqual(lint(text, { rules: { DL3020: 'on' } }).findings.filter((f) => f.code === 'DL3020').length, 0);
    assert.deepEqual(lint(text, { rules: { DL3020: 'on' }, ignorePragmas: false }).findings.filter((f) => f.code === 'DL3020').length, 1);
    const g = 'FROM alpine:3.20\n# layerwise global ignore=DL3020\nADD a /a\n';
    assert.equal(lint(g, {}).findings.filter((f) => f.code === 'DL3020').length, 0);
    assert.equal(lint(g, { ignorePragmas: false }).findings.filter((f) => f.code === 'DL3020').length, 1);
    assert.deepEqual(codes({}), []);
  });
});
