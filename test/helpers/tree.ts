// Temporary folder trees for tests that read the file system.
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A new folder `<parent>/<prefix><n>` holding `files`: path → text, or null for an empty
 * folder. Parent folders are created as needed.
 */
export function makeTree(parent: string, prefix: string, files: Record<string, string | null>): string {
  let dir: string;
  for (let n = 0; ; n++) { dir = path.join(parent, `${prefix}${n}`); if (!fs.existsSync(dir)) break; }
  fs.mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    if (text === null) fs.mkdirSync(p, { recursive: true });
    else { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, text); }
  }
  return dir;
}
