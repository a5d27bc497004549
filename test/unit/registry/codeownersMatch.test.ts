import * as assert from 'node:assert/strict';
import { ownersOf, parseCodeownersRules } from '../../../server/src/core/registry/codeownersMatch';

// A CODEOWNERS as a monorepo writes it: a catch-all first, narrower rules after, a GitLab section.
const CODEOWNERS = [
  '# Default reviewers',
  '*                       @acme/platform',
  '/apps/web/              @acme/web',
  '/apps/web/src/checkout/ @acme/payments @jane',
  '*.sql                   dba@acme.example',
  'docs/**                 @acme/docs',
  'my\\ notes.md            @sam',
  '',
  '[Billing] @acme/billing',
  '/services/billing/',
].join('\n');

describe('CODEOWNERS: owners of a path', () => {
  const rules = parseCodeownersRules(CODEOWNERS);

  it('the last matching rule wins', () => {
    assert.deepEqual(ownersOf(rules, 'apps/web/src/checkout/Pay.tsx'), ['@acme/payments', '@jane']);
    assert.deepEqual(ownersOf(rules, 'apps/web/src/Header.tsx'), ['@acme/web']);
    assert.deepEqual(ownersOf(rules, 'apps/api/src/orders.ts'), ['@acme/platform']);
  });

  it('understands gitignore-style patterns, e-mail owners and escaped spaces', () => {
    assert.deepEqual(ownersOf(rules, 'db/migrations/001.sql'), ['dba@acme.example']);
    assert.deepEqual(ownersOf(rules, 'docs/guide/intro.md'), ['@acme/docs']);
    assert.deepEqual(ownersOf(rules, 'my notes.md'), ['@sam']);
  });

  it('gives a GitLab section’s default owners to its rules without owners', () => {
    assert.deepEqual(ownersOf(rules, 'services/billing/invoice.ts'), ['@acme/billing']);
  });

  it('matches nothing without a catch-all', () => {
    assert.deepEqual(ownersOf(parseCodeownersRules('/apps/web/ @acme/web\n'), 'apps/api/x.ts'), []);
  });
});
