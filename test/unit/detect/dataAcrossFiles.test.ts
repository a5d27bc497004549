import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { refsIn, scanFixture } from './scanFixture';

/**
 * Keys held in a table exported by one module and evaluated in another
 * (`NAV_ROUTES.filter((route) => isFeatureEnabled(route.flag))`). Fixture: test/fixtures/detect/data-across-files.
 */
describe('detection: data tables imported from another file', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('data-across-files');
  });

  it("counts the imported table's rows for each property the evaluation reads, located in the table's file, once however many files evaluate them", () => {
    assert.deepEqual(
      refsIn(result, 'src/nav/routes.ts').map((r) => r.split(' ').slice(0, 4).join(' ')),
      [
        "L10 'usage-reports' → usage-reports",
        "L11 'workflow-automations' → workflow-automations",
        "L12 'legacy-exports' → legacy-exports",
      ],
    );
    const reports = result.references.find((r) => r.key === 'usage-reports');
    assert.equal(reports?.shape, 'data');
    assert.ok(reports?.evaluation?.file.endsWith('sideMenu.ts'), 'the evaluation is where the table is read');
    assert.equal(result.dynamic.length, 0, 'route.flag is followed, not left as a dynamic key');
  });

  it('does not count rows of an imported table that no evaluation reads', () => {
    assert.equal(
      result.references.some((r) => r.key === 'ghost-nav'),
      false,
    );
    assert.deepEqual(refsIn(result, 'src/legacy/oldRoutes.ts'), []);
  });
});
