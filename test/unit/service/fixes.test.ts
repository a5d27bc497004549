import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parse } from 'yaml';
import { applyTextEdits } from '../../../server/src/core/registry';
import { fixesFor, type Fix } from '../../../server/src/core/service';
import { startSession, STOREFRONT, type TestSession } from './session';
import { must } from '../../helpers/must';

type EditFix = Extract<Fix, { kind: 'edit' }>;

describe('service: the fix catalogue', () => {
  let s: TestSession;
  const code = (): string => s.abs('src/checkout.ts');
  const registryAfter = (fix: EditFix): Record<string, Record<string, unknown>> =>
    (
      parse(applyTextEdits(fs.readFileSync(s.abs('flags.yaml'), 'utf8'), fix.edits)) as {
        flags: Record<string, Record<string, unknown>>;
      }
    ).flags;
  const edits = (fixes: Fix[]): EditFix[] => fixes.filter((f): f is EditFix => f.kind === 'edit');

  before(async () => {
    process.env.FLAGLINT_NOW = '2026-10-15';
    s = await startSession(STOREFRONT);
  });
  after(() => {
    s.dispose();
    delete process.env.FLAGLINT_NOW;
  });

  it('adds an unregistered flag with the code’s default, created on the session’s day, an owner placeholder when CODEOWNERS names none, and reveals it', () => {
    const [fix, ...rest] = fixesFor(
      s.workspace,
      s.folder,
      code(),
      'search-suggestions',
      'unregistered-flag',
    ) as EditFix[];
    assert.equal(rest.length, 0);
    assert.equal(must(fix).title, "Add 'search-suggestions' to flags.yaml");
    assert.equal(must(fix).preferred, true);
    const entry = must(registryAfter(must(fix))['search-suggestions']);
    assert.equal(entry.created, '2026-10-15');
    assert.equal(entry.defaultValue, true);
    // A guessed team would look decided: without a CODEOWNERS owner for the file, a visible placeholder.
    assert.equal(entry.owner, 'TODO-owner');
    assert.deepEqual(must(fix).reveal, { file: must(must(fix).edits[0]).file, key: 'search-suggestions' });
  });

  it('extends a stale flag from today, offers its removal, and keeps the order of the catalogue', () => {
    const fixes = fixesFor(s.workspace, s.folder, code(), 'new-checkout', 'stale-flag');
    assert.deepEqual(
      fixes.map((f) => (f.kind === 'edit' ? f.title : `remove ${f.key}`)),
      [
        "Extend expiry of 'new-checkout' by 30 days (to 2026-11-14)",
        "Extend expiry of 'new-checkout' by 90 days (to 2027-01-13)",
        'remove new-checkout',
      ],
    );
    assert.equal(must(registryAfter(must(edits(fixes)[0]))['new-checkout']).expires, '2026-11-14');
  });

  it('offers the registry’s owners for a flag without one, the first preferred', () => {
    const fixes = edits(fixesFor(s.workspace, s.folder, code(), 'search-v2', 'missing-owner'));
    assert.deepEqual(
      fixes.map((f) => f.title),
      ["Set owner of 'search-v2' to @checkout", "Set owner of 'search-v2' to @search"],
    );
    assert.deepEqual(
      fixes.map((f) => f.preferred),
      [true, false],
    );
    assert.equal(must(registryAfter(must(fixes[1]))['search-v2']).owner, '@search');
  });

  it('archives or deletes an unused entry', () => {
    const [archive, remove] = edits(fixesFor(s.workspace, s.folder, s.abs('flags.yaml'), 'old-banner', 'unused-flag'));
    assert.equal(must(registryAfter(must(archive))['old-banner']).status, 'archived');
    assert.equal(registryAfter(must(remove))['old-banner'], undefined);
    assert.ok(registryAfter(must(remove))['search-v2'], 'the other entries stay');
  });

  it('has nothing for a rule without fixes or a flag the registry does not know', () => {
    assert.deepEqual(fixesFor(s.workspace, s.folder, code(), 'new-checkout', 'dynamic-key'), []);
    assert.deepEqual(fixesFor(s.workspace, s.folder, code(), 'no-such-flag', 'missing-owner'), []);
  });
});
