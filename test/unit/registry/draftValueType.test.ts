import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { draftFlags } from '../../../server/src/core/registry/draft';
import { NOW } from '../../helpers/workspace';

/**
 * `flaglint init` drafts a flag's valueType from how the code reads it. PostHog reads a multivariate
 * flag both as on/off (useFeatureFlagEnabled: is any variant on?) and as its variant
 * (useFeatureFlagVariantKey): such a flag is no boolean, and drafting it as one made `flaglint remove
 * --value <variant>` refuse the variant and `--value true` write `true` where a variant was read.
 */
describe('the drafted valueType of a PostHog flag', () => {
  it('is boolean for on/off reads alone, and left out where the code also reads the variant', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-draft-'));
    try {
      fs.mkdirSync(path.join(root, 'src'));
      fs.writeFileSync(
        path.join(root, 'src/landing.ts'),
        [
          "import { useFeatureFlagEnabled, useFeatureFlagVariantKey } from 'posthog-js/react';",
          '',
          "export const useNewFooter = (): boolean => useFeatureFlagEnabled('new-footer') === true;",
          "export const useHeroCopy = () => (useFeatureFlagVariantKey('hero-copy') as 'control' | 'short') || 'control';",
          "export const useInHeroTest = () => useFeatureFlagEnabled('hero-copy');",
          '',
        ].join('\n'),
      );
      const result = await new FlagIndex({ root, cacheDir: false, now: NOW }).scan();
      const drafts = new Map(draftFlags(result.references, root).map((d) => [d.key, d]));
      assert.equal(drafts.get('new-footer')?.valueType, 'boolean');
      assert.ok(drafts.has('hero-copy'));
      assert.equal(drafts.get('hero-copy')?.valueType, undefined);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
