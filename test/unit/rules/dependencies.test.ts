import * as assert from 'node:assert/strict';
import type { Finding, RuleId } from '../../../server/src/core/model';
import { runRules } from '../../../server/src/core/rules';
import { at, context, entry, registry, REGISTRY_FILE } from './builders';
import { must } from '../../helpers/must';

function only(findings: Finding[], id: RuleId): Finding[] {
  return findings.filter((f) => f.ruleId === id);
}

describe('dependency rules', () => {
  it("unknown-dependency: an error at the flag's entry, pointing at the dependsOn item, suggesting a near key", () => {
    const itemLocation = at(REGISTRY_FILE, 40, 17, 14);
    const e = entry('new-checkout', {
      owner: '@a',
      dependsOn: ['payments-api', 'paymnts-api-v2'],
      fieldLocations: { 'dependsOn.1': itemLocation },
    });
    const reg = registry([e, entry('payments-api', { owner: '@a' }), entry('payments-api-v2', { owner: '@a' })]);
    const found = only(runRules(context(reg)), 'unknown-dependency');
    assert.equal(found.length, 1);
    assert.deepEqual(must(found[0]).location, e.location);
    assert.deepEqual(must(must(found[0]).related?.[0]).location, itemLocation);
    assert.equal(must(found[0]).severity, 'error');
    assert.match(
      must(found[0]).message,
      /'new-checkout' depends on 'paymnts-api-v2', which is not in the registry\. Did you mean 'payments-api-v2'\?/,
    );
  });

  it('unknown-dependency points at the dependsOn field when items have no location, and accepts aliases', () => {
    const e = entry('a', { owner: '@a', dependsOn: ['bAlias', 'nope'] });
    const found = only(
      runRules(context(registry([e, entry('b', { owner: '@a', aliases: ['bAlias'] })]))),
      'unknown-dependency',
    );
    assert.deepEqual(
      found.map((f) => f.message.match(/depends on '([^']+)'/)?.[1]),
      ['nope'],
    );
    assert.deepEqual(must(found[0]).location, e.location);
    assert.deepEqual(must(must(found[0]).related?.[0]).location, e.fieldLocations['dependsOn']);
  });

  it('dependency-cycle: each cycle once, on its first member, with the cycle in the message and the others related', () => {
    const reg = registry([
      entry('a', { owner: '@a', dependsOn: ['b'] }),
      entry('b', { owner: '@a', dependsOn: ['c', 'x'] }),
      entry('c', { owner: '@a', dependsOn: ['a'] }),
      entry('x', { owner: '@a', dependsOn: [] }),
      entry('self', { owner: '@a', dependsOn: ['self'] }),
    ]);
    const found = only(runRules(context(reg)), 'dependency-cycle');
    assert.deepEqual(
      found.map((f) => f.flagKey),
      ['a', 'self'],
    );
    assert.match(
      must(found[0]).message,
      /'a' is part of a dependency cycle \(3 flags depend on each other in a cycle\): a → b → c → a\./,
    );
    assert.deepEqual(must(found[0]).location, reg.flags.get('a')!.location);
    assert.equal(must(must(found[0]).related?.[0]).message, "The dependency on 'b'");
    assert.deepEqual(
      must(found[0])
        .related?.slice(1)
        .map((r) => r.message),
      ["'b' is in the same cycle", "'c' is in the same cycle"],
    );
    assert.match(must(found[1]).message, /'self' depends on itself\): self → self/);
    assert.deepEqual(
      must(found[1]).related?.map((r) => r.message),
      ["The dependency on 'self'"],
    );
  });

  it('dependency-cycle: a 5,000-flag chain is no cycle, and a 2,000-flag cycle is one short finding', () => {
    const chain = Array.from({ length: 5000 }, (_, i) =>
      entry(`step-${i}`, { owner: '@a', dependsOn: i + 1 < 5000 ? [`step-${i + 1}`] : [] }),
    );
    assert.deepEqual(only(runRules(context(registry(chain))), 'dependency-cycle'), []);

    const ring = Array.from({ length: 2000 }, (_, i) =>
      entry(`ring-${i}`, { owner: '@a', dependsOn: [`ring-${(i + 1) % 2000}`] }),
    );
    const found = only(runRules(context(registry(ring))), 'dependency-cycle');
    assert.equal(found.length, 1);
    assert.equal(must(found[0]).flagKey, 'ring-0');
    assert.match(
      must(found[0]).message,
      /\(2,000 flags depend on each other in a cycle\): ring-0 → ring-1 → ring-2 → ring-3 → … \(1,995 more\) → ring-1999 → ring-0\./,
    );
    assert.ok(must(found[0]).message.length < 300, must(found[0]).message);
    assert.equal(must(found[0]).related?.length, 11);
  });

  it('dependency-cycle reports nothing for a diamond (shared dependency without a cycle)', () => {
    const reg = registry([
      entry('top', { owner: '@a', dependsOn: ['left', 'right'] }),
      entry('left', { owner: '@a', dependsOn: ['base'] }),
      entry('right', { owner: '@a', dependsOn: ['base'] }),
      entry('base', { owner: '@a' }),
    ]);
    assert.equal(only(runRules(context(reg)), 'dependency-cycle').length, 0);
  });

  it('depends-on-retired-flag: a warning for dependencies on deprecated or archived flags, not from archived flags', () => {
    const reg = registry([
      entry('new-ui', { owner: '@a', dependsOn: ['old-api', 'legacy', 'live'] }),
      entry('retired-too', { owner: '@a', status: 'archived', dependsOn: ['legacy'] }),
      entry('old-api', { owner: '@a', status: 'deprecated' }),
      entry('legacy', { owner: '@a', status: 'archived' }),
      entry('live', { owner: '@a', status: 'active' }),
    ]);
    const found = only(runRules(context(reg)), 'depends-on-retired-flag');
    assert.equal(found.length, 2);
    assert.ok(found.every((f) => f.flagKey === 'new-ui' && f.severity === 'warning'));
    assert.deepEqual(found.map((f) => f.message.match(/which is (\w+)/)?.[1]).sort(), ['archived', 'deprecated']);
  });
});
