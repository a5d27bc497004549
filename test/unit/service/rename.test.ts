import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { TextEdit } from '../../../server/src/core/model';
import { applyTextEdits } from '../../../server/src/core/registry';
import { prepareRename, renameFlag, ServiceError } from '../../../server/src/core/service';
import { startSession, STOREFRONT, type TestSession } from './session';
import { must } from '../../helpers/must';

function applied(edits: readonly TextEdit[], file: string): string {
  return applyTextEdits(
    fs.readFileSync(file, 'utf8'),
    edits.filter((e) => e.file === file),
  );
}

describe('service: rename', () => {
  let s: TestSession;
  before(async () => {
    process.env.FLAGLINT_NOW = '2026-10-15';
    s = await startSession(STOREFRONT);
  });
  after(() => {
    s.dispose();
    delete process.env.FLAGLINT_NOW;
  });

  it('prepares the key without its quotes', () => {
    const prepared = prepareRename(
      s.workspace,
      s.abs('src/checkout.ts'),
      s.positionOf('src/checkout.ts', "'search-v2'", 2),
    );
    assert.equal(prepared?.placeholder, 'search-v2');
    const line = must(fs.readFileSync(s.abs('src/checkout.ts'), 'utf8').split('\n')[prepared.range.start.line]);
    assert.equal(line.slice(prepared.range.start.character, prepared.range.end.character), 'search-v2');
  });

  it('renames the entry, the dependsOn item and the constant that holds the key, not its uses', () => {
    const edits = renameFlag(
      s.workspace,
      s.abs('flags.yaml'),
      s.positionOf('flags.yaml', 'payments-v2:', 1),
      'payments-gateway-v2',
    );
    assert.ok(edits);
    const registry = applied(edits, s.abs('flags.yaml'));
    assert.match(registry, /dependsOn: \[payments-gateway-v2\]/);
    assert.match(registry, /^ {2}payments-gateway-v2:$/m);
    assert.doesNotMatch(registry, /payments-v2/);
    assert.match(applied(edits, s.abs('src/flags.ts')), /export const PAYMENTS_V2 = 'payments-gateway-v2';/);
    assert.equal(
      edits.filter((e) => e.file === s.abs('src/checkout.ts')).length,
      0,
      'the constant is used, not edited, in checkout.ts',
    );
  });

  it('refuses unusable names and names already taken, saying why', () => {
    const at = s.positionOf('src/checkout.ts', "'new-checkout'", 2);
    assert.throws(
      () => renameFlag(s.workspace, s.abs('src/checkout.ts'), at, 'new checkout'),
      (e: unknown) =>
        e instanceof ServiceError && e.kind === 'invalid-params' && /not a usable flag key/.test(e.message),
    );
    assert.throws(
      () => renameFlag(s.workspace, s.abs('src/checkout.ts'), at, 'search-v2'),
      (e: unknown) =>
        e instanceof ServiceError && /A flag 'search-v2' already exists in .*flags\.yaml:20/.test(e.message),
    );
    assert.equal(
      renameFlag(s.workspace, s.abs('src/checkout.ts'), at, 'new-checkout'),
      undefined,
      'the same name changes nothing',
    );
  });
});
