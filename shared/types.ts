// Types shared by the engine, the language server, the CLI and the VS Code client.
// No runtime dependencies: plain data shapes only. Positions are 0-based, characters are
// UTF-16 code units (the LSP convention), so a Range here is structurally an LSP Range.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

/** Severity of a finding. `hint` is what hadolint calls `style`. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** What a user may set a rule to. */
export type RuleSetting = Severity | 'off' | 'on';
export type Category = 'security' | 'size' | 'cache' | 'correctness' | 'maintainability' | 'style';
export type FixAvailability = 'none' | 'sometimes' | 'always';
/** `safe`: applying it cannot change what the image does (used by --fix and fix-all). */
export type FixSafety = 'safe' | 'suggestion';

export interface RuleDocs {
  /** What the rule flags, one or two sentences. */
  what: string;
  /** Why it matters, tied to the best practice. */
  why: string;
  bad: string;
  good: string;
  /** How the fix behaves (or why there is none). */
  fix: string;
  /** Where we deliberately differ from a reference tool. */
  notes?: string;
}

export interface RuleMeta {
  code: string;
  name: string;
  aliases: string[];
  severity: Severity;
  category: Category;
  enabledByDefault: boolean;
  fixable: FixAvailability;
  docs: RuleDocs;
}

export interface Fix {
  title: string;
  /** Edits of the linted Dockerfile (may be empty when the fix only touches `files`). */
  edits: TextEdit[];
  safety: FixSafety;
  /**
   * Changes to other files (the build context's `.dockerignore`). Only ever on `suggestion`
   * fixes: `--fix` and fix-all never write another file; the editor applies them as a
   * WorkspaceEdit (CreateFile plus text edits).
   */
  files?: FileChange[];
}

/** A change to a file beside the Dockerfile, addressed by the host path the host supplied. */
export interface FileChange {
  /** Host path, exactly as given in the build-context facts (`dockerignorePath`). */
  path: string;
  /** true: the file does not exist yet and is created with `edits` applied to empty text. */
  create: boolean;
  edits: TextEdit[];
}

export interface Finding {
  code: string;
  name: string;
  aliases: string[];
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

/** Options the front ends pass to the engine. */
export interface LintOptions {
  /** Per code, name or alias: a severity, `off`, or `on` (default severity). */
  rules?: Record<string, RuleSetting>;
  /** Codes/names/aliases to enable on top of the defaults; `all` enables every rule. */
  enable?: string[];
  /** Codes/names/aliases to disable. Wins over `enable`. */
  disable?: string[];
  /**
   * `false`: do not honour ignore pragmas (`# hadolint ignore=`, `# hadolint global ignore=`,
   * `# layerwise [global] ignore=`), as hadolint's `disable-ignore-pragma`. Default true.
   * A `# check=skip=` comment above an instruction counts as a pragma too; the file-wide
   * BuildKit `# check=` parser directive is still honoured.
   */
  ignorePragmas?: boolean;
}
