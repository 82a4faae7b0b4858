// Where the shell parser's WASM files live: next to the bundle (dist/, the VSIX) or, when
// running from the compiled sources, in node_modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initShellParser } from '../engine/shell';

export function locateWasm(file: string): string {
  const local = path.join(__dirname, file);
  if (fs.existsSync(local)) return local;
  if (file === 'tree-sitter-bash.wasm') return require.resolve('tree-sitter-bash/tree-sitter-bash.wasm');
  return require.resolve('web-tree-sitter/web-tree-sitter.wasm');
}

/** Initialise the engine's shell parser once per process. */
export function initEngine(): Promise<void> {
  return initShellParser(locateWasm);
}
