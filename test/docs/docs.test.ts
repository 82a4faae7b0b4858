import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderAll } from '../../scripts/gen-docs';
import { allRules } from '../../server/src/rules';

const dir = path.join(__dirname, '..', '..', '..', 'docs', 'rules');

describe('rule docs', () => {
  it('docs/rules/ matches the rule metadata (run `npm run docs` after changing a rule)', () => {
    for (const [file, text] of renderAll()) {
      const p = path.join(dir, file);
      assert.ok(fs.existsSync(p), `${file} is missing`);
      assert.equal(fs.readFileSync(p, 'utf8'), text, `${file} is out of date`);
    }
  });
  it('every rule has a unique code, name and aliases', () => {
    const seen = new Map<string, string>();
    for (const r of allRules) {
      for (const id of [r.meta.code, r.meta.name, ...r.meta.aliases]) {
        const k = id.toLowerCase();
        assert.ok(!seen.has(k), `${id} is used by ${seen.get(k)} and ${r.meta.code}`);
        seen.set(k, r.meta.code);
      }
    }
  });
  it('every rule file is named <code>-<name>.ts and listed', () => {
    const files = fs.readdirSync(path.join(__dirname, '..', '..', '..', 'server', 'src', 'rules')).filter((f) => /^(DL|LW)\d{4}-/.test(f));
    const expected = allRules.map((r) => `${r.meta.code}-${r.meta.name}.ts`).sort();
    assert.deepEqual(files.sort(), expected);
  });
});
