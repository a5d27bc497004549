import * as assert from 'node:assert/strict';
import { caseVariants, keyWords, loadRegistry, matchRegistryKey } from '../../../server/src/core/registry';
import { fixture } from './helpers';

describe('registry: key spellings', () => {
  it('splits keys into words whatever the casing convention', () => {
    for (const k of [
      'new-checkout',
      'newCheckout',
      'NewCheckout',
      'new_checkout',
      'NEW_CHECKOUT',
      'new.checkout',
      'New Checkout',
    ]) {
      assert.deepEqual(keyWords(k), ['new', 'checkout'], k);
    }
    assert.deepEqual(keyWords('checkoutV2'), ['checkout', 'v', '2']);
    assert.deepEqual(keyWords('checkout-v2'), ['checkout', 'v', '2']);
    assert.deepEqual(keyWords('enableHTMLEmails'), ['enable', 'html', 'emails']);
    assert.deepEqual(keyWords('oauth2Login'), ['oauth', '2', 'login']);
    assert.deepEqual(keyWords('--'), []);
  });

  it('lists the usual spellings of a key', () => {
    assert.deepEqual(caseVariants('new-checkout-v2'), [
      'newCheckoutV2',
      'NewCheckoutV2',
      'new_checkout_v_2',
      'NEW_CHECKOUT_V_2',
      'new-checkout-v-2',
      'new.checkout.v.2',
    ]);
  });
});

describe('registry: matching a code spelling to a registry key', () => {
  const reg = loadRegistry(fixture('team', 'flags.yaml'));

  it('an exact key matches itself', () => {
    assert.equal(matchRegistryKey(reg, 'payments-api-v2'), 'payments-api-v2');
  });

  it('an alias listed in the registry matches its flag', () => {
    assert.equal(matchRegistryKey(reg, 'newCheckout'), 'new-checkout');
  });

  it('case variants match (LaunchDarkly React camelCases keys)', () => {
    assert.equal(matchRegistryKey(reg, 'checkoutExpressWallets'), 'checkout-express-wallets');
    assert.equal(matchRegistryKey(reg, 'PAYMENTS_API_V2'), 'payments-api-v2');
    assert.equal(matchRegistryKey(reg, 'paymentsApiV2'), 'payments-api-v2');
    assert.equal(matchRegistryKey(reg, 'search.typo.tolerance'), 'search-typo-tolerance');
    assert.equal(matchRegistryKey(reg, 'free_shipping_threshold'), 'free-shipping-threshold');
  });

  it('different words do not match', () => {
    assert.equal(matchRegistryKey(reg, 'newcheckout'), undefined);
    assert.equal(matchRegistryKey(reg, 'new-checkouts'), undefined);
    assert.equal(matchRegistryKey(reg, 'checkout'), undefined);
    assert.equal(matchRegistryKey(reg, ''), undefined);
  });

  it("an exact key wins over another flag's alias, and an alias over a case variant", () => {
    const r = loadRegistry(
      '/repo/flags.yaml',
      'flags:\n  dark-mode:\n    aliases: [darkTheme]\n  dark-theme: {}\n  darkMode: {}\n',
    );
    assert.equal(matchRegistryKey(r, 'darkMode'), 'darkMode');
    assert.equal(matchRegistryKey(r, 'darkTheme'), 'dark-mode');
    assert.equal(matchRegistryKey(r, 'DARK_THEME'), 'dark-theme');
    assert.equal(matchRegistryKey(r, 'dark_mode'), 'dark-mode');
  });

  it('case variants of aliases match too', () => {
    const r = loadRegistry('/repo/flags.yaml', 'flags:\n  FF_NEW_SEARCH:\n    aliases: [search-v3]\n');
    assert.equal(matchRegistryKey(r, 'searchV3'), 'FF_NEW_SEARCH');
    assert.equal(matchRegistryKey(r, 'newSearch'), undefined);
    assert.equal(matchRegistryKey(r, 'ffNewSearch'), 'FF_NEW_SEARCH');
  });

  it('each registry object has its own lookup (a reloaded registry is not answered from the old one)', () => {
    const before = loadRegistry('/repo/flags.yaml', 'flags:\n  a-b: {}\n');
    const after = loadRegistry('/repo/flags.yaml', 'flags:\n  c-d: {}\n');
    assert.equal(matchRegistryKey(before, 'aB'), 'a-b');
    assert.equal(matchRegistryKey(after, 'aB'), undefined);
    assert.equal(matchRegistryKey(after, 'cD'), 'c-d');
  });
});
