import * as assert from 'node:assert/strict';
import {
  addFlagEdits,
  addFlagsEdits,
  applyTextEdits,
  loadRegistry,
  registryEditBlocker,
  removeFlagEdits,
  setFlagFieldEdits,
} from '../../../server/src/core/registry';
import type { FileEdit } from '../../../server/src/core/registry';
import { brief, commentLines, fixture, lineDiff, read } from './helpers';
import { must } from '../../helpers/must';

const TEAM = fixture('team', 'flags.yaml');
const SORTED = fixture('sorted', 'flags.yaml');

function apply(text: string, edits: FileEdit[]): string {
  assert.ok(edits.length > 0, 'expected edits');
  return applyTextEdits(text, edits);
}

/** The edited text loads with no more problems than before. */
function reload(file: string, text: string) {
  const reg = loadRegistry(file, text);
  assert.deepEqual(reg.problems.map(brief), []);
  return reg;
}

describe('registry edits (YAML): adding a flag', () => {
  const text = read(TEAM);
  const reg = loadRegistry(TEAM);

  it('appends to unsorted flags, after the last entry and before the next section, with the blank-line layout', () => {
    const edits = addFlagEdits(reg, text, 'checkout-gift-cards', {
      description: 'Gift cards as a payment method',
      owner: '@acme/payments',
      type: 'release',
      valueType: 'boolean',
      defaultValue: false,
      status: 'proposed',
      created: '2026-05-20',
      expires: '2026-08-20',
    });
    assert.equal(edits.length, 1);
    assert.equal(must(edits[0]).file, TEAM);
    assert.equal(must(edits[0]).createFile, undefined);
    const after = apply(text, edits);
    assert.deepEqual(lineDiff(text, after), {
      removed: [],
      added: [
        '  checkout-gift-cards:',
        '    description: Gift cards as a payment method',
        '    owner: "@acme/payments"',
        '    type: release',
        '    valueType: boolean',
        '    defaultValue: false',
        '    status: proposed',
        '    created: 2026-05-20',
        '    expires: 2026-08-20',
        '',
      ],
    });
    assert.ok(after.includes('    rollback: None needed; the service is decommissioned.\n\n  checkout-gift-cards:\n'));
    assert.ok(after.includes('    expires: 2026-08-20\n\npolicy:\n'));
    const edited = reload(TEAM, after);
    assert.equal(edited.flags.get('checkout-gift-cards')!.owner, '@acme/payments');
    assert.deepEqual(commentLines(after), commentLines(text));
  });

  it('puts a new entry of an owner after that owner’s last entry, in its section, not at the end', () => {
    const after = apply(text, addFlagEdits(reg, text, 'cart-upsell', { owner: '@acme/growth', type: 'experiment' }));
    assert.ok(
      after.includes(
        '    expires: 2026-05-20\n\n  cart-upsell:\n    owner: "@acme/growth"\n    type: experiment\n\n  search-typo-tolerance:\n',
      ),
      after,
    );
    reload(TEAM, after);
  });

  it('without a known owner, puts it after the last key with the same first word, before the next section’s comment', () => {
    const after = apply(text, addFlagEdits(reg, text, 'search-synonyms', { owner: 'TODO-owner' }));
    assert.ok(
      after.includes(
        'previous values in the flag service.\n\n  search-synonyms:\n    owner: TODO-owner\n\n  # Kill switches',
      ),
      after,
    );
    assert.deepEqual(commentLines(after), commentLines(text));
  });

  it('sorts a new key in when the keys are sorted, matching indentation and quote character', () => {
    const sorted = read(SORTED);
    const edits = addFlagEdits(loadRegistry(SORTED), sorted, 'dark-mode', {
      owner: '@mobile/platform',
      type: 'release',
      rollback: "Turn off; the app's default theme returns.",
    });
    const after = apply(sorted, edits);
    assert.deepEqual(lineDiff(sorted, after), {
      removed: [],
      added: [
        '    dark-mode:',
        "        owner: '@mobile/platform'",
        '        type: release',
        "        rollback: Turn off; the app's default theme returns.",
      ],
    });
    // Inserted between api-rate-limit and offline-sync.
    assert.ok(after.includes("requests per minute.'\n    dark-mode:\n"));
    assert.equal(reload(SORTED, after).flags.get('dark-mode')!.rollback, "Turn off; the app's default theme returns.");
  });

  it("a new first key goes before the first entry's comment, which stays with its entry", () => {
    const sorted = read(SORTED);
    const after = apply(sorted, addFlagEdits(loadRegistry(SORTED), sorted, 'ab-test-onboarding', {}));
    assert.deepEqual(lineDiff(sorted, after), { removed: [], added: ['    ab-test-onboarding: {}'] });
    assert.ok(
      after.startsWith(
        '# Flags of the mobile backend. Keep the keys sorted; CI checks it.\nflags:\n    ab-test-onboarding: {}\n    # Rate limiting',
      ),
    );
  });

  it('adds several flags in one go, each at its place, as non-overlapping edits', () => {
    const sorted = read(SORTED);
    const edits = addFlagsEdits(loadRegistry(SORTED), sorted, [
      { key: 'zero-rating', fields: { type: 'ops' } },
      { key: 'beta-menu', fields: { type: 'release' } },
      { key: 'offline-sync', fields: { type: 'ops' } },
      { key: 'beta-menu', fields: { type: 'ops' } },
    ]);
    const after = apply(sorted, edits);
    const keys = [...reload(SORTED, after).flags.keys()];
    assert.deepEqual(keys, ['api-rate-limit', 'beta-menu', 'offline-sync', 'push-digest', 'zero-rating']);
    assert.equal(
      loadRegistry(SORTED, after).flags.get('offline-sync')!.type,
      'release',
      'existing entries are never overwritten',
    );
  });

  it('a flag already in the registry is not added again', () => {
    assert.deepEqual(addFlagEdits(reg, text, 'new-checkout', { owner: '@x' }), []);
  });

  it('quotes what YAML would misread, and nothing else', () => {
    const tricky = [
      '@team',
      'yes',
      'no',
      'on',
      'null',
      '123',
      '1.5',
      'true',
      'a: b',
      'x #y',
      ' padded',
      '',
      '- item',
      "it's",
      'line\nbreak',
      '*star',
      'plain text, with comma',
    ];
    const base = 'flags:\n  a:\n    owner: x\n';
    const r = loadRegistry('/repo/flags.yaml', base);
    for (const value of tricky) {
      const after = apply(base, setFlagFieldEdits(r, base, 'a', 'description', value));
      assert.equal(
        loadRegistry('/repo/flags.yaml', after).flags.get('a')!.description ?? '',
        value,
        JSON.stringify(value),
      );
    }
    const plain = apply(base, setFlagFieldEdits(r, base, 'a', 'description', 'plain text, with comma'));
    assert.ok(plain.includes('description: plain text, with comma\n'));
  });

  it('creates `flags:` when the file has none, and a whole file when there is no registry yet', () => {
    const noFlags = '# Registry for the admin app\nowners: ["@admin"]\n';
    const r = loadRegistry('/repo/flags.yaml', noFlags);
    assert.equal(
      apply(noFlags, addFlagEdits(r, noFlags, 'bulk-export', { owner: '@admin' })),
      `${noFlags}flags:\n  bulk-export:\n    owner: "@admin"\n`,
    );

    const empty = loadRegistry('/nonexistent/dir/flags.yaml', '');
    const created = addFlagEdits(empty, undefined, 'bulk-export', { owner: '@admin' });
    assert.equal(created.length, 1);
    assert.equal(must(created[0]).createFile, true);
    assert.equal(must(created[0]).newText, 'flags:\n  bulk-export:\n    owner: "@admin"\n');
  });

  it('fills an empty `flags:` (keeping a comment on its line) and an empty `flags: {}`', () => {
    const t1 = 'flags: # nothing yet\npolicy:\n  gracePeriodDays: 7\n';
    const r1 = loadRegistry('/repo/flags.yaml', t1);
    assert.equal(
      apply(t1, addFlagEdits(r1, t1, 'a', { type: 'ops' })),
      'flags: # nothing yet\n  a:\n    type: ops\npolicy:\n  gracePeriodDays: 7\n',
    );
    const t2 = 'flags: {}\n';
    assert.equal(apply(t2, addFlagEdits(loadRegistry('/repo/flags.yaml', t2), t2, 'a', {})), 'flags:\n  a: {}\n');
  });

  it('keeps CRLF line ends and adds a line break to a last line that lacks one', () => {
    const crlf = 'flags:\r\n  b:\r\n    owner: x';
    const after = apply(crlf, addFlagEdits(loadRegistry('/repo/flags.yaml', crlf), crlf, 'c', { owner: 'yan' }));
    assert.equal(after, 'flags:\r\n  b:\r\n    owner: x\r\n  c:\r\n    owner: yan\r\n');
  });

  it('writes into a flow-style `flags:` mapping in flow style', () => {
    const flow = 'flags: {a: {owner: x}}\n';
    const after = apply(
      flow,
      addFlagEdits(loadRegistry('/repo/flags.yaml', flow), flow, 'b', { owner: '@y', dependsOn: ['a'] }),
    );
    assert.equal(after, 'flags: {a: {owner: x}, b: {owner: "@y", dependsOn: [a]}}\n');
  });
});

describe('registry edits (YAML): setting a field', () => {
  const text = read(TEAM);
  const reg = loadRegistry(TEAM);

  it('replaces a value in place, keeping the comment after it', () => {
    const after = apply(
      text,
      setFlagFieldEdits(reg, text, 'new-checkout', 'aliases', ['newCheckout', 'onePageCheckout']),
    );
    assert.deepEqual(lineDiff(text, after), {
      removed: ['    aliases: [newCheckout]   # the React app reads it through useFlags()'],
      added: ['    aliases: [newCheckout, onePageCheckout]   # the React app reads it through useFlags()'],
    });
  });

  it('adds a missing rollback plan at its documented place among the fields', () => {
    const edits = setFlagFieldEdits(reg, text, 'beta-dashboard', 'rollback', 'Remove merchants from the beta list.');
    assert.equal(edits.length, 1);
    // Right after `created: 2025-10-01` (line 122 counting from 0), before the blank line.
    assert.equal(must(edits[0]).range.start.line, 122);
    const after = apply(text, edits);
    assert.deepEqual(lineDiff(text, after), {
      removed: [],
      added: ['    rollback: Remove merchants from the beta list.'],
    });
    assert.equal(reload(TEAM, after).flags.get('beta-dashboard')!.rollback, 'Remove merchants from the beta list.');
  });

  it('adds an owner before the fields that follow it in the documented order', () => {
    const t = 'flags:\n  a:\n    description: A\n    type: release # kept\n    created: 2026-01-01\n';
    const after = apply(t, setFlagFieldEdits(loadRegistry('/repo/flags.yaml', t), t, 'a', 'owner', '@web'));
    assert.equal(
      after,
      'flags:\n  a:\n    description: A\n    owner: "@web"\n    type: release # kept\n    created: 2026-01-01\n',
    );
  });

  it('extends an expiry and marks a flag archived with one-line edits', () => {
    const extended = apply(text, setFlagFieldEdits(reg, text, 'free-shipping-threshold', 'expires', '2026-08-20'));
    assert.deepEqual(lineDiff(text, extended), {
      removed: ['    expires: 2026-05-20'],
      added: ['    expires: 2026-08-20'],
    });
    const archived = apply(text, setFlagFieldEdits(reg, text, 'new-checkout', 'status', 'archived'));
    assert.deepEqual(lineDiff(text, archived), {
      removed: ['    status: rolled-out'],
      added: ['    status: archived'],
    });
  });

  it('replaces a block value with a line, and a line with a block', () => {
    const toLine = apply(text, setFlagFieldEdits(reg, text, 'new-checkout', 'rollback', 'Turn it off.'));
    assert.deepEqual(lineDiff(text, toLine), {
      removed: [
        '    rollback:',
        '      plan: Turn the flag off; carts in progress keep their items.',
        '      runbook: https://runbooks.acme.example/checkout/rollback',
      ],
      added: ['    rollback: Turn it off.'],
    });
    const toBlock = apply(
      text,
      setFlagFieldEdits(reg, text, 'payments-api-v2', 'rollback', {
        plan: 'Switch back to v1.',
        runbook: 'https://runbooks.acme.example/payments',
      }),
    );
    assert.deepEqual(lineDiff(text, toBlock), {
      removed: ['    rollback: Switch back to v1; both APIs read the same ledger.'],
      added: [
        '    rollback:',
        '      plan: Switch back to v1.',
        '      runbook: https://runbooks.acme.example/payments',
      ],
    });
    const reloaded = reload(TEAM, toBlock).flags.get('payments-api-v2')!;
    assert.equal(reloaded.runbook, 'https://runbooks.acme.example/payments');
  });

  it('removes a field (value undefined), with the comment line above it', () => {
    const t = 'flags:\n  a:\n    owner: x\n    # until the migration is done\n    expires: 2026-01-01\n    type: ops\n';
    const after = apply(t, setFlagFieldEdits(loadRegistry('/repo/flags.yaml', t), t, 'a', 'expires', undefined));
    assert.equal(after, 'flags:\n  a:\n    owner: x\n    type: ops\n');
  });

  it('fills an entry that has no fields yet', () => {
    for (const [t, want] of [
      ['flags:\n  a:\n  b: {}\n', 'flags:\n  a:\n    owner: "@web"\n  b: {}\n'],
      ['flags:\n  b: {}\n  a: {}  # todo\n', 'flags:\n  b: {}\n  a:  # todo\n    owner: "@web"\n'],
    ]) {
      assert.equal(
        apply(must(t), setFlagFieldEdits(loadRegistry('/repo/flags.yaml', t), t, 'a', 'owner', '@web')),
        want,
      );
    }
  });

  it('edits a flow-style entry in flow style', () => {
    const t = 'flags:\n  a: {owner: x, type: ops}\n';
    const r = loadRegistry('/repo/flags.yaml', t);
    assert.equal(apply(t, setFlagFieldEdits(r, t, 'a', 'owner', '@y')), 'flags:\n  a: {owner: "@y", type: ops}\n');
    assert.equal(
      apply(t, setFlagFieldEdits(r, t, 'a', 'expires', '2026-02-01')),
      'flags:\n  a: {owner: x, type: ops, expires: 2026-02-01}\n',
    );
  });

  it('an unknown flag gives no edits', () => {
    assert.deepEqual(setFlagFieldEdits(reg, text, 'no-such-flag', 'owner', '@x'), []);
  });
});

describe('registry edits (YAML): removing a flag', () => {
  const text = read(TEAM);
  const reg = loadRegistry(TEAM);

  it('removes the entry with its leading comments and one of the blank lines around it', () => {
    const after = apply(text, removeFlagEdits(reg, text, 'checkout-express-wallets'));
    assert.deepEqual(lineDiff(text, after).removed, [
      '  # Apple Pay and Google Pay on the payment step.',
      '  # Rollout ticket: PAY-1187',
      '  checkout-express-wallets:',
      '    description: Show Apple Pay / Google Pay buttons on the payment step',
      '    owner: "@acme/payments"',
      '    type: release',
      '    valueType: boolean',
      '    defaultValue: false',
      '    status: active',
      '    created: 2026-03-02',
      '    expires: 2026-06-30',
      '    rollback: Turn the flag off; wallets fall back to the card form. No data migration.',
      '    dependsOn: [payments-api-v2]',
      '    links:',
      '      issue: https://tracker.acme.example/PAY-1187',
      '',
    ]);
    assert.deepEqual(lineDiff(text, after).added, []);
    assert.ok(after.includes('flags:\n  new-checkout:\n'));
    const edited = reload(TEAM, after);
    assert.equal(edited.flags.has('checkout-express-wallets'), false);
    assert.equal(edited.flags.size, 9);
  });

  it('keeps section comments that are separated from the entry by a blank line', () => {
    const after = apply(text, removeFlagEdits(reg, text, 'pdp-recommendations-carousel'));
    assert.ok(
      after.includes('    rollback: Switch back to v1; both APIs read the same ledger.\n\n  # Growth experiments ---'),
    );
    assert.ok(
      after.includes(
        '  # Growth experiments ------------------------------------------------------\n\n  free-shipping-threshold:\n',
      ),
    );
    const removedComments = commentLines(text).filter((c) => !commentLines(after).includes(c));
    assert.deepEqual(removedComments, []);
  });

  it('removing the last entry before the next section leaves one blank line between them', () => {
    const after = apply(text, removeFlagEdits(reg, text, 'legacy-cart-service'));
    assert.ok(after.includes('    created: 2025-10-01\n\npolicy:\n'));
    assert.equal(lineDiff(text, after).added.length, 0);
  });

  it('removing an entry keeps an inline comment of the next entry and the tight layout of a sorted file', () => {
    const sorted = read(SORTED);
    const after = apply(sorted, removeFlagEdits(loadRegistry(SORTED), sorted, 'api-rate-limit'));
    assert.equal(
      after.split('\n').slice(0, 4).join('\n'),
      "# Flags of the mobile backend. Keep the keys sorted; CI checks it.\nflags:\n    offline-sync:\n        owner: '@mobile/sync'",
    );
    const last = apply(sorted, removeFlagEdits(loadRegistry(SORTED), sorted, 'push-digest'));
    assert.ok(last.includes("mode.'\nowners: ["));
  });

  it('removes every copy of a duplicated key', () => {
    const dup = read(fixture('duplicates', 'flags.yaml'));
    const reg2 = loadRegistry(fixture('duplicates', 'flags.yaml'));
    const after = apply(dup, removeFlagEdits(reg2, dup, 'new-checkout'));
    assert.equal(after.includes('new-checkout'), false);
    assert.ok(loadRegistry('/repo/flags.yaml', after).flags.has('newCheckout'));
  });

  it('removing the only flag leaves an empty `flags:`', () => {
    const t = '# comment\nflags:\n  a:\n    owner: x\npolicy: {}\n';
    const after = apply(t, removeFlagEdits(loadRegistry('/repo/flags.yaml', t), t, 'a'));
    assert.equal(after, '# comment\nflags:\npolicy: {}\n');
    assert.deepEqual(loadRegistry('/repo/flags.yaml', after).problems, []);
  });

  it('removes from a flow mapping with its comma', () => {
    const t = 'flags: {a: {owner: x}, b: {}, c: {}}\n';
    const r = loadRegistry('/repo/flags.yaml', t);
    assert.equal(apply(t, removeFlagEdits(r, t, 'b')), 'flags: {a: {owner: x}, c: {}}\n');
    assert.equal(apply(t, removeFlagEdits(r, t, 'c')), 'flags: {a: {owner: x}, b: {}}\n');
  });
});

describe('registry edits on a file with syntax errors', () => {
  it('returns no edits and says why', () => {
    const file = fixture('broken', 'flags.yaml');
    const text = read(file);
    const reg = loadRegistry(file);
    assert.deepEqual(addFlagEdits(reg, text, 'x', {}), []);
    assert.deepEqual(setFlagFieldEdits(reg, text, 'new-checkout', 'owner', '@x'), []);
    assert.deepEqual(removeFlagEdits(reg, text, 'new-checkout'), []);
    assert.equal(registryEditBlocker(reg, text), `${file} has syntax errors; fix them before Flaglint edits it.`);
    assert.equal(registryEditBlocker(loadRegistry(TEAM), read(TEAM)), undefined);
  });
});
