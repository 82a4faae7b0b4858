import { defineRule, type RawFinding } from '../engine/rule';
import type { Fix, Range } from '../../../shared/types';
import type { Inst, Model } from '../engine/model';
import type { ShellCommand, ShellWord } from '../engine/shell';
import { fix, keyValues, removeShellWordEdit, replace, unquote } from '../engine/helpers';
import { aptAssumesYes, aptCall, aptBoolean } from '../engine/packages';
import { pipCall } from '../engine/deps';
import { expand } from '../engine/vars';

/** What a finding turns off: transport security (TLS certificates) or package signatures. */
type Kind = 'tls' | 'signature';
interface Hit { range: Range; what: string; kind: Kind; fixes: Fix[] }

const MESSAGE: Record<Kind, string> = {
  tls: 'turns off TLS certificate verification: anyone on the network path can swap what the build downloads. Add the server\'s CA to the image\'s trust store instead',
  signature: 'installs packages without checking their signatures: a tampered or spoofed package goes into the image unnoticed. Import the repository\'s signing key instead',
};

const FALSY = new Set(['0', 'false', 'no', 'off']);
const isFalse = (v: string) => FALSY.has(unquote(v.trim()).toLowerCase());

const span = (a: ShellWord, b: ShellWord): Range => ({ start: a.range.start, end: b.range.end });

/** curl short options that take a value: the rest of a bundle after one of them is that value. */
const CURL_SHORT_WITH_VALUE = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz'.split(''));

function curlHits(model: Model, cmd: ShellCommand): Hit[] {
  const out: Hit[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const w = cmd.argv[i];
    if (w.dynamic) continue;
    const v = w.value;
    if (v === '--') break;
    if (v === '--insecure' || v === '-k') {
      out.push({ range: w.range, what: `\`curl ${v}\``, kind: 'tls', fixes: [fix(`Remove ${v}`, [removeShellWordEdit(model, w)], 'suggestion')] });
      continue;
    }
    if (v.startsWith('-') && !v.startsWith('--') && v.length > 2) {
      for (let k = 1; k < v.length; k++) {
        if (v[k] === 'k') {
          // A plain bundle (`-fsSLk`) loses the letter; anything quoted or escaped is left alone.
          const edit = w.text === v ? [fix('Remove -k', [replace(w.range, v.slice(0, k) + v.slice(k + 1))], 'suggestion')] : [];
          out.push({ range: w.range, what: `\`curl ${v}\` (\`-k\`)`, kind: 'tls', fixes: edit });
          break;
        }
        if (CURL_SHORT_WITH_VALUE.has(v[k])) { if (k === v.length - 1) i++; break; }
      }
    } else if (v.length === 2 && v[0] === '-' && CURL_SHORT_WITH_VALUE.has(v[1])) i++;
  }
  return out;
}

function wordHits(model: Model, cmd: ShellCommand, flags: Record<string, Kind>): Hit[] {
  const out: Hit[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const w = cmd.argv[i];
    if (w.value === '--') break;
    if (w.dynamic) continue;
    const kind = flags[w.value];
    if (kind) out.push({ range: w.range, what: `\`${cmd.name} ${w.value}\``, kind, fixes: [fix(`Remove ${w.value}`, [removeShellWordEdit(model, w)], 'suggestion')] });
  }
  return out;
}

/** Words that are not options, from `from` on, with the option words that take a value skipped. */
function operands(cmd: ShellCommand, from: number, withValue: Set<string>): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = from; i < cmd.argv.length; i++) {
    const v = cmd.argv[i].value;
    if (v.startsWith('-') && v.length > 1) { if (withValue.has(v)) i++; continue; }
    out.push(cmd.argv[i]);
  }
  return out;
}

function pipHits(cmd: ShellCommand): Hit[] {
  const call = pipCall(cmd.argv);
  if (!call) return [];
  const out: Hit[] = [];
  for (let i = call.pipIndex + 1; i < cmd.argv.length; i++) {
    const w = cmd.argv[i];
    if (w.value === '--trusted-host' || w.value.startsWith('--trusted-host=')) {
      const end = w.value === '--trusted-host' && cmd.argv[i + 1] ? cmd.argv[i + 1] : w;
      out.push({ range: span(w, end), what: '`pip --trusted-host`', kind: 'tls', fixes: [] });
    }
  }
  // pip config set global.trusted-host host
  if (call.sub?.value === 'config') {
    const ops = operands(cmd, call.subIndex + 1, new Set(['--editor']));
    if (ops[0]?.value === 'set' && ops[1] && /(^|\.)trusted-host$/.test(ops[1].value.toLowerCase())) {
      out.push({ range: span(ops[1], ops[2] ?? ops[1]), what: '`pip config set trusted-host`', kind: 'tls', fixes: [] });
    }
  }
  return out;
}

const STRICT_SSL_KEYS = new Set(['strict-ssl', 'strict_ssl', 'enablestrictssl']);

function nodePmHits(cmd: ShellCommand): Hit[] {
  const out: Hit[] = [];
  for (const w of cmd.argv.slice(1)) {
    const v = w.value.toLowerCase();
    if (v === '--no-strict-ssl' || (v.startsWith('--strict-ssl=') && isFalse(v.slice(13)))) out.push({ range: w.range, what: `\`${cmd.name} ${w.value}\``, kind: 'tls', fixes: [] });
  }
  const ops = operands(cmd, 1, new Set(['--prefix', '-C', '--cwd', '--location', '-L', '--workspace', '-w']));
  let k = 0;
  if (ops[k] && (ops[k].value === 'config' || ops[k].value === 'c')) k++;
  if (ops[k]?.value !== 'set') return out;
  const key = ops[k + 1];
  if (!key) return out;
  const eq = key.value.indexOf('=');
  const name = (eq >= 0 ? key.value.slice(0, eq) : key.value).toLowerCase();
  const valueWord = eq >= 0 ? key : ops[k + 2];
  const value = eq >= 0 ? key.value.slice(eq + 1) : valueWord?.value;
  if (STRICT_SSL_KEYS.has(name) && value !== undefined && isFalse(value)) {
    out.push({ range: span(key, valueWord ?? key), what: `\`${cmd.name} config set ${name} false\``, kind: 'tls', fixes: [] });
  }
  return out;
}

const GIT_SSL_KEY = /^http\.(.+\.)?sslverify$/;
const GIT_GLOBAL_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);
const GIT_CONFIG_WITH_VALUE = new Set(['-f', '--file', '--blob', '--type', '--default', '--comment', '--value']);

function gitHits(cmd: ShellCommand): Hit[] {
  const out: Hit[] = [];
  let i = 1;
  for (; i < cmd.argv.length; i++) {
    const v = cmd.argv[i].value;
    if (!v.startsWith('-')) break;
    if (v === '-c' && cmd.argv[i + 1]) {
      const kv = cmd.argv[i + 1].value;
      const eq = kv.indexOf('=');
      if (eq > 0 && GIT_SSL_KEY.test(kv.slice(0, eq).toLowerCase()) && isFalse(kv.slice(eq + 1))) {
        out.push({ range: span(cmd.argv[i], cmd.argv[i + 1]), what: '`git -c http.sslVerify=false`', kind: 'tls', fixes: [] });
      }
    }
    if (GIT_GLOBAL_WITH_VALUE.has(v)) i++;
  }
  if (cmd.argv[i]?.value !== 'config') return out;
  const ops = operands(cmd, i + 1, GIT_CONFIG_WITH_VALUE);
  const k = ops[0]?.value === 'set' ? 1 : 0;
  const key = ops[k], value = ops[k + 1];
  if (key && value && GIT_SSL_KEY.test(key.value.toLowerCase()) && isFalse(value.value)) {
    out.push({ range: span(key, value), what: '`git config http.sslVerify false`', kind: 'tls', fixes: [] });
  }
  return out;
}

const APT_CONFIG_OFF: Record<string, { on: boolean; kind: Kind }> = {
  'apt::get::allowunauthenticated': { on: true, kind: 'signature' },
  'acquire::allowinsecurerepositories': { on: true, kind: 'signature' },
  'acquire::allowdowngradetoinsecurerepositories': { on: true, kind: 'signature' },
  'acquire::https::verify-peer': { on: false, kind: 'tls' },
  'acquire::https::verify-host': { on: false, kind: 'tls' },
};

function aptHits(model: Model, cmd: ShellCommand, inst: Inst): Hit[] {
  const call = aptCall(cmd, inst);
  if (!call) return [];
  const out: Hit[] = [];
  for (const o of call.options) {
    const w = o.words[0];
    if (!o.long && o.name !== 'o') continue;
    if (o.long && (o.name === 'allow-unauthenticated' || o.name === 'allow-insecure-repositories') && (o.value === null || aptBoolean(o.value) !== false)) {
      out.push({ range: w.range, what: `\`${cmd.name} --${o.name}\``, kind: 'signature', fixes: o.words.length === 1 && !w.dynamic ? [fix(`Remove --${o.name}`, [removeShellWordEdit(model, w)], 'suggestion')] : [] });
    } else if (o.long && o.name === 'force-yes') {
      // --force-yes also answers prompts: without another yes option, -y keeps that part.
      const edit = aptAssumesYes(call) ? removeShellWordEdit(model, w) : replace(w.range, '-y');
      out.push({ range: w.range, what: `\`${cmd.name} --force-yes\``, kind: 'signature', fixes: w.dynamic ? [] : [fix(aptAssumesYes(call) ? 'Remove --force-yes' : 'Replace --force-yes with -y', [edit], 'suggestion')] });
    } else if ((o.name === 'o' || o.name === 'option') && o.value) {
      const eq = o.value.indexOf('=');
      if (eq <= 0) continue;
      const key = o.value.slice(0, eq).trim().toLowerCase().replace(/^acquire::https::[^:]+::(verify-(peer|host))$/, 'acquire::https::$1');
      const rule = APT_CONFIG_OFF[key];
      if (rule && aptBoolean(o.value.slice(eq + 1)) === rule.on) {
        out.push({ range: span(o.words[0], o.words[o.words.length - 1]), what: `\`${cmd.name} -o ${o.value}\``, kind: rule.kind, fixes: [] });
      }
    }
  }
  return out;
}

const RPM_TOOLS = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf', 'yum-config-manager']);
const RPM_FLAGS: Record<string, Kind> = { '--nosignature': 'signature', '--nodigest': 'signature', '--noverify': 'signature', '--nofiledigest': 'signature', '--nogpgcheck': 'signature' };

function rpmSetoptHits(cmd: ShellCommand): Hit[] {
  const out: Hit[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const w = cmd.argv[i];
    let value: string | null = null, end = w;
    if (w.value.startsWith('--setopt=')) value = w.value.slice(9);
    else if (w.value === '--setopt' && cmd.argv[i + 1]) { end = cmd.argv[i + 1]; value = end.value; i++; }
    if (value === null) continue;
    const eq = value.indexOf('=');
    if (eq <= 0) continue;
    const key = unquote(value.slice(0, eq)).toLowerCase();
    const name = key.slice(key.lastIndexOf('.') + 1);
    if ((name === 'sslverify' || name === 'gpgcheck' || name === 'repo_gpgcheck') && isFalse(value.slice(eq + 1))) {
      out.push({ range: span(w, end), what: `\`${cmd.name} --setopt=${key}=${unquote(value.slice(eq + 1))}\``, kind: name === 'sslverify' ? 'tls' : 'signature', fixes: [] });
    }
  }
  return out;
}

/** Environment variables that turn verification off, and whether a value turns it off. */
const ENV_OFF: { name: string; caseless?: boolean; off: (v: string) => boolean; kind: Kind }[] = [
  { name: 'PYTHONHTTPSVERIFY', off: (v) => unquote(v.trim()) === '0', kind: 'tls' },
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', off: (v) => unquote(v.trim()) === '0', kind: 'tls' },
  { name: 'GIT_SSL_NO_VERIFY', off: () => true, kind: 'tls' },
  { name: 'PIP_TRUSTED_HOST', off: (v) => unquote(v.trim()) !== '', kind: 'tls' },
  { name: 'NPM_CONFIG_STRICT_SSL', caseless: true, off: isFalse, kind: 'tls' },
  { name: 'YARN_ENABLE_STRICT_SSL', off: isFalse, kind: 'tls' },
  { name: 'GOINSECURE', off: (v) => unquote(v.trim()) !== '', kind: 'tls' },
];

function envOff(name: string, value: string): Kind | null {
  const e = ENV_OFF.find((x) => (x.caseless ? x.name === name.toUpperCase() : x.name === name));
  return e && e.off(value) ? e.kind : null;
}

function assignmentHit(w: ShellWord): Hit | null {
  const t = w.dynamic ? w.text : w.value;
  const eq = t.indexOf('=');
  if (eq <= 0) return null;
  const name = t.slice(0, eq);
  const kind = envOff(name, t.slice(eq + 1));
  return kind ? { range: w.range, what: `\`${name}=${unquote(t.slice(eq + 1))}\``, kind, fixes: [] } : null;
}

function runHits(model: Model, inst: Inst): Hit[] {
  const out: Hit[] = [];
  if (!inst.shell) return out;
  for (const cmd of inst.shell.commands) {
    for (const a of cmd.assignments) { const h = assignmentHit(a); if (h) out.push(h); }
    const n = cmd.name;
    if (n === 'curl') out.push(...curlHits(model, cmd));
    else if (n === 'wget' || n === 'wget2') out.push(...wordHits(model, cmd, { '--no-check-certificate': 'tls' }));
    else if (n === 'apk') out.push(...wordHits(model, cmd, { '--allow-untrusted': 'signature' }));
    else if (n === 'rpm') out.push(...wordHits(model, cmd, RPM_FLAGS));
    else if (RPM_TOOLS.has(n)) out.push(...wordHits(model, cmd, { '--nogpgcheck': 'signature' }), ...rpmSetoptHits(cmd));
    else if (n === 'apt-get' || n === 'apt') out.push(...aptHits(model, cmd, inst));
    else if (n === 'npm' || n === 'yarn' || n === 'pnpm') out.push(...nodePmHits(cmd));
    else if (n === 'git') out.push(...gitHits(cmd));
    else out.push(...pipHits(cmd));
  }
  for (const d of inst.shell.declarations) for (const a of d.assignments) { const h = assignmentHit(a); if (h) out.push(h); }
  return out;
}

function envHits(inst: Inst): Hit[] {
  const out: Hit[] = [];
  for (const kv of keyValues(inst)) {
    if (kv.value === null) continue;
    const e = expand(kv.value, inst.scope);
    const kind = envOff(kv.name, e.value ?? kv.value);
    if (kind) out.push({ range: kv.range, what: `\`${inst.keyword} ${kv.name}=${kv.value}\``, kind, fixes: [] });
  }
  return out;
}

export default defineRule({
  meta: {
    code: 'LW1204',
    name: 'tls-verification-disabled',
    aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16', 'CKV2_DOCKER_18'],
    severity: 'error',
    category: 'security',
    enabledByDefault: true,
    fixable: 'sometimes',
    docs: {
      what: 'Flags build steps that turn off TLS certificate checks or package signature checks: `curl -k`/`--insecure`, `wget --no-check-certificate`, `pip --trusted-host` (and `pip config set global.trusted-host`), npm/yarn/pnpm `strict-ssl false`, `git config http.sslVerify false` (and `git -c`), `apk --allow-untrusted`, `apt-get`/`apt` `--allow-unauthenticated`, `--allow-insecure-repositories`, `--force-yes` and the matching `-o` settings, yum/dnf/microdnf `--nogpgcheck` and `--setopt=sslverify=0`/`gpgcheck=0`, `rpm --nosignature`/`--nodigest`/`--noverify`/`--nofiledigest`; and the environment variables `PIP_TRUSTED_HOST`, `PYTHONHTTPSVERIFY=0`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `NPM_CONFIG_STRICT_SSL=false`, `YARN_ENABLE_STRICT_SSL=false`, `GIT_SSL_NO_VERIFY`, `GOINSECURE`, set by ENV, ARG or in a RUN.',
      why: 'Everything a build downloads ends up in the image. Without certificate or signature checks, a proxy, mirror or attacker on the path can serve other files, and the image ships them. Variables set with ENV also stay on in the running container, so the application itself accepts any certificate. The best practices ask for images that contain only trusted, verified software and for scanning them; a scanner cannot tell a tampered download from the real one.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && curl -fsSLk https://example.com/tool.tar.gz -o /tmp/tool.tar.gz\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \\\n    && curl -fsSL https://example.com/tool.tar.gz -o /tmp/tool.tar.gz\n',
      fix: 'For a command-line flag that only turns checking off (`-k`, `--insecure`, `--no-check-certificate`, `--allow-untrusted`, `--allow-unauthenticated`, `--nogpgcheck`, `rpm --nosignature` ...), removes it (`--force-yes` becomes `-y` when nothing else answers apt\'s prompts). A suggestion: the download fails until the server\'s certificate or the repository\'s key is trusted (install `ca-certificates`, copy the CA into `/usr/local/share/ca-certificates/` and run `update-ca-certificates`, or import the signing key). Settings and environment variables have no automatic fix.',
      notes: 'One rule for what Checkov splits into CKV2_DOCKER_2 to CKV2_DOCKER_16 and CKV2_DOCKER_18, all listed as aliases. Unlike Checkov\'s patterns over the raw line, commands are read from the parsed shell (wrappers such as `sudo`, `env` and `sh -c` are seen through, and a `-k` in an unrelated command or a URL is not a finding). A variable assigned on a line of its own in a RUN (`export` and `VAR=x cmd` are read) is not seen.',
    },
  },
  check(model) {
    const out: RawFinding[] = [];
    for (const inst of model.instructions) {
      const hits = inst.keyword === 'RUN' ? runHits(model, inst) : inst.keyword === 'ENV' || inst.keyword === 'ARG' ? envHits(inst) : [];
      for (const h of hits) out.push({ range: h.range, message: `${h.what} ${MESSAGE[h.kind]}`, fixes: h.fixes });
    }
    return out;
  },
});
