import * as assert from 'node:assert/strict';
import type { Registry } from '../../../server/src/core/model';
import { emptyRegistry } from '../../../server/src/core/registry';
import { registryRefresh } from '../../../server/src/core/service';

function registry(change: (r: Registry) => void = () => {}): Registry {
  const r = emptyRegistry('/repo');
  r.flags.set('new-checkout', { key: 'new-checkout' } as Registry['flags'] extends Map<string, infer E> ? E : never);
  change(r);
  return r;
}

describe('service: what a changed registry does to its folder', () => {
  it('reloads at once when only flags, owners or policy changed', () => {
    const next = registry((r) => r.owners.push('@payments'));
    assert.deepEqual(registryRefresh(registry(), next, { saved: false, mayRebuild: true }), {
      action: 'reload',
      registry: next,
    });
  });

  it('rebuilds for saved scan settings, and waits for the save with the previous ones kept', () => {
    const previous = registry();
    const next = registry((r) => r.scan.functions.push({ name: 'isFeatureOn' }));
    assert.deepEqual(registryRefresh(previous, next, { saved: true, mayRebuild: true }), { action: 'rebuild' });
    const waiting = registryRefresh(previous, next, { saved: false, mayRebuild: true });
    assert.equal(waiting.action, 'wait');
    assert.ok(
      waiting.action === 'wait' && !waiting.registry.scan.functions.some((f) => f.name === 'isFeatureOn'),
      'the index keeps scanning as before',
    );
    assert.ok(waiting.action === 'wait' && waiting.registry.flags === next.flags, 'but takes the new flags');
    assert.equal(
      registryRefresh(previous, next, { saved: true, mayRebuild: false }).action,
      'wait',
      'a rebuild just done is not repeated',
    );
  });

  it('treats a CODEOWNERS switch as a scan change', () => {
    const next = registry((r) => (r.policy.useCodeowners = !r.policy.useCodeowners));
    assert.equal(registryRefresh(registry(), next, { saved: true, mayRebuild: true }).action, 'rebuild');
  });

  it('keeps the scan of a registry that no longer parses', () => {
    const broken = emptyRegistry('/repo');
    broken.scan.functions.push({ name: 'somethingElse' });
    broken.problems.push({
      ruleId: 'invalid-registry',
      severity: 'error',
      message: 'bad YAML',
      location: {
        file: '/repo/flags.yaml',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      },
    });
    assert.equal(registryRefresh(registry(), broken, { saved: true, mayRebuild: true }).action, 'reload');
  });
});
