import * as assert from 'node:assert/strict';
import { describeFilter, isFiltering, matchesFilter, NO_FILTER } from '../../../client/src/explorerFilter';
import type { TreeFlag } from '../../../protocol/src/requests';

const location = {
  uri: 'file:///shop/apps/api/src/routes/cart.ts',
  range: { start: { line: 4, character: 10 }, end: { line: 4, character: 22 } },
};

function flag(key: string, fields: Partial<TreeFlag> = {}): TreeFlag {
  return { key, status: 'active', referenceCount: 1, references: [], problems: [], ...fields };
}

const checkout = flag('new-checkout', { owner: '@checkout-team', type: 'release' });
const stale = flag('order-tracking-map', {
  owner: '@checkout-team',
  type: 'release',
  problems: [
    { ruleId: 'stale-flag', severity: 'warning', message: "Flag 'order-tracking-map' expired 32 days ago", location },
  ],
});
const growth = flag('promo-codes', { owner: '@growth', status: 'deprecated', type: 'experiment' });
const unregistered = flag('holiday-banner', { status: 'unregistered' });

describe('Flag Explorer filter', () => {
  const keys = (text: string, problemsOnly = false) =>
    [checkout, stale, growth, unregistered].filter((f) => matchesFilter(f, { text, problemsOnly })).map((f) => f.key);

  it('matches free words in key, owner, status, type and problems, case-insensitively', () => {
    assert.deepEqual(keys('CHECKOUT'), ['new-checkout', 'order-tracking-map']);
    assert.deepEqual(keys('deprecated'), ['promo-codes']);
    assert.deepEqual(keys('expired'), ['order-tracking-map']);
    assert.deepEqual(keys('unregistered'), ['holiday-banner']);
  });

  it('narrows to one field with field:value, and needs every term', () => {
    assert.deepEqual(keys('key:checkout'), ['new-checkout']);
    assert.deepEqual(keys('owner:@growth'), ['promo-codes']);
    assert.deepEqual(keys('type:release problem:stale'), ['order-tracking-map']);
    assert.deepEqual(keys('owner:none'), []);
    // An unknown field is a free word, not an error.
    assert.deepEqual(keys('team:x'), []);
  });

  it('shows only flags with problems when asked, with or without words', () => {
    assert.deepEqual(keys('', true), ['order-tracking-map']);
    assert.deepEqual(keys('growth', true), []);
  });

  it('says what it filters by', () => {
    assert.equal(isFiltering(NO_FILTER), false);
    assert.equal(isFiltering({ text: '  ', problemsOnly: false }), false);
    assert.equal(describeFilter({ text: ' pay ', problemsOnly: true }), 'problems only · “pay”');
    assert.equal(describeFilter(NO_FILTER), undefined);
  });
});
