import * as assert from 'node:assert/strict';
import { completeKey } from '../../../server/src/core/service';
import { startSession, STOREFRONT, type TestSession } from './session';

describe('service: key completion', () => {
  let s: TestSession;
  before(async () => {
    process.env.FLAGLINT_NOW = '2026-10-15';
    s = await startSession(STOREFRONT);
  });
  after(() => {
    s.dispose();
    delete process.env.FLAGLINT_NOW;
  });

  it('offers the registry’s keys inside a flag call’s key, replacing the typed part', () => {
    const file = s.abs('src/checkout.ts');
    const text = "import { client } from './flags';\nexport const on = client.getBooleanValue('sea', false);\n";
    s.buffers.set(file, { file, version: 2, text });
    s.workspace.documentChanged(file);
    const completion = completeKey(s.workspace, file, { line: 1, character: 45 });
    assert.deepEqual(completion?.range, { start: { line: 1, character: 42 }, end: { line: 1, character: 45 } });
    assert.deepEqual(completion?.entries.map((e) => e.key).sort(), [
      'new-checkout',
      'old-banner',
      'payments-v2',
      'search-v2',
    ]);
    s.buffers.delete(file);
    s.workspace.documentClosed(file);
  });

  it('offers other flags in a dependsOn list, not the entry’s own key', () => {
    const completion = completeKey(s.workspace, s.abs('flags.yaml'), s.positionOf('flags.yaml', '[payments-v2]', 1));
    assert.ok(completion);
    assert.ok(!completion.entries.some((e) => e.key === 'new-checkout'), 'an entry does not depend on itself');
    assert.ok(completion.entries.some((e) => e.key === 'search-v2'));
  });

  it('offers nothing outside keys', () => {
    assert.equal(completeKey(s.workspace, s.abs('src/checkout.ts'), { line: 2, character: 3 }), undefined);
    assert.equal(
      completeKey(s.workspace, s.abs('flags.yaml'), s.positionOf('flags.yaml', 'owner: "@checkout"', 3)),
      undefined,
    );
  });
});
