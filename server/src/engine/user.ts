// Which user an image runs as, and which non-root user to switch to: shared by DL3002
// (last USER is root) and LW1001 (no USER at all). Pure functions of the model.
import type { Fix, TextEdit } from '../../../shared/types';
import { officialImageName, type ImageRef } from './image';
import type { Inst, Model, Stage } from './model';
import { expand } from './vars';

/** The stage and the stages it builds on, nearest first (`FROM build` → [final, build, ...]). */
export function stageChain(stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | null = stage; s && !out.includes(s); s = s.baseStage) out.push(s);
  return out;
}

/** The external image at the bottom of a stage chain. */
export function rootImage(stage: Stage): ImageRef {
  const chain = stageChain(stage);
  return chain[chain.length - 1].image;
}

/** USER instructions that apply to `stage`, in build order (base stages first). */
export function userInstructions(stage: Stage): Inst[] {
  return stageChain(stage).reverse().flatMap((s) => s.instructions.filter((i) => i.keyword === 'USER'));
}

export interface UserValue {
  /** As written (`$APP_USER:root`). */
  text: string;
  /** After ARG/ENV substitution; null when a variable has no known value. */
  resolved: string | null;
}

/** The argument of a USER instruction, resolved through the instruction's scope. */
export function userValue(inst: Inst): UserValue | null {
  const a = inst.args[0];
  if (!a) return null;
  return { text: a.value, resolved: expand(a.value, inst.scope, '\\').value };
}

/** `root`, `0`, `root:<group>`, `0:<group>` (also `00`): the user part is the superuser. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0].trim();
  return user === 'root' || /^0+$/.test(user);
}

export type ImageFamily = 'node' | 'distroless' | 'chainguard' | 'dotnet' | 'debian' | 'alpine' | 'scratch' | 'windows' | 'unknown';

/** Official images built on Debian or Ubuntu (unless the tag says otherwise). */
const DEBIAN_OFFICIAL = new Set([
  'debian', 'ubuntu', 'python', 'ruby', 'golang', 'openjdk', 'eclipse-temurin', 'maven', 'gradle', 'php', 'perl',
  'rust', 'buildpack-deps', 'elixir', 'erlang', 'haskell', 'clojure', 'julia', 'r-base', 'swift', 'tomcat', 'httpd',
  'nginx', 'pypy', 'groovy', 'sapmachine', 'ibm-semeru-runtimes', 'ibmjava', 'bash', 'gcc', 'django', 'neurodebian',
]);
const ALPINE_OFFICIAL = new Set(['alpine', 'busybox']);
const DEBIAN_TAG = /(^|[-_.])(bookworm|bullseye|buster|stretch|trixie|sid|slim|jammy|noble|focal|bionic|oracular|plucky)($|[-_.])/;
const OTHER_OS_TAG = /(ubi\d*|oracle|oraclelinux|windowsservercore|nanoserver|ltsc\d*|amazonlinux|al20\d\d|centos|fedora|rocky|alma)/;

/** Classify a base image by the tools and users it is known to ship. */
export function imageFamily(ref: ImageRef): ImageFamily {
  if (ref.resolved === null) return 'unknown';
  if (ref.isScratch) return 'scratch';
  const repo = ref.repository.toLowerCase();
  const reg = (ref.registry ?? '').toLowerCase();
  const tag = (ref.tag ?? '').toLowerCase();
  if (/(^|\/)windows\//.test(repo) || /(windowsservercore|nanoserver)/.test(tag) || /(^|\/)(windows|nanoserver|servercore)(\/|$)/.test(repo)) return 'windows';
  if (repo.startsWith('distroless/') || repo.includes('/distroless/')) return 'distroless';
  if (reg === 'cgr.dev' || repo.startsWith('chainguard/')) return 'chainguard';
  if (reg === 'mcr.microsoft.com' && /^dotnet\/(runtime|aspnet|runtime-deps|sdk)$/.test(repo)) {
    const major = /^(\d+)/.exec(tag);
    if (major && Number(major[1]) >= 8 && !OTHER_OS_TAG.test(tag)) return 'dotnet';
  }
  const official = officialImageName(ref);
  if (official === 'node' && !OTHER_OS_TAG.test(tag)) return 'node';
  if (tag.includes('alpine') || (official !== null && ALPINE_OFFICIAL.has(official))) return 'alpine';
  if (OTHER_OS_TAG.test(tag)) return 'unknown';
  if (official !== null && DEBIAN_OFFICIAL.has(official)) return 'debian';
  if (DEBIAN_TAG.test(tag)) return 'debian';
  return 'unknown';
}

/** Official images known to set no ENTRYPOINT (a CMD reaches the container as written). */
const NO_ENTRYPOINT_OFFICIAL = new Set(['alpine', 'debian', 'ubuntu', 'busybox', 'python', 'golang']);

/**
 * Whether the image is known to define no ENTRYPOINT. Many images do (node, postgres, nginx,
 * eclipse-temurin, distroless language images), and an ENTRYPOINT sees exec-form and
 * shell-form CMD differently, so anything not known is treated as possibly having one.
 */
export function knownWithoutEntrypoint(ref: ImageRef): boolean {
  if (ref.resolved === null) return false;
  if (ref.isScratch) return true;
  const name = officialImageName(ref);
  return name !== null && NO_ENTRYPOINT_OFFICIAL.has(name);
}

/**
 * Images documented to run as a non-root user without a USER instruction: distroless
 * `:nonroot` tags and Chainguard images other than their `-dev` variants.
 */
export function runsAsNonRootByDefault(ref: ImageRef): boolean {
  if (ref.resolved === null) return false;
  const tag = (ref.tag ?? '').toLowerCase();
  const fam = imageFamily(ref);
  if (tag.includes('nonroot')) return true;
  // Nano Server runs as ContainerUser; Server Core as ContainerAdministrator.
  if (fam === 'windows') return /nanoserver/.test(`${ref.repository.toLowerCase()}:${tag}`);
  if (fam === 'chainguard') return !/(^|-)dev($|-)/.test(tag);
  return false;
}

export interface UserChoice {
  /** The USER argument to write. */
  user: string;
  /** Shell command that creates the user (run as root before switching), or null. */
  create: string | null;
  /** Why this user, for fix titles and messages. */
  reason: string;
}

export const CREATE_DEBIAN = 'groupadd --system app && useradd --system --gid app --no-create-home app';
export const CREATE_ALPINE = 'addgroup -S app && adduser -S -G app app';
/** A numeric user and group need no /etc/passwd entry (and keep the group away from root's gid 0). */
export const NUMERIC_USER = '65532:65532';

// useradd/adduser options (short and long) that take a value in the next word.
const USERADD_OPTS_WITH_ARG = new Set([
  '-b', '-c', '-d', '-e', '-f', '-g', '-G', '-k', '-K', '-p', '-s', '-u', '-R', '-P', '-Z', '-h',
  '--base-dir', '--comment', '--home-dir', '--home', '--expiredate', '--inactive', '--gid', '--groups', '--skel',
  '--key', '--password', '--shell', '--uid', '--root', '--prefix', '--selinux-user', '--gecos', '--ingroup',
  '--firstuid', '--lastuid', '--firstgid', '--lastgid', '--conf', '--extrausers',
]);
const SHORT_WITH_ARG = new Set('bcdefgGkKpsuRPZh'.split(''));

/** Users created by `useradd`/`adduser` in RUN instructions of the chain, in build order. */
export function createdUsers(stage: Stage): string[] {
  const out: string[] = [];
  for (const s of stageChain(stage).reverse()) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'RUN' || !inst.shell) continue;
      for (const cmd of inst.shell.commands) {
        if (cmd.inSubstitution || (cmd.name !== 'useradd' && cmd.name !== 'adduser')) continue;
        for (let i = 1; i < cmd.argv.length; i++) {
          const w = cmd.argv[i];
          const v = w.value;
          if (v.startsWith('-') && v.length > 1) {
            if (v.includes('=')) continue;
            if (USERADD_OPTS_WITH_ARG.has(v) || (/^-[a-zA-Z]+$/.test(v) && SHORT_WITH_ARG.has(v[v.length - 1]))) i++;
            continue;
          }
          if (!w.dynamic && /^[a-z_][a-z0-9_.-]*\$?$/i.test(v) && v !== 'root') out.push(v);
          break;
        }
      }
    }
  }
  return out;
}

/**
 * A non-root user to switch to at the end of `stage`: one the Dockerfile already used or
 * created, else one the base image ships, else one created the way the base image's
 * distribution does it, else a numeric uid:gid.
 */
export function chooseUser(stage: Stage): UserChoice {
  const users = userInstructions(stage);
  for (let k = users.length - 1; k >= 0; k--) {
    const v = userValue(users[k]);
    if (v && v.resolved !== null && v.resolved === v.text && v.text.length && !isRootUser(v.text)) return { user: v.text, create: null, reason: 'the user this Dockerfile switched to earlier' };
  }
  const created = createdUsers(stage);
  if (created.length) return { user: created[created.length - 1], create: null, reason: 'the user created earlier in this Dockerfile' };
  switch (imageFamily(rootImage(stage))) {
    case 'node': return { user: 'node', create: null, reason: 'the node image ships a `node` user' };
    case 'distroless':
    case 'chainguard': return { user: 'nonroot', create: null, reason: 'the image ships a `nonroot` user' };
    case 'dotnet': return { user: 'app', create: null, reason: 'the .NET image ships an `app` user' };
    case 'debian': return { user: 'app', create: CREATE_DEBIAN, reason: 'a system user created with useradd' };
    case 'alpine': return { user: 'app', create: CREATE_ALPINE, reason: 'a system user created with adduser' };
    case 'windows': return { user: 'ContainerUser', create: null, reason: 'Windows images ship a non-administrator `ContainerUser`' };
    default: return { user: NUMERIC_USER, create: null, reason: 'a numeric uid:gid, which needs no account in the image' };
  }
}

/** Instructions after which the build may still need root: the USER switch goes after the last one. */
const BUILD_STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** The instruction after which a USER switch belongs in `stage`: its last build step, else its FROM. */
export function userInsertionAnchor(stage: Stage): Inst {
  for (let k = stage.instructions.length - 1; k >= 0; k--) if (BUILD_STEPS.has(stage.instructions[k].keyword)) return stage.instructions[k];
  return stage.from;
}

/** Whether an instruction after `inst` in its stage may need root (a build step). */
export function buildStepAfter(inst: Inst): boolean {
  const s = inst.stage;
  if (!s) return false;
  return s.instructions.some((i) => i.index > inst.index && BUILD_STEPS.has(i.keyword));
}

/** Write keywords in the case the stage's FROM uses (`from` → `user`). */
export function keywordCase(stage: Stage, keyword: string): string {
  const written = stage.from.node.getInstruction();
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}

function indentOf(model: Model, inst: Inst): string {
  return /^[ \t]*/.exec(model.lines.lineText(inst.range.start.line))![0];
}

/** The lines that create (if needed) and switch to `choice`, each ending without a line break. */
export function userLines(stage: Stage, choice: UserChoice): string[] {
  const out: string[] = [];
  if (choice.create) out.push(`${keywordCase(stage, 'RUN')} ${choice.create}`);
  out.push(`${keywordCase(stage, 'USER')} ${choice.user}`);
  return out;
}

/** An edit inserting `lines` on new lines after `anchor`, with the anchor's indentation and the file's line ending. */
export function insertLinesAfter(model: Model, anchor: Inst, lines: string[]): TextEdit {
  const line = anchor.range.end.line;
  const pos = model.lines.positionAt(model.lines.lineEnd(line));
  const indent = indentOf(model, anchor);
  return { range: { start: pos, end: pos }, newText: lines.map((l) => model.eol + indent + l).join('') };
}

/** An edit inserting `lines` on new lines before `inst`. */
export function insertLinesBefore(model: Model, inst: Inst, lines: string[]): TextEdit {
  const indent = indentOf(model, inst);
  const pos = inst.range.start;
  return { range: { start: pos, end: pos }, newText: lines.map((l) => l + model.eol + indent).join('') };
}

/**
 * The fix that makes `stage` (the final stage) end as a non-root user, chosen by chooseUser.
 * `rootUser` is the USER instruction that switches to root (DL3002), or null when the chain
 * has no USER at all (LW1001). The switch goes after the last instruction that may need root:
 * a root USER with no build step after it in the stage is rewritten in place; otherwise the
 * USER (and, where the user must be created, a RUN that creates it) is inserted after the
 * stage's last build step, or after its FROM. Always a suggestion: the program then runs
 * without root, which it may need (ports below 1024, files owned by root).
 */
export function nonRootUserFix(model: Model, stage: Stage, rootUser: Inst | null): Fix {
  const choice = chooseUser(stage);
  const title = choice.create ? `Create user ${choice.user} and switch to it` : `Switch to user ${choice.user}`;
  const word = rootUser?.args[0];
  if (rootUser && word && rootUser.stage === stage && !buildStepAfter(rootUser)) {
    if (!choice.create) return { title, edits: [{ range: word.range, newText: choice.user }], safety: 'suggestion' };
    // The RUN that creates the user must run as root: before this USER only when no
    // earlier USER may have switched away from the image's default (root).
    const earlier = userInstructions(stage).some((u) => u.index < rootUser.index);
    if (!earlier) {
      return {
        title,
        edits: [insertLinesBefore(model, rootUser, [`${keywordCase(stage, 'RUN')} ${choice.create}`]), { range: word.range, newText: choice.user }],
        safety: 'suggestion',
      };
    }
    return { title, edits: [insertLinesAfter(model, rootUser, userLines(stage, choice))], safety: 'suggestion' };
  }
  return { title, edits: [insertLinesAfter(model, userInsertionAnchor(stage), userLines(stage, choice))], safety: 'suggestion' };
}

// ENV names that official images set in their image config (facts from their published
// Dockerfiles). Images not listed here have unknown ENV. PATH is set for every build.
const JAVA_ENV = ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'];
const OFFICIAL_ENV: Record<string, string[]> = {
  alpine: [], busybox: [], debian: [], ubuntu: [], fedora: [], almalinux: [], rockylinux: [], amazonlinux: [], oraclelinux: [], archlinux: [],
  python: ['LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'],
  node: ['NODE_VERSION', 'YARN_VERSION'],
  golang: ['GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN'],
  rust: ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'],
  ruby: ['LANG', 'RUBY_VERSION', 'RUBY_DOWNLOAD_URL', 'RUBY_DOWNLOAD_SHA256', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG'],
  php: ['PHPIZE_DEPS', 'PHP_INI_DIR', 'APACHE_CONFDIR', 'APACHE_ENVVARS', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_LDFLAGS', 'GPG_KEYS', 'PHP_VERSION', 'PHP_URL', 'PHP_ASC_URL', 'PHP_SHA256'],
  openjdk: JAVA_ENV, 'eclipse-temurin': JAVA_ENV, amazoncorretto: JAVA_ENV, sapmachine: JAVA_ENV, 'ibm-semeru-runtimes': JAVA_ENV,
  maven: [...JAVA_ENV, 'MAVEN_HOME', 'MAVEN_CONFIG'],
  gradle: [...JAVA_ENV, 'GRADLE_HOME', 'GRADLE_VERSION'],
  tomcat: [...JAVA_ENV, 'CATALINA_HOME', 'TOMCAT_NATIVE_LIBDIR', 'LD_LIBRARY_PATH', 'GPG_KEYS', 'TOMCAT_MAJOR', 'TOMCAT_VERSION', 'TOMCAT_SHA512'],
  nginx: ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE'],
  httpd: ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES'],
  postgres: ['GOSU_VERSION', 'LANG', 'PG_MAJOR', 'PG_VERSION', 'PGDATA'],
};

/**
 * ENV names the external image `ref` sets, for the official images we know (PATH included);
 * `scratch` sets none but PATH; null when the image is unknown (its ENV cannot be seen).
 */
export function knownImageEnv(ref: ImageRef): ReadonlySet<string> | null {
  if (ref.resolved === null) return null;
  if (ref.isScratch) return new Set(['PATH']);
  const official = officialImageName(ref);
  const names = official !== null ? OFFICIAL_ENV[official] : undefined;
  return names ? new Set(['PATH', ...names]) : null;
}

/** The stages whose layers end up in the image: the final stage and the stages it builds on. */
export function imageStages(model: Model): Set<Stage> {
  const final = model.stages.find((s) => s.isFinal);
  return new Set<Stage>(final ? stageChain(final) : []);
}
