import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { filesWithFindings, refsIn, scanFixture } from './scanFixture';

/**
 * What the registry's `scan` section and `aliases` add to detection: custom functions and methods
 * (with key and fallback positions), key objects, property patterns, a restricted preset list, and
 * case variants mapped to registry keys. Fixture: test/fixtures/detect/custom (flags.yaml + src/).
 */
describe('detection: the registry scan section and aliases', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('custom');
  });

  it('custom functions (plain, receiver.method, *.method with keyArg), key objects and property patterns', () => {
    assert.deepEqual(refsIn(result, 'src/jobs/closeMonth.ts'), [
      "L11 'bulk-import' → bulk-import call/literal custom:isToggleOn boolean",
      "L12 'ledger-reconcile' → ledger-reconcile call/literal custom:features.enabled boolean =true",
      "L13 'ledger-audit' → ledger-audit call/literal custom:this.features.enabled boolean",
      "L14 'multi-currency' → multi-currency call/literal custom:tenantStore.readFlag",
      'L15 FLAGS.NEW_CHECKOUT → new-checkout call/object custom:evaluate',
      'L16 instantClose → instantClose property/property pattern:config.featureToggles.*',
      "L17 'ledger-archive' → ledger-archive property/literal pattern:config.featureToggles.*",
      'L18 FLAGS.LEDGER_EXPORT → ledger-export property/object pattern:featureFlags[*]',
      "L19 'pdf-receipts' → pdf-receipts property/literal pattern:featureFlags[*]",
    ]);
  });

  it('maps an alias and a camelCase spelling to the registry key; other keys map to themselves or nothing', () => {
    assert.deepEqual(refsIn(result, 'src/web/Settings.tsx'), [
      'L4 newCheckoutFlow → newCheckoutFlow destructure/property launchdarkly:useFlags',
      'L4 darkMode → darkMode destructure/property launchdarkly:useFlags',
    ]);
    const registryKey = (key: string) => result.references.find((r) => r.key === key)?.registryKey;
    assert.equal(registryKey('newCheckoutFlow'), 'new-checkout');
    assert.equal(registryKey('darkMode'), 'dark_mode');
    assert.equal(registryKey('instantClose'), 'instant-close');
    assert.equal(registryKey('new-checkout'), 'new-checkout');
    assert.equal(registryKey('bulk-import'), 'bulk-import');
    assert.equal(registryKey('ledger-audit'), undefined);
  });

  it('with `presets: [launchdarkly]`, Unleash calls are not flag references', () => {
    assert.deepEqual(refsIn(result, 'src/jobs/legacyToggles.ts'), []);
    assert.deepEqual(filesWithFindings(result), ['src/jobs/closeMonth.ts', 'src/web/Settings.tsx']);
  });

  it('the bodies of the custom functions (a parameter as key) are neither references nor dynamic keys', () => {
    assert.deepEqual(result.dynamic, []);
  });
});
