// Type declarations for the SPDX packages DL3054 uses (they ship no types of their own).
declare module 'spdx-expression-parse' {
  /** Parses an SPDX license expression; throws an Error when it is not one. */
  function parse(source: string): unknown;
  export = parse;
}
declare module 'spdx-license-ids' {
  /** The current SPDX license identifiers. */
  const ids: string[];
  export = ids;
}
declare module 'spdx-license-ids/deprecated' {
  const ids: string[];
  export = ids;
}
declare module 'spdx-exceptions' {
  /** SPDX license exception identifiers (for `WITH`). */
  const ids: string[];
  export = ids;
}
