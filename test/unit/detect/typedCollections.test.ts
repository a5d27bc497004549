import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { refsIn, scanFixture } from './scanFixture';

/**
 * A flag collection named by its type (`scan.collections: [PlanEntitlements]`): the value is read
 * under whatever name a function gives it, a destructured prop too, and its keys can sit in a table
 * of rows. Fixture: test/fixtures/detect/typed-collections.
 */
describe('detection: collections named by their type', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('typed-collections');
  });

  it('counts reads of a parameter or destructured prop declared with the type, and the table rows those reads take their key from', () => {
    const refs = refsIn(result, 'src/settings/entitlementRows.ts');
    assert.deepEqual(
      refs.filter((r) => / → (sso|auditExport) /.test(r)).map((r) => r.split(' ').slice(0, 4).join(' ')),
      ["L6 'sso' → sso", "L7 'auditExport' → auditExport"],
    );
    assert.deepEqual(
      refs.filter((r) => r.includes('→ seats')).map((r) => r.split(' ')[0]),
      ['L19', 'L19'],
      'plan?.seats and plan.seats, plan typed PlanEntitlements | null',
    );
  });

  it('does not count the same words on values of other types', () => {
    assert.deepEqual(refsIn(result, 'src/profile/profileCard.ts'), []);
    assert.equal(
      result.dynamic.some((d) => d.location.file.endsWith('profileCard.ts')),
      false,
    );
  });
});
