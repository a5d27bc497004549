import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { STOREFRONT, startSession, type TestSession } from './session';

/**
 * The Explorer lists a flag's references from the session (FolderState.referencesTo). They must
 * follow an unsaved registry buffer that adds an alias, and an unsaved source buffer that spells
 * the key another way, at once and whether or not anything asked for findings in between.
 */
describe('service: references of a flag', () => {
  let s: TestSession;
  beforeEach(async () => {
    s = await startSession(STOREFRONT);
  });
  afterEach(() => s.dispose());

  const lines = (key: string): string[] =>
    s.folder
      .referencesTo(key)
      .map((r) => `${r.key}@${r.location.range.start.line + 1}`)
      .sort();

  it('follows an alias typed into the registry buffer', () => {
    assert.deepEqual(lines('search-v2'), ['search-v2@13']);
    const registry = s.abs('flags.yaml');
    // The suggestions were folded into search-v2: the old key stays in the code for a while, as an alias.
    const text = fs
      .readFileSync(registry, 'utf8')
      .replace('  search-v2:\n', '  search-v2:\n    aliases: [search-suggestions]\n');
    s.buffers.set(registry, { file: registry, version: 2, text });
    s.workspace.documentChanged(registry);
    s.workspace.flush(registry);
    assert.deepEqual(lines('search-v2'), ['search-suggestions@14', 'search-v2@13']);
    assert.deepEqual(lines('search-suggestions'), [], 'an alias is listed under the entry it names');
    assert.ok(!s.folder.problemsOf('search-suggestions').some((f) => f.ruleId === 'unregistered-flag'));
  });

  it('follows a case variant typed into a source buffer', () => {
    const file = s.abs('src/checkout.ts');
    const text = fs.readFileSync(file, 'utf8').replace("getBooleanValue('search-v2'", "getBooleanValue('SEARCH_V2'");
    s.buffers.set(file, { file, version: 2, text });
    s.workspace.documentChanged(file);
    s.workspace.flush(file);
    assert.deepEqual(lines('search-v2'), ['SEARCH_V2@13']);
  });
});
