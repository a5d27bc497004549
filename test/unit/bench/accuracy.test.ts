import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readList, score } from '../../../bench/src/accuracy';
import { REPO_ROOT } from '../../helpers/workspace';

describe('npm run accuracy: scoring against a hand-checked list', () => {
  const expected = [
    { file: 'src/a.ts', line: 3, key: 'new-nav', form: 'wrapper' },
    { file: 'src/b.ts', line: 10, key: 'new-nav', form: 'property' },
    { file: 'src/c.ts', line: 7, key: 'beta', form: 'collection' },
  ];

  it('counts a reference at the listed file, line and registry key as found; others as misses by form', () => {
    const s = score(expected, [
      { file: 'src/a.ts', line: 3, key: 'newNav', registryKey: 'new-nav' },
      { file: 'src/c.ts', line: 8, key: 'beta' },
    ]);
    assert.equal(s.found, 1);
    assert.equal(s.recall, 1 / 3);
    assert.deepEqual(s.missesByForm, { property: 1, collection: 1 });
  });

  it('counts references of sampled flags that the list does not hold against precision, and ignores other flags', () => {
    const s = score(expected, [
      { file: 'src/a.ts', line: 3, key: 'new-nav' },
      { file: 'src/b.ts', line: 10, key: 'new-nav' },
      { file: 'src/c.ts', line: 7, key: 'beta' },
      { file: 'src/d.ts', line: 1, key: 'beta' },
      { file: 'src/e.ts', line: 1, key: 'not-sampled' },
    ]);
    assert.equal(s.recall, 1);
    assert.equal(s.sampledReported, 4);
    assert.equal(s.precision, 3 / 4);
    assert.deepEqual(
      s.extras.map((r) => r.file),
      ['src/d.ts'],
    );
  });

  it('reads the lists kept in bench/accuracy, and names a malformed row', () => {
    const dir = path.join(REPO_ROOT, 'bench', 'accuracy');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.tsv'))) {
      const rows = readList(path.join(dir, f));
      assert.ok(rows.length > 0, `${f} lists evaluations`);
      for (const r of rows) assert.ok(r.form !== '', `${f}: ${r.file}:${r.line} names its form`);
    }
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'acc-')), 'x.tsv');
    fs.writeFileSync(bad, 'src/a.ts\tnot-a-line\tkey\tform\n');
    assert.throws(() => readList(bad), /bad row 'src\/a.ts\tnot-a-line/);
  });
});
