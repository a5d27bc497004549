import * as assert from 'node:assert/strict';
import { VersionReader } from '../../../server/src/core/history/versionReader';

const V1 = `# Flags of the shop
owners:
  - "@payments"
  - "@growth"
flags:
  # Checkout
  new-checkout:
    description: "One-page checkout: fewer steps"
    owner: "@payments"
    status: active
    dependsOn: [payments-api]
    rollback:
      plan: Turn it off.
      runbook: https://runbooks.example.com/checkout

  payments-api:
  "quoted.key":
    owner: "@growth"
    status: proposed
policy:
  gracePeriodDays: 7
`;

describe('VersionReader', () => {
  it('reads entries and owners as a whole-document parse would, one chunk per entry', () => {
    const v = new VersionReader().read('flags.yaml', V1)!;
    assert.deepEqual([...v.entries.keys()], ['new-checkout', 'payments-api', 'quoted.key']);
    assert.deepEqual(v.owners, ['@payments', '@growth']);
    assert.deepEqual(v.entries.get('new-checkout'), {
      description: 'One-page checkout: fewer steps',
      owner: '@payments',
      status: 'active',
      rollback: { plan: 'Turn it off.', runbook: 'https://runbooks.example.com/checkout' },
      dependsOn: ['payments-api'],
    });
    assert.deepEqual(v.entries.get('payments-api'), {});
  });

  it('hands out the same snapshot for an unchanged entry, so versions compare cheaply', () => {
    const reader = new VersionReader();
    const a = reader.read('flags.yaml', V1)!;
    const b = reader.read('flags.yaml', V1.replace('status: proposed', 'status: active'))!;
    assert.equal(a.entries.get('new-checkout'), b.entries.get('new-checkout'));
    assert.notEqual(a.entries.get('quoted.key'), b.entries.get('quoted.key'));
    assert.equal(b.entries.get('quoted.key')?.status, 'active');
  });

  it('falls back to a whole parse for anchors and flow style, and skips a version that does not parse', () => {
    const reader = new VersionReader();
    const anchored = reader.read(
      'flags.yaml',
      'defaults: &d\n  owner: "@growth"\nflags:\n  a:\n    <<: *d\n    status: active\n',
    )!;
    assert.equal(anchored.entries.get('a')?.status, 'active');
    assert.deepEqual(
      [...reader.read('flags.yaml', 'flags: { a: { owner: "@x" }, b: {} }\n')!.entries.keys()],
      ['a', 'b'],
    );
    assert.equal(reader.read('flags.yaml', 'flags:\n  a: [unclosed\n'), undefined);
    assert.deepEqual(
      [...reader.read('flags.json', '{"flags":{"k":{"owner":"@x"}},"owners":["@x"]}')!.entries.keys()],
      ['k'],
    );
  });
});
