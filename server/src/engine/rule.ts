// The shape of one rule module: metadata as data plus a pure check over the model.
import type { Fix, Range, RuleMeta } from '../../../shared/types';
import type { Model } from './model';

/**
 * Facts about the build context, gathered by the host (CLI, language server) before linting:
 * rules never touch the file system themselves.
 */
export interface BuildContextFacts {
  /** The context folder as shown to the user (messages only). */
  readonly path: string;
  /**
   * Text of the ignore file in effect (`<Dockerfile name>.dockerignore` beside the Dockerfile,
   * which Docker prefers, else the context's `.dockerignore`), or null when there is none.
   */
  readonly dockerignore: string | null;
  /**
   * Host path of that ignore file, or of the `.dockerignore` a fix would create when there is
   * none. Fixes that touch it carry it back (Fix.files); without it no such fix is offered.
   */
  readonly dockerignorePath?: string;
  /** Names of the entries at the top of the context (files and folders), for "exists" checks. */
  readonly topLevel: readonly string[];
}

/** Settings from config files that rules read (`.hadolint.yaml` keys and our own). */
export interface RuleSettings {
  readonly trustedRegistries?: readonly string[];
  readonly labelSchema?: Readonly<Record<string, string>>;
  readonly strictLabels?: boolean;
}

/** What the host supplies besides the text. Every field is optional: rules that need one stay silent without it. */
export interface RuleContext {
  readonly settings?: RuleSettings;
  readonly buildContext?: BuildContextFacts;
  /**
   * Set by the engine: the user turned this rule on (`--enable`, a `rules:` setting, a config
   * file) rather than getting it by default. A rule that is on by default for a narrow case
   * only (DL3057: images that EXPOSE a port) widens to its full scope then.
   */
  readonly explicitlyEnabled?: boolean;
}

export interface RawFinding {
  range: Range;
  message: string;
  fixes?: Fix[];
}

export interface Rule {
  meta: RuleMeta;
  check(model: Model, ctx: RuleContext): RawFinding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
