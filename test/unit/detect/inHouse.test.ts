import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { createDetectorConfig, prefilterRegex } from '../../../server/src/core/detect/detectorConfig';
import { defaultScan } from '../../../server/src/core/registry/defaults';
import { readScan } from '../../../server/src/core/registry/sections';
import { dynamicIn, refsIn, scanFixture } from './scanFixture';

/**
 * An in-house flag system with no vendor SDK: keys passed inside command objects (built by a
 * factory, `new`, or a local first), membership tests on declared flag collections, property
 * reads, a FeatureFlags class whose generic `isEnabled` must not be labelled as a vendor's, keys
 * still being typed, and made-up keys in tests. Fixture: test/fixtures/detect/in-house.
 */
describe('detection: in-house flag APIs', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('in-house');
  });

  it('finds keys inside object arguments, through a factory call, `new`, a local constant and a registry keyPath', () => {
    assert.deepEqual(refsIn(result, 'src/billing/invoiceService.ts'), [
      'L18 FeatureFlagKey.UsageBilling → usage-billing call/enum custom:this.getFeatureFlag.execute',
      'L19 FeatureFlagKey.InvoicePdfV2 → invoice-pdf-v2 call/enum custom:this.getFeatureFlag.execute',
      'L21 FeatureFlagKey.TaxEngine → tax-engine call/enum custom:this.flagService.evaluate',
      "L22 'bulk-archive' → bulk-archive call/literal custom:this.featureGate.execute",
    ]);
    assert.ok(
      result.references
        .filter((r) => r.location.file.endsWith('invoiceService.ts'))
        .every((r) => r.shape === 'key-object'),
    );
  });

  it('does not take a `name` or `key` property of an object passed to anything else (a log entry) for a flag', () => {
    assert.equal(
      result.references.some((r) => r.key === 'invoice-rendered'),
      false,
    );
  });

  it('ignores an empty key and a literal still being typed, without a dynamic-key finding', () => {
    assert.deepEqual(dynamicIn(result, 'src/billing/invoiceService.ts'), []);
    assert.deepEqual(refsIn(result, 'src/editor/typing.ts'), []);
    assert.deepEqual(dynamicIn(result, 'src/editor/typing.ts'), []);
    assert.equal(
      result.references.some((r) => r.key.trim() === ''),
      false,
    );
  });

  it('counts includes/has/in on declared collections and property reads, and nothing on undeclared arrays or on the list itself', () => {
    assert.deepEqual(refsIn(result, 'src/admin/settingsNav.ts'), [
      "L13 'audit-log' → audit-log call/literal collection:organization.features.includes boolean",
      "L14 'sso-enforcement' → sso-enforcement call/literal collection:enabledFlags.has boolean",
      'L15 kanbanSwimlanes → kanbanSwimlanes property/property pattern:config.featureToggles.*',
      "L16 'kanban-swimlanes' → kanban-swimlanes call/literal collection:in flagOverrides boolean",
    ]);
    assert.deepEqual(
      result.references
        .filter((r) => r.shape === 'membership')
        .map((r) => r.key)
        .sort(),
      ['audit-log', 'audit-log', 'kanban-swimlanes', 'sso-enforcement'],
    );
    assert.deepEqual(
      refsIn(result, 'src/admin/auditTab.ts'),
      ["L7 'audit-log' → audit-log call/literal collection:organization.features.includes boolean"],
      'destructured from organization',
    );
    assert.equal(refsIn(result, 'src/shell/bootstrap.ts').length, 2, "window.__FLAGS__.x and window.__FLAGS__['x']");
  });

  it("labels the project's own FeatureFlags.isEnabled as in-house, not as the SDK whose method name it shares", () => {
    assert.deepEqual(refsIn(result, 'src/editor/Toolbar.ts'), [
      'L6 Feature.InlineComments → inline-comments call/object in-house:isEnabled boolean',
      'L7 Feature.OfflineMode → offline-mode call/object in-house:isEnabled boolean',
    ]);
  });

  it('reports a made-up key seen only in tests as a hint, and a real flag in a test as a reference', () => {
    const refs = refsIn(result, 'src/billing/__tests__/invoiceService.test.ts');
    assert.equal(refs.length, 2);
    const madeUp = result.findings.find((f) => f.ruleId === 'unregistered-flag' && f.flagKey === 'toggle-name');
    assert.ok(madeUp);
    assert.equal(madeUp.severity, 'hint');
    assert.match(madeUp.message, /evaluated only in tests/);
    assert.equal(result.findings.filter((f) => f.severity === 'error').length, 0);
  });

  it('follows a dynamic key read from a row (`isFeatureEnabled(item.flag)`) to the rows of the table in its file', () => {
    assert.deepEqual(refsIn(result, 'src/shell/navigation.ts'), [
      "L12 'usage-reports' → usage-reports call/literal custom:isFeatureEnabled",
      "L13 'workflow-automations' → workflow-automations call/literal custom:isFeatureEnabled",
    ]);
    assert.deepEqual(dynamicIn(result, 'src/shell/navigation.ts'), [], 'the site is explained by its rows');
    assert.deepEqual(refsIn(result, 'src/admin/licenseTable.ts'), [
      "L7 'sso' → sso property/literal collection:licenseFeatures",
      "L8 'auditExport' → auditExport property/literal collection:licenseFeatures",
    ]);
    assert.ok(
      result.references.filter((r) => r.location.file.endsWith('navigation.ts')).every((r) => r.shape === 'data'),
    );
  });

  it("follows a table library's row callback (`cell: (row) => isFeatureEnabled(row.flag)`) to the rows", () => {
    assert.deepEqual(refsIn(result, 'src/admin/featureColumns.ts'), [
      "L9 'offline-mode' → offline-mode call/literal custom:isFeatureEnabled",
      "L10 'inline-comments' → inline-comments call/literal custom:isFeatureEnabled",
    ]);
  });

  it('follows wrappers through a returned closure and the hook that calls it', () => {
    assert.deepEqual(refsIn(result, 'src/editor/StatusBar.ts'), [
      "L5 'offline-mode' → offline-mode wrapper-call/literal custom:useFlag",
      "L7 'inline-comments' → inline-comments wrapper-call/literal custom:useFlagEvaluator",
    ]);
    assert.deepEqual(dynamicIn(result, 'src/flags/hooks.ts'), [], 'the closure is a wrapper, not a dynamic key');
  });

  it('does not count a `flag:` property of a table that nothing evaluates', () => {
    assert.deepEqual(refsIn(result, 'src/shell/legacyRoutes.ts'), []);
  });

  it('parses a file for a collection only where the collection is read or destructured, not where its name is prose', () => {
    const re = prefilterRegex(
      createDetectorConfig([{ ...defaultScan(), presets: [], collections: ['organization.features'] }]),
    );
    for (const code of [
      "org.features.includes('x')",
      'features?.[k]',
      "'x' in this.features",
      'const { id, features } = organization',
    ])
      assert.match(code, re);
    assert.doesNotMatch('<p>All features of the Pro plan</p>', re);
  });

  it('reads keyPath, collections and tests from the scan section', () => {
    const scan = readScan({
      functions: [
        { name: 'gate.execute', keyPath: 'query.flag' },
        { name: 'b', keyPath: ['body', 'key'] },
        { name: 'c', keyPath: '' },
      ],
      collections: ['organization.features'],
      tests: ['spec/**'],
    });
    assert.deepEqual(
      scan.functions.map((f) => f.keyPath),
      [['query', 'flag'], ['body', 'key'], undefined],
    );
    assert.deepEqual(scan.collections, ['organization.features']);
    assert.deepEqual(scan.tests, ['spec/**']);
  });
});
