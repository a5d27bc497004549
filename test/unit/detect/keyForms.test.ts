import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { ScanResult } from '../../../server/src/core/engine/types';
import type { FlagReference } from '../../../server/src/core/model';
import { filesWithFindings, refsIn, scanFixture, textAt } from './scanFixture';

/**
 * Every way a key can be written, resolved across files the way the compiler would: literals,
 * templates, constants, enums, `as const` objects, barrels and re-exports, namespace and default
 * imports, tsconfig `paths`, a monorepo workspace package, ESM `.js` specifiers and CommonJS.
 * Fixture: test/fixtures/detect/keys (apps/storefront, apps/api, apps/worker, packages/flags).
 */
describe('detection: key forms', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('keys');
  });

  const at = (rel: string, line: number, key: string): FlagReference => {
    const file = path.join(result.root, rel);
    const ref = result.references.find(
      (r) => r.location.file === file && r.location.range.start.line === line - 1 && r.key === key,
    );
    assert.ok(ref, `no reference to ${key} at ${rel}:${line}`);
    return ref;
  };
  /** Where the key's string is declared, as `file:line text`. */
  const definition = (ref: FlagReference): string => {
    assert.ok(ref.keyDefinition, `no keyDefinition for ${ref.key}`);
    return `${path.relative(result.root, ref.keyDefinition.file)}:${ref.keyDefinition.range.start.line + 1} ${textAt(ref.keyDefinition)}`;
  };

  it('resolves literals, templates, local constants, objects, enums, barrels, namespace and default imports in one file', () => {
    assert.deepEqual(refsIn(result, 'apps/storefront/src/checkout/CheckoutPage.ts'), [
      "L11 'one-page-checkout' → one-page-checkout call/literal openfeature:getBooleanValue boolean =false",
      'L12 `address-autocomplete` → address-autocomplete call/template openfeature:getBooleanValue boolean =false',
      'L13 SUMMARY_FLAG → order-summary-v2 call/const openfeature:getBooleanValue boolean =true',
      'L14 `${REVIEWS_PREFIX}-${REGION}-summary` → reviews-eu-summary call/template openfeature:getBooleanValue boolean =false',
      'L15 FLAGS.EXPRESS_SHIPPING → express-shipping call/object openfeature:getBooleanValue boolean =false',
      "L16 FLAGS['GIFT_WRAP'] → gift-wrap call/object openfeature:getBooleanValue boolean =false",
      'L17 FLAGS.CHECKOUT.SAVED_CARDS → saved-cards call/object openfeature:getBooleanValue boolean =false',
      'L18 Banner.Holiday → holiday-banner call/enum openfeature:getBooleanValue boolean =false',
      'L19 flagKeys.Banner.Clearance → clearance-banner call/enum openfeature:getBooleanValue boolean =false',
      'L20 flagKeys.FLAGS.GIFT_WRAP → gift-wrap call/object openfeature:getBooleanValue boolean =false',
      'L21 LEGACY_SEARCH_FLAG → legacy-search call/const openfeature:getBooleanValue boolean =false',
      'L22 legacyFlags.wishlist → wishlist-v1 call/object openfeature:getBooleanValue boolean =false',
      'L23 legacy.compare → product-compare call/object openfeature:getBooleanValue boolean =false',
    ]);
  });

  it('points keyDefinition at the string itself, through `export *`, `export { X as Y }` and default exports', () => {
    const page = 'apps/storefront/src/checkout/CheckoutPage.ts';
    assert.equal(
      definition(at(page, 13, 'order-summary-v2')),
      "apps/storefront/src/checkout/CheckoutPage.ts:6 'order-summary-v2'",
    );
    assert.equal(
      definition(at(page, 15, 'express-shipping')),
      "apps/storefront/src/flags/keys.ts:2 'express-shipping'",
    );
    assert.equal(definition(at(page, 17, 'saved-cards')), "apps/storefront/src/flags/keys.ts:5 'saved-cards'");
    assert.equal(definition(at(page, 18, 'holiday-banner')), "apps/storefront/src/flags/keys.ts:12 'holiday-banner'");
    assert.equal(definition(at(page, 21, 'legacy-search')), "apps/storefront/src/flags/legacy.ts:1 'legacy-search'");
    assert.equal(definition(at(page, 22, 'wishlist-v1')), "apps/storefront/src/flags/legacy.ts:6 'wishlist-v1'");
    // A literal names itself: nothing to point at elsewhere.
    assert.equal(at(page, 11, 'one-page-checkout').keyDefinition, undefined);
  });

  it('follows tsconfig `paths` (with comments and trailing commas) and a workspace package imported by name', () => {
    assert.deepEqual(refsIn(result, 'apps/storefront/src/checkout/Payment.ts'), [
      'L8 NEW_CHECKOUT → new-checkout call/const openfeature:getBooleanValue boolean =false',
      'L9 GUEST_CHECKOUT → guest-checkout call/const openfeature:getBooleanValue boolean =true',
      'L10 Experiment.PdpLayout → pdp-layout call/enum openfeature:getStringValue string ="classic"',
      'L11 OpsFlags.readOnly → read-only-mode call/object openfeature:getBooleanValue boolean =false',
      'L12 FLAGS.GIFT_WRAP → gift-wrap call/object openfeature:getBooleanValue boolean =false',
      'L13 Banner.Clearance → clearance-banner call/enum openfeature:getBooleanValue boolean =false',
    ]);
    const payment = 'apps/storefront/src/checkout/Payment.ts';
    // @acme/flags → packages/flags/package.json (main: dist/index.js) → src/index.ts → export * from './release'.
    assert.equal(definition(at(payment, 8, 'new-checkout')), "packages/flags/src/release.ts:1 'new-checkout'");
    assert.equal(definition(at(payment, 9, 'guest-checkout')), 'packages/flags/src/release.ts:2 `guest-checkout`');
    assert.equal(definition(at(payment, 11, 'read-only-mode')), "packages/flags/src/ops.ts:4 'read-only-mode'");
  });

  it('resolves ESM `.js` specifiers to the .ts source, and a workspace package from a second app', () => {
    assert.deepEqual(refsIn(result, 'apps/api/src/middleware.ts'), [
      'L7 API_FLAGS.rateLimitV2 → rate-limit-v2 call/object launchdarkly:variation boolean =false',
      'L8 API_FLAGS.auditLog → audit-log call/object launchdarkly:variation boolean =true',
      'L9 OpsFlags.maintenance → maintenance-mode call/object launchdarkly:variation boolean =false',
      'L10 Experiment.SearchRanking → search-ranking-v2 call/enum launchdarkly:stringVariation string ="control"',
    ]);
    assert.equal(
      definition(at('apps/api/src/middleware.ts', 7, 'rate-limit-v2')),
      "apps/api/src/flagKeys.ts:2 'rate-limit-v2'",
    );
    assert.deepEqual(refsIn(result, 'apps/api/src/webhooks.ts'), [
      'L5 WEBHOOK_RETRIES_FLAG → webhook-retries call/const launchdarkly:numberVariation number =3',
    ]);
    assert.equal(
      definition(at('apps/api/src/webhooks.ts', 5, 'webhook-retries')),
      "apps/api/src/flagKeys.ts:6 'webhook-retries'",
    );
  });

  it('reads a key from a JSON module (resolveJsonModule, import attributes)', () => {
    assert.deepEqual(refsIn(result, 'apps/api/src/banner.ts'), [
      'L7 banner.bannerFlag → homepage-banner call/object launchdarkly:variation boolean =false',
    ]);
    assert.equal(
      definition(at('apps/api/src/banner.ts', 7, 'homepage-banner')),
      'apps/api/src/banner.json:2 "homepage-banner"',
    );
  });

  it('reads an Object.freeze({...}) of keys like an `as const` object', () => {
    assert.equal(
      definition(at('apps/api/src/middleware.ts', 9, 'maintenance-mode')),
      "packages/flags/src/ops.ts:3 'maintenance-mode'",
    );
  });

  it('resolves CommonJS: require of a module.exports object, destructured require, exports.X in a .cjs file', () => {
    assert.deepEqual(refsIn(result, 'apps/worker/src/jobs.js'), [
      'L11 flagNames.NIGHTLY_REINDEX → nightly-reindex call/const unleash:isEnabled boolean',
      'L12 PURGE_CARTS → purge-abandoned-carts call/const unleash:isEnabled boolean',
      'L13 EMAIL.DIGEST → weekly-digest call/object unleash:isEnabled boolean',
      'L14 limits.THROTTLE_FLAG → worker-throttle call/const unleash:isEnabled boolean',
      'L15 limits.BATCH_FLAG → worker-batching call/const unleash:isEnabled boolean',
    ]);
    assert.equal(
      definition(at('apps/worker/src/jobs.js', 11, 'nightly-reindex')),
      "apps/worker/src/flagNames.js:3 'nightly-reindex'",
    );
    assert.equal(
      definition(at('apps/worker/src/jobs.js', 14, 'worker-throttle')),
      "apps/worker/src/limits.cjs:1 'worker-throttle'",
    );
  });

  it('resolves an ES module (.mjs) importing a CommonJS module, by default and by name', () => {
    assert.deepEqual(refsIn(result, 'apps/worker/src/report.mjs'), [
      'L9 flagNames.PURGE_CARTS → purge-abandoned-carts call/const unleash:isEnabled boolean',
      'L10 EMAIL.DIGEST → weekly-digest call/object unleash:isEnabled boolean',
    ]);
  });

  it('leaves no key unresolved and reads no flag from the files that only declare keys', () => {
    assert.deepEqual(result.dynamic, []);
    assert.deepEqual(filesWithFindings(result), [
      'apps/api/src/banner.ts',
      'apps/api/src/middleware.ts',
      'apps/api/src/webhooks.ts',
      'apps/storefront/src/checkout/CheckoutPage.ts',
      'apps/storefront/src/checkout/Payment.ts',
      'apps/worker/src/jobs.js',
      'apps/worker/src/report.mjs',
    ]);
  });
});
