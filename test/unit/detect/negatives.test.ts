import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { filesWithFindings, fixturePath, refsIn, scanFixture } from './scanFixture';

/**
 * What must not count as a flag reference: calls in comments, keys in ordinary strings, SDK-like
 * method names on unrelated objects, a local function that shares a hook's name, and files in
 * node_modules, build output, .gitignored folders and declaration files.
 * Fixture: test/fixtures/detect/negatives.
 */
describe('detection: negatives', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('negatives');
  });

  it('finds only the real evaluation in a file full of comments, log messages and i18n keys', () => {
    assert.deepEqual(refsIn(result, 'src/checkout.ts'), [
      "L18 'real-checkout-flag' → real-checkout-flag call/literal launchdarkly:variation boolean =false",
    ]);
  });

  it('ignores isEnabled/getValue/hasFeature/isOn/variation on objects that are not flag clients, and a local useFlag()', () => {
    // validator.isEnabled('email'), appConfig.getValue('timeout'), environment.getValue('PORT'),
    // plan.hasFeature('sso'), p.isOn('export'), palette.variation('primary'), map.get/set and
    // useFlag() defined in the file.
    assert.deepEqual(refsIn(result, 'src/lib/settings.ts'), []);
  });

  it('skips node_modules, dist, .gitignored folders and files (root and nested .gitignore) and .d.ts files', async () => {
    const index = new FlagIndex({ root: fixturePath('negatives'), cacheDir: false });
    await index.scan();
    const listed = index
      .sourceFiles()
      .map((f) => path.relative(index.root, f).split(path.sep).join('/'))
      .sort();
    assert.deepEqual(listed, [
      'packages/legacy/src/index.ts',
      'src/checkout.ts',
      'src/i18n/t.ts',
      'src/lib/ld.ts',
      'src/lib/logger.ts',
      'src/lib/settings.ts',
    ]);
    const keys = result.references.map((r) => r.key).sort();
    assert.deepEqual(keys, ['legacy-reports', 'real-checkout-flag']);
  });

  it('reports nothing else', () => {
    assert.deepEqual(filesWithFindings(result), ['packages/legacy/src/index.ts', 'src/checkout.ts']);
    assert.deepEqual(result.dynamic, []);
    assert.deepEqual(result.notes, []);
  });
});
