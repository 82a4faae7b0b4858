// The CI output formats, each checked by its consumer's rules: SARIF against the official
// 2.1.0 JSON schema (ajv), Checkstyle by a real XML parser, GitLab Code Quality against a
// schema of GitLab's documented fields, GitHub workflow commands by the runner's grammar.
// Synthetic findings carry the characters each format must escape; the real CLI is run too.
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Finding, RuleMeta } from '../../shared/types';
import { allRules } from '../../server/src/engine';
import {
  formatCheckstyle, formatGithub, formatGitlab, formatSarif, formatText, repoWebUrl, toGitlab,
  FORMATS, type FileReport,
} from '../../server/src/formats';
import { colorWanted } from '../../server/src/cli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'layerwise.js');
const SCHEMAS = path.join(ROOT, 'test', 'fixtures', 'schemas');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function sarifValidator() {
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern has a stray ']' that the u flag rejects;
  addFormats(ajv);
  return checker(ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'sarif-2.1.0-rtm.5.json'), 'utf8'))));
}
function gitlabValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  return checker(ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'gitlab-codequality.json'), 'utf8'))));
}
/** A validate function that is not a type guard (so parsed JSON stays `any` after it). */
function checker(v: { (x: unknown): boolean; errors?: unknown[] | null }) {
  const f = (x: unknown): boolean => v(x);
  return Object.defineProperty(f, 'errors', { get: () => v.errors }) as ((x: unknown) => boolean) & { errors?: unknown[] | null };
}

/** A message with everything a format must escape. */
const NASTY = `a & b < c > "d" 'e' 50% x:y, z::w\nsecond line\r\tend`;
const meta = allRules.find((r) => r.meta.code === 'DL3020')!.meta;
function finding(over: Partial<Finding> = {}): Finding {
  return {
    code: meta.code, name: meta.name, aliases: meta.aliases, severity: 'error', message: NASTY,
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, fixes: [], ...over,
  };
}
const TEXT = 'FROM alpine:3.20\nADD a /a\nADD b /b\n';
const CWD = path.join(os.tmpdir(), 'repo');
const REPORTS: FileReport[] = [
  { file: 'sub dir/Dockerfile', text: TEXT, findings: [
    finding({ fixes: [{ title: 'Use COPY', safety: 'safe', edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, newText: 'COPY' }] }] }),
    finding({ severity: 'hint', range: { start: { line: 1, character: 4 }, end: { line: 2, character: 3 } } }),
    finding({ severity: 'info', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } } }),
    finding({ severity: 'warning', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } } }),
  ] },
  { file: 'clean.Dockerfile', text: 'FROM alpine:3.20\n', findings: [] },
];
const CTX = { rules: allRules, version: pkg.version, repoUrl: repoWebUrl(pkg.repository), cwd: CWD };

// The runner's grammar for `::command k=v,k=v::data` (one line): the command is up to the
// first space, properties up to the next `::`, then the data; values are percent-unescaped.
interface WorkflowCommand { command: string; props: Record<string, string>; data: string }
function parseWorkflowCommand(line: string): WorkflowCommand {
  assert.ok(line.startsWith('::'), line);
  assert.ok(!/[\r\n]/.test(line), 'one physical line');
  const end = line.indexOf('::', 2);
  assert.ok(end > 2, `no closing :: in ${line}`);
  const head = line.slice(2, end);
  const data = line.slice(end + 2);
  const sp = head.indexOf(' ');
  const command = sp < 0 ? head : head.slice(0, sp);
  const props: Record<string, string> = {};
  const unData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unProp = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  if (sp >= 0) {
    for (const kv of head.slice(sp + 1).split(',')) {
      const eq = kv.indexOf('=');
      assert.ok(eq > 0, `property without = in ${line}`);
      props[kv.slice(0, eq)] = unProp(kv.slice(eq + 1));
    }
  }
  return { command, props, data: unData(data) };
}

describe('CI formats', () => {
  it('lists every format in --help', () => {
    assert.deepEqual([...FORMATS], ['text', 'json', 'sarif', 'checkstyle', 'gitlab', 'github']);
  });

  describe('sarif', () => {
    it('is valid SARIF 2.1.0 with rule metadata, help links, levels, regions and fixes', () => {
      const out = formatSarif(REPORTS, CTX);
      const log = JSON.parse(out);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.version, '2.1.0');
      const run = log.runs[0];
      assert.equal(run.columnKind, 'unicodeCodePoints');
      const driver = run.tool.driver;
      assert.equal(driver.name, 'Layerwise');
      assert.equal(driver.version, pkg.version);
      assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), ['DL3020']);
      const [rule] = driver.rules;
      assert.equal(rule.helpUri, 'https://github.com/layerwise/layerwise/blob/main/docs/rules/DL3020.md');
      assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', 'DL3020.md')), 'the help link points at a real page');
      assert.ok(rule.fullDescription.text.startsWith(meta.docs.what.split(' ')[0]));
      assert.equal(rule.defaultConfiguration.level, 'error');
      assert.equal(rule.defaultConfiguration.enabled, true);
      const levels = run.results.map((r: { level: string }) => r.level);
      assert.deepEqual(levels, ['error', 'note', 'note', 'warning']);
      const [first, multi] = run.results;
      assert.equal(first.ruleId, 'DL3020');
      assert.equal(first.ruleIndex, 0);
      assert.equal(first.message.text, NASTY);
      assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'sub%20dir/Dockerfile');
      assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 4 });
      assert.deepEqual(multi.locations[0].physicalLocation.region, { startLine: 2, startColumn: 5, endLine: 3, endColumn: 4 });
      assert.deepEqual(first.fixes[0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 4 }, insertedContent: { text: 'COPY' } }]);
      assert.equal(multi.fixes, undefined);
      assert.deepEqual(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri), ['sub%20dir/Dockerfile', 'clean.Dockerfile']);
    });

    it('every rule, as the driver would list it, is valid (descriptions, levels, help)', () => {
      // One finding per rule, so the driver lists every rule.
      const reports: FileReport[] = [{ file: 'Dockerfile', text: TEXT, findings: allRules.map(({ meta: m }) => finding({ code: m.code, name: m.name, severity: m.severity, message: m.name })) }];
      const log = JSON.parse(formatSarif(reports, CTX));
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      assert.equal(log.runs[0].tool.driver.rules.length, allRules.length);
      for (const r of log.runs[0].tool.driver.rules) {
        assert.ok(r.fullDescription.text.length > 0, r.id);
        assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${r.id}.md`)), `${r.id}: docs page for helpUri`);
      }
    });

    it('ShellCheck codes get a driver rule linking to the ShellCheck wiki', () => {
      const log = JSON.parse(formatSarif([{ file: 'Dockerfile', text: TEXT, findings: [finding(), finding({ code: 'SC2086', name: 'shellcheck', aliases: [], severity: 'info', message: 'Double quote to prevent globbing' })] }], CTX));
      assert.ok(sarifValidator()(log));
      const rules = log.runs[0].tool.driver.rules;
      assert.deepEqual(rules.map((r: { id: string }) => r.id), ['DL3020', 'SC2086']);
      assert.equal(rules[1].helpUri, 'https://www.shellcheck.net/wiki/SC2086');
      assert.equal(rules[1].defaultConfiguration.level, 'note');
      assert.equal(log.runs[0].results[1].ruleIndex, 1);
    });

    it('an absolute path outside the working folder becomes a file: URI; stdin is "stdin"', () => {
      const outside = path.join(path.parse(CWD).root, 'elsewhere', 'Dockerfile');
      const log = JSON.parse(formatSarif([{ file: outside, text: TEXT, findings: [finding()] }, { file: '-', text: TEXT, findings: [finding()] }], CTX));
      assert.ok(sarifValidator()(log));
      const uris = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
      assert.deepEqual(uris, [new URL(`file://${outside.split(path.sep).join('/')}`).href, 'stdin']);
      // Inside the working folder an absolute path is made relative.
      const inside = JSON.parse(formatSarif([{ file: path.join(CWD, 'a', 'Dockerfile'), text: TEXT, findings: [finding()] }], CTX));
      assert.equal(inside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'a/Dockerfile');
    });
  });

  describe('checkstyle', () => {
    it('is well-formed XML that a parser reads back to the same files, positions, levels and messages', () => {
      const xml = formatCheckstyle(REPORTS);
      assert.equal(XMLValidator.validate(xml), true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'file' || name === 'error', htmlEntities: true }).parse(xml);
      const files = doc.checkstyle.file;
      assert.deepEqual(files.map((f: { name: string }) => f.name), ['sub dir/Dockerfile', 'clean.Dockerfile']);
      const errors = files[0].error;
      assert.deepEqual(errors.map((e: Record<string, string>) => [e.line, e.column, e.severity, e.source]), [
        ['2', '1', 'error', 'DL3020'], ['2', '5', 'info', 'DL3020'], ['3', '1', 'info', 'DL3020'], ['3', '1', 'warning', 'DL3020'],
      ]);
      for (const e of errors) assert.equal(e.message, NASTY);
      assert.equal(files[1].error, undefined);
    });

    it('characters XML 1.0 cannot carry become U+FFFD, and the file still parses', () => {
      const xml = formatCheckstyle([{ file: 'a&b<"c">.Dockerfile', text: TEXT, findings: [finding({ message: 'bell\u0007 nul\u0000 lone\ud800 ok' })] }]);
      assert.equal(XMLValidator.validate(xml), true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
      assert.equal(doc.checkstyle.file.name, 'a&b<"c">.Dockerfile');
      assert.equal(doc.checkstyle.file.error.message, 'bell\ufffd nul\ufffd lone\ufffd ok');
    });
  });

  describe('gitlab', () => {
    it('matches the documented Code Quality fields, with the severity mapping', () => {
      const issues = JSON.parse(formatGitlab(REPORTS, CTX));
      const validate = gitlabValidator();
      assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
      assert.deepEqual(issues.map((i: { severity: string }) => i.severity), ['critical', 'info', 'minor', 'major']);
      assert.deepEqual(issues[0].location, { path: 'sub dir/Dockerfile', lines: { begin: 2, end: 2 } });
      assert.equal(issues[0].check_name, 'DL3020');
      assert.ok(issues[0].description.includes(NASTY));
      assert.equal(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
    });

    it('fingerprints survive lines moving, and change with the line content, file or rule', () => {
      const fp = (text: string, line: number, file = 'Dockerfile', code = 'DL3020') =>
        toGitlab([{ file, text, findings: [finding({ code, range: { start: { line, character: 0 }, end: { line, character: 3 } } })] }], CTX)[0].fingerprint;
      const base = fp('FROM a\nADD x /x\n', 1);
      assert.match(base, /^[0-9a-f]{64}$/);
      assert.equal(fp('FROM a\n# moved down\n\nADD x /x\n', 3), base, 'same content on another line');
      assert.notEqual(fp('FROM a\nADD y /y\n', 1), base);
      assert.notEqual(fp('FROM a\nADD x /x\n', 1, 'other/Dockerfile'), base);
      assert.notEqual(fp('FROM a\nADD x /x\n', 1, 'Dockerfile', 'DL3000'), base);
      // Two identical findings on identical lines still get two fingerprints.
      const twice = toGitlab([{ file: 'D', text: 'ADD x /x\nADD x /x\n', findings: [finding({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } }), finding()] }], CTX);
      assert.notEqual(twice[0].fingerprint, twice[1].fingerprint);
    });
  });

  describe('github', () => {
    it('one workflow command per finding, that the runner grammar reads back exactly', () => {
      const out = formatGithub(REPORTS, CTX);
      const lines = out.split('\n');
      assert.equal(lines.pop(), '');
      assert.equal(lines.length, 4);
      const cmds = lines.map(parseWorkflowCommand);
      assert.deepEqual(cmds.map((c) => c.command), ['error', 'notice', 'notice', 'warning']);
      for (const c of cmds) {
        assert.equal(c.data, NASTY);
        assert.equal(c.props.file, 'sub dir/Dockerfile');
        assert.equal(c.props.title, 'DL3020');
      }
      assert.deepEqual(cmds[0].props, { file: 'sub dir/Dockerfile', line: '2', endLine: '2', col: '1', endColumn: '4', title: 'DL3020' });
      // A range over two lines: GitHub ignores columns there, so none are given.
      assert.deepEqual(cmds[1].props, { file: 'sub dir/Dockerfile', line: '2', endLine: '3', title: 'DL3020' });
    });

    it('escapes , : % and newlines in property values (file names)', () => {
      const [c] = formatGithub([{ file: 'we,ird:50%\nname/Dockerfile', text: TEXT, findings: [finding({ message: 'm' })] }], CTX).trimEnd().split('\n').map(parseWorkflowCommand);
      assert.equal(c.props.file, 'we,ird:50%\nname/Dockerfile');
      assert.equal(c.data, 'm');
    });
  });

  describe('text colour', () => {
    it('TTY only, NO_COLOR wins, FORCE_COLOR forces (0/false do not)', () => {
      assert.equal(colorWanted(true, {}), true);
      assert.equal(colorWanted(false, {}), false);
      assert.equal(colorWanted(true, { NO_COLOR: '1' }), false);
      assert.equal(colorWanted(true, { NO_COLOR: '' }), true, 'an empty NO_COLOR is unset');
      assert.equal(colorWanted(false, { FORCE_COLOR: '1' }), true);
      assert.equal(colorWanted(false, { FORCE_COLOR: '1', NO_COLOR: '1' }), false);
      assert.equal(colorWanted(true, { FORCE_COLOR: '0' }), false);
      assert.equal(colorWanted(true, { FORCE_COLOR: 'false' }), false);
      assert.ok(formatText(REPORTS, { color: true }).includes('\x1b['));
    });
  });

  describe('the real CLI', () => {
    let tmp: string;
    const BAD = 'FROM ubuntu\nRUN apt-get update && apt-get install curl\nADD app.tar.gz /app/\nADD a /a\nMAINTAINER me <me@example.com>\n';
    before(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-ci-'));
      fs.mkdirSync(path.join(tmp, 'svc'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'svc', 'Dockerfile'), BAD);
      fs.writeFileSync(path.join(tmp, 'Dockerfile'), 'FROM alpine:3.20\nADD a /a\n');
    });
    const cli = (args: string[], env: Record<string, string | undefined> = {}) => {
      const e: NodeJS.ProcessEnv = { ...process.env, ...env };
      for (const [k, v] of Object.entries(env)) if (v === undefined) delete e[k];
      for (const k of Object.keys(e)) if (/^(LAYERWISE|HADOLINT)_/.test(k)) delete e[k];
      return spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', env: e });
    };

    it('--format sarif over a folder validates against the schema and exits 1', () => {
      const r = cli(['--format', 'sarif', '.']);
      assert.equal(r.status, 1, r.stderr);
      const log = JSON.parse(r.stdout);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      const uris = new Set(log.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri));
      assert.deepEqual([...uris].sort(), ['Dockerfile', 'svc/Dockerfile']);
      assert.ok(log.runs[0].results.length >= 4);
      assert.ok(log.runs[0].results.some((x: { fixes?: unknown[] }) => x.fixes?.length), 'fixable findings carry fixes');
      const ruleIds = log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
      for (const x of log.runs[0].results) assert.equal(ruleIds[x.ruleIndex], x.ruleId);
    });

    it('--format checkstyle / gitlab / github over the same folder are accepted by their consumers', () => {
      const json = JSON.parse(cli(['--format', 'json', '.']).stdout);
      const cs = cli(['-f', 'checkstyle', '.']);
      assert.equal(cs.status, 1);
      assert.equal(XMLValidator.validate(cs.stdout), true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'file' || n === 'error' }).parse(cs.stdout);
      assert.equal(doc.checkstyle.file.reduce((n: number, f: { error?: unknown[] }) => n + (f.error?.length ?? 0), 0), json.length);
      const gl = cli(['-f', 'gitlab', '.']);
      assert.equal(gl.status, 1);
      const issues = JSON.parse(gl.stdout);
      assert.ok(gitlabValidator()(issues));
      assert.equal(issues.length, json.length);
      const gh = cli(['-f', 'github', '.']);
      assert.equal(gh.status, 1);
      const cmds = gh.stdout.trimEnd().split('\n').map(parseWorkflowCommand);
      assert.equal(cmds.length, json.length);
      assert.deepEqual(cmds.map((c) => `${c.props.file}:${c.props.line}:${c.props.title}`), json.map((j: { file: string; line: number; code: string }) => `${j.file}:${j.line}:${j.code}`));
    });

    it('text: no colour when piped, colour with FORCE_COLOR, none again with NO_COLOR', () => {
      assert.ok(!cli(['Dockerfile'], { NO_COLOR: undefined, FORCE_COLOR: undefined }).stdout.includes('\x1b['));
      const forced = cli(['Dockerfile'], { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout;
      assert.ok(forced.includes('\x1b[31merror\x1b[0m'), forced);
      assert.ok(!cli(['Dockerfile'], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout.includes('\x1b['));
      assert.ok(!cli(['-f', 'json', 'Dockerfile'], { FORCE_COLOR: '1', NO_COLOR: undefined }).stdout.includes('\x1b['), 'colour is for text only');
      assert.ok(!cli(['--no-color', 'Dockerfile'], { FORCE_COLOR: '1', NO_COLOR: undefined }).stdout.includes('\x1b['), '--no-color wins');
    });
  });
});
