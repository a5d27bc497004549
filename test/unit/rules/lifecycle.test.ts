import * as assert from 'node:assert/strict';
import type { Finding, FlagEntry, RuleId } from '../../../server/src/core/model';
import { runRules } from '../../../server/src/core/rules';
import { context, entry, registeredRef, registry, REGISTRY_FILE } from './builders';
import { must } from '../../helpers/must';

function only(findings: Finding[], id: RuleId): Finding[] {
  return findings.filter((f) => f.ruleId === id);
}

/** stale-flag findings for one entry referenced twice in code (NOW is 2026-10-15). */
function stale(e: FlagEntry, policy = {}): Finding[] {
  const refs = [registeredRef(e.key, 'src/a.ts', 3), registeredRef(e.key, 'src/b.ts', 5)];
  return only(runRules(context(registry([e], { policy }), refs)), 'stale-flag');
}

describe('stale-flag', () => {
  const base = { owner: '@web', rollback: 'turn it off' };

  it('reports an expired flag at each reference and once at the registry entry', () => {
    const e = entry('new-checkout', { ...base, type: 'release', created: '2026-09-01', expires: '2026-10-01' });
    const found = stale(e);
    assert.equal(found.length, 3);
    const inRegistry = found.filter((f) => f.location.file === REGISTRY_FILE);
    assert.equal(inRegistry.length, 1);
    assert.deepEqual(must(inRegistry[0]).location, e.location);
    assert.match(must(inRegistry[0]).message, /expired on 2026-10-01 \(14 days ago\)/);
    assert.match(must(inRegistry[0]).message, /still evaluated in 2 places \(2 files\)/);
    assert.equal(must(inRegistry[0]).related?.length, 2);
    const inCode = found.filter((f) => f.location.file !== REGISTRY_FILE);
    assert.equal(inCode.length, 2);
    assert.equal(must(inCode[0]).severity, 'warning');
    assert.deepEqual(must(must(inCode[0]).related?.[0]).location, e.location);
  });

  it('is not stale on the expiry day itself', () => {
    assert.equal(
      stale(entry('x', { ...base, type: 'release', created: '2026-10-01', expires: '2026-10-15' })).length,
      0,
    );
  });

  it('counts the age limit per type from created, and only after the grace period', () => {
    // Default policy: release 90 days, experiment 60, grace 14.
    assert.equal(
      stale(entry('old-release', { ...base, type: 'release', created: '2026-07-01' })).length,
      3,
      '106 days > 90',
    );
    assert.equal(
      stale(entry('young-release', { ...base, type: 'release', created: '2026-08-01' })).length,
      0,
      '75 days <= 90',
    );
    assert.equal(
      stale(entry('old-ops', { ...base, type: 'ops', created: '2020-01-01' })).length,
      0,
      'ops has no age limit',
    );
    assert.match(
      must(stale(entry('old-exp', { ...base, type: 'experiment', created: '2026-08-01' }))[0]).message,
      /75 days old, over the 60-day limit for experiment flags/,
    );
    // A limit shorter than the grace period waits for the grace period.
    assert.equal(
      stale(entry('new-exp', { ...base, type: 'experiment', created: '2026-10-05' }), {
        maxAgeDays: { experiment: 5 },
        gracePeriodDays: 14,
      }).length,
      0,
    );
    assert.equal(
      stale(entry('new-exp', { ...base, type: 'experiment', created: '2026-09-25' }), {
        maxAgeDays: { experiment: 5 },
        gracePeriodDays: 14,
      }).length,
      3,
    );
  });

  it('reports rolled-out and deprecated flags still in code', () => {
    assert.match(must(stale(entry('shipped', { ...base, status: 'rolled-out' }))[0]).message, /it is rolled out/);
    assert.match(must(stale(entry('going', { ...base, status: 'deprecated' }))[0]).message, /it is deprecated/);
    assert.equal(stale(entry('live', { ...base, status: 'active' })).length, 0);
  });

  it('never reports permanent flags, nor archived ones (archived-flag-in-use does)', () => {
    assert.equal(
      stale(
        entry('kill', {
          ...base,
          permanent: true,
          status: 'rolled-out',
          expires: '2020-01-01',
          type: 'release',
          created: '2019-01-01',
        }),
      ).length,
      0,
    );
    assert.equal(stale(entry('gone', { ...base, status: 'archived', expires: '2020-01-01' })).length, 0);
  });

  it('does not report a stale flag that is no longer referenced', () => {
    const e = entry('old', { ...base, expires: '2020-01-01' });
    assert.equal(only(runRules(context(registry([e]), [])), 'stale-flag').length, 0);
  });

  it('ignores dates that are not real YYYY-MM-DD dates', () => {
    assert.equal(stale(entry('odd', { ...base, expires: '2026-02-30' })).length, 0);
    assert.equal(stale(entry('odd', { ...base, expires: 'soon' })).length, 0);
  });
});

describe('unused-flag', () => {
  function unused(entries: FlagEntry[], refs = [registeredRef('used', 'src/a.ts', 1)]): string[] {
    return only(runRules(context(registry([entry('used', { owner: '@a' }), ...entries]), refs)), 'unused-flag')
      .map((f) => f.flagKey!)
      .sort();
  }

  it('reports active and rolled-out flags that nothing evaluates, at the registry entry', () => {
    const e = entry('forgotten', { owner: '@a', status: 'active', created: '2026-01-01' });
    const found = only(runRules(context(registry([e]), [])), 'unused-flag');
    assert.equal(found.length, 1);
    assert.deepEqual(must(found[0]).location, e.location);
    assert.equal(must(found[0]).severity, 'warning');
    assert.match(
      must(found[0]).message,
      /'forgotten' is active but no code evaluates it\. It was created 287 days ago/,
    );
    assert.deepEqual(unused([entry('shipped', { status: 'rolled-out' }), entry('no-status', {})]), [
      'no-status',
      'shipped',
    ]);
  });

  it('skips proposed, deprecated and archived flags', () => {
    assert.deepEqual(
      unused([
        entry('p', { status: 'proposed' }),
        entry('d', { status: 'deprecated' }),
        entry('a', { status: 'archived' }),
      ]),
      [],
    );
  });

  it('skips flags created within the grace period', () => {
    assert.deepEqual(
      unused([entry('brand-new', { created: '2026-10-10' }), entry('older', { created: '2026-09-20' })]),
      ['older'],
    );
  });

  it('counts references through aliases as use', () => {
    const refs = [
      registeredRef('used', 'src/a.ts', 1),
      { ...registeredRef('newCheckout', 'src/a.tsx', 2), registryKey: 'new-checkout' },
    ];
    assert.deepEqual(unused([entry('new-checkout', { aliases: ['newCheckout'] })], refs), []);
  });
});
