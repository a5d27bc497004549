import * as assert from 'node:assert/strict';
import { closest } from '../../../server/src/core/rules/suggest';

describe('closest (did you mean)', () => {
  const keys = Array.from({ length: 2000 }, (_, i) => `team-${i % 40}-feature-${i}`).concat([
    'new-checkout',
    'payments-api-v2',
    'search-ranking',
  ]);

  it('finds a key one or two edits away among thousands, ignoring case', () => {
    assert.equal(closest('new-chekout', keys), 'new-checkout');
    assert.equal(closest('New-Checkout', keys), 'new-checkout');
    assert.equal(closest('paymnts-api-v3', keys), 'payments-api-v2');
  });

  it('prefers the nearest of several candidates', () => {
    assert.equal(closest('search-rankin', ['search-ranking-v2', 'search-ranking']), 'search-ranking');
  });

  it('suggests nothing for words that are not close, or too short to judge', () => {
    assert.equal(closest('holiday-banner', keys), undefined);
    assert.equal(closest('ab', ['xy', 'cd']), undefined);
    assert.equal(closest('ab', ['ac']), 'ac');
  });
});
