import * as assert from 'node:assert/strict';
import { currentDay, isoDay, sameDay } from '../../../server/src/core/service';
import { startSession, STOREFRONT } from './session';

describe('service: one notion of today', () => {
  afterEach(() => {
    delete process.env.FLAGLINT_NOW;
  });

  it('is the UTC day of the clock, or FLAGLINT_NOW when set', () => {
    delete process.env.FLAGLINT_NOW;
    // 23:30 UTC is still that day whatever the machine's time zone.
    assert.equal(isoDay(currentDay(() => new Date('2026-12-31T23:30:00Z'))), '2026-12-31');
    assert.equal(currentDay(() => new Date('2026-12-31T23:30:00Z')).toISOString(), '2026-12-31T00:00:00.000Z');
    process.env.FLAGLINT_NOW = '2027-02-03';
    assert.equal(isoDay(currentDay(() => new Date('2026-12-31T23:30:00Z'))), '2027-02-03');
    assert.ok(sameDay(new Date('2027-02-03T00:00:00Z'), new Date('2027-02-03T23:59:59Z')));
    assert.ok(!sameDay(new Date('2027-02-03T23:59:59Z'), new Date('2027-02-04T00:00:00Z')));
  });

  it('moves the session’s findings on when the date turns, and leaves them on the same day', async () => {
    process.env.FLAGLINT_NOW = '2026-10-15';
    const s = await startSession(STOREFRONT);
    try {
      const staleKeys = (): string[] =>
        (s.folder.result()?.findings ?? [])
          .filter((f) => f.ruleId === 'stale-flag')
          .map((f) => f.flagKey ?? '')
          .sort();
      assert.ok(!staleKeys().includes('search-v2'), 'search-v2 (expires 2026-12-31) is not stale in October');
      assert.deepEqual(s.workspace.refreshDay(), [], 'the same day rebuilds nothing');

      process.env.FLAGLINT_NOW = '2027-01-01';
      assert.deepEqual(s.workspace.refreshDay(), [s.folder]);
      await s.workspace.scan(s.folder);
      assert.equal(isoDay(s.workspace.today()), '2027-01-01');
      assert.ok(staleKeys().includes('search-v2'), 'in the new year it is');
    } finally {
      s.dispose();
    }
  });
});
