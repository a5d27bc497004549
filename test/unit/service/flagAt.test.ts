import * as assert from 'node:assert/strict';
import { flagAt } from '../../../server/src/core/service';
import { startSession, STOREFRONT, type TestSession } from './session';

describe('service: flagAt', () => {
  let s: TestSession;
  before(async () => {
    process.env.FLAGLINT_NOW = '2026-10-15';
    s = await startSession(STOREFRONT);
  });
  after(() => {
    s.dispose();
    delete process.env.FLAGLINT_NOW;
  });

  it('finds the flag of a code reference, with its registry entry', () => {
    const at = flagAt(s.workspace, s.abs('src/checkout.ts'), s.positionOf('src/checkout.ts', "'new-checkout'", 3));
    assert.equal(at?.key, 'new-checkout');
    assert.equal(at?.where, 'reference');
    assert.equal(at?.entry?.owner, '@checkout');
  });

  it('resolves a key held in a constant', () => {
    const at = flagAt(s.workspace, s.abs('src/checkout.ts'), s.positionOf('src/checkout.ts', 'PAYMENTS_V2, false', 2));
    assert.equal(at?.key, 'payments-v2');
  });

  it('finds a registry entry by its key, and a dependsOn item by its own key', () => {
    const entry = flagAt(s.workspace, s.abs('flags.yaml'), s.positionOf('flags.yaml', 'search-v2:', 1));
    assert.equal(entry?.key, 'search-v2');
    assert.equal(entry?.where, 'registry-key');
    const dependency = flagAt(s.workspace, s.abs('flags.yaml'), s.positionOf('flags.yaml', '[payments-v2]', 4));
    assert.equal(dependency?.key, 'payments-v2');
    assert.equal(dependency?.where, 'dependency');
    assert.equal(dependency?.entry?.type, 'ops', 'the entry of the flag depended on, not of the one that depends');
  });

  it('finds nothing away from flags, and reads an unsaved buffer', () => {
    assert.equal(flagAt(s.workspace, s.abs('src/checkout.ts'), { line: 0, character: 2 }), undefined);
    const file = s.abs('src/checkout.ts');
    s.buffers.set(file, {
      file,
      version: 2,
      text: "import { client } from './flags';\nexport const on = client.getBooleanValue('late-shipping', false);\n",
    });
    s.workspace.documentChanged(file);
    s.workspace.flush(file);
    assert.equal(flagAt(s.workspace, file, { line: 1, character: 45 })?.key, 'late-shipping');
  });
});
