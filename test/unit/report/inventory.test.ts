import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildInventory } from '../../../server/src/core/report';
import { entry, registeredRef, registry } from '../rules/builders';
import { NOW, packageOf, ROOT, sampleScan } from './sampleScan';

describe('buildInventory', () => {
  const rows = buildInventory(sampleScan(), { packageOf, now: NOW });
  const byKey = new Map(rows.map((r) => [r.key, r]));

  it('lists every registered and every unregistered flag once, sorted by key', () => {
    assert.deepEqual(
      rows.map((r) => r.key),
      ['dark-mode', 'legacy-banner', 'new-checkout', 'payments-api-v2', 'search-ranking'],
    );
    assert.equal(byKey.get('dark-mode')?.registered, false);
    assert.equal(byKey.get('dark-mode')?.owner, undefined);
    assert.equal(byKey.get('new-checkout')?.registered, true);
  });

  it('counts references, files and the actual packages beside the declared scope', () => {
    const row = byKey.get('new-checkout')!;
    assert.equal(row.references, 2);
    assert.equal(row.files, 2);
    assert.deepEqual(row.packages, ['@shop/api', '@shop/web']);
    assert.deepEqual(row.scope, ['@shop/web']);
    assert.deepEqual(byKey.get('dark-mode')?.packages, ['@shop/web']);
    assert.equal(byKey.get('dark-mode')?.files, 2);
  });

  it('computes age and days to expiry in UTC days (negative once expired)', () => {
    assert.equal(byKey.get('new-checkout')?.ageDays, 44);
    assert.equal(byKey.get('new-checkout')?.daysToExpiry, 47);
    assert.equal(byKey.get('search-ranking')?.daysToExpiry, -15);
    assert.equal(byKey.get('payments-api-v2')?.daysToExpiry, undefined);
  });

  it('records rollback, dependencies and the problems found for each flag', () => {
    const checkout = byKey.get('new-checkout')!;
    assert.equal(checkout.rollback, true);
    assert.deepEqual(checkout.dependsOn, ['payments-api-v2']);
    // default-mismatch and out-of-scope-reference at the api reference.
    assert.deepEqual(checkout.problems, { error: 0, warning: 2, info: 0, hint: 0 });
    assert.equal(byKey.get('payments-api-v2')?.rollback, true);
    assert.equal(byKey.get('search-ranking')?.rollback, false);
    assert.equal(byKey.get('legacy-banner')?.problems.error, 1, 'archived-flag-in-use');
    assert.equal(byKey.get('dark-mode')?.problems.error, 2, 'unregistered twice');
  });

  it('keeps the same key in two registries of a monorepo apart', () => {
    const web = registry([entry('beta', { owner: '@web' })]);
    const api = {
      ...registry([entry('beta', { owner: '@api' })]),
      path: path.join(ROOT, 'apps/api/flags.yaml'),
      root: path.join(ROOT, 'apps/api'),
    };
    const scan = {
      ...sampleScan(),
      registries: [web, api],
      references: [registeredRef('beta', 'apps/api/src/a.ts', 1)],
      findings: [],
      dynamic: [],
    };
    const beta = buildInventory(scan, { packageOf, now: NOW });
    assert.deepEqual(
      beta.map((r) => [r.owner, r.references]),
      [
        ['@api', 1],
        ['@web', 0],
      ],
    );
  });
});
