import * as assert from 'node:assert/strict';
import type { Finding, RuleId } from '../../../server/src/core/model';
import { runRules } from '../../../server/src/core/rules';
import { at, context, entry, registry, REGISTRY_FILE } from './builders';

function only(findings: Finding[], id: RuleId): Finding[] {
  return findings.filter((f) => f.ruleId === id);
}

describe('dependency rules', () => {
  it('unknown-dependency: an error at the flag\'s entry, pointing at the dependsOn item, suggesting a near key', () => {
    const itemLocation = at(REGISTRY_FILE, 40, 17, 14);
    const e = entry('new-checkout', { owner: '@a', dependsOn: ['payments-api', 'paymnts-api-v2'], fieldLocations: { 'dependsOn.1': itemLocation } });
    const reg = registry([e, entry('payments-api', { owner: '@a' }), entry('payments-api-v2', { owner: '@a' })]);
    const found = only(runRules(context(reg)), 'unknown-dependency');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].location, e.location);
    assert.deepEqual(found[0].related?.[0].location, itemLocation);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /'new-checkout' depends on 'paymnts-api-v2', which is not in the registry\. Did you mean 'payments-api-v2'\?/);
  });

  it('unknown-dependency points at the dependsOn field when items have no location, and accepts aliases', () => {
    const e = entry('a', { owner: '@a', dependsOn: ['bAlias', 'nope'] });
    const found = only(runRules(context(registry([e, entry('b', { owner: '@a', aliases: ['bAlias'] })]))), 'unknown-dependency');
    assert.deepEqual(found.map((f) => f.message.match(/depends on '([^']+)'/)?.[1]), ['nope']);
    assert.deepEqual(found[0].location, e.location);
    assert.deepEqual(found[0].related?.[0].location, e.fieldLocations['dependsOn']);
  });

  it('dependency-cycle: every member of a cycle, with the cycle in the message and the others related', () => {
    const reg = registry([
      entry('a', { owner: '@a', dependsOn: ['b'] }),
      entry('b', { owner: '@a', dependsOn: ['c', 'x'] }),
      entry('c', { owner: '@a', dependsOn: ['a'] }),
      entry('x', { owner: '@a', dependsOn: [] }),
      entry('self', { owner: '@a', dependsOn: ['self'] }),
    ]);
    const found = only(runRules(context(reg)), 'dependency-cycle');
    assert.deepEqual(found.map((f) => f.flagKey), ['a', 'b', 'c', 'self']);
    assert.match(found[0].message, /'a' is part of a dependency cycle: a → b → c → a\./);
    assert.match(found[1].message, /b → c → a → b/);
    assert.deepEqual(found[0].location, reg.flags.get('a')!.location);
    assert.equal(found[0].related?.[0].message, "The dependency on 'b'");
    assert.deepEqual(found[0].related?.slice(1).map((r) => r.message).sort(), ["'b' is in the same cycle", "'c' is in the same cycle"]);
    assert.match(found[3].message, /self → self/);
    assert.deepEqual(found[3].related?.map((r) => r.message), ["The dependency on 'self'"]);
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
