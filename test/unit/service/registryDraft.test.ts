import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { draftRegistryFor } from '../../../server/src/core/service';
import { startSession, STOREFRONT, type TestSession } from './session';
import { must } from '../../helpers/must';

const WITHOUT_REGISTRY = Object.fromEntries(Object.entries(STOREFRONT).filter(([rel]) => rel !== 'flags.yaml'));

describe('service: the registry draft of a session folder', () => {
  const sessions: TestSession[] = [];
  before(() => {
    process.env.FLAGLINT_NOW = '2026-10-15';
  });
  after(() => {
    for (const s of sessions) s.dispose();
    delete process.env.FLAGLINT_NOW;
  });

  it('drafts every flag the code evaluates as one edit that creates flags.yaml, dated by the session', async () => {
    const s = await startSession(WITHOUT_REGISTRY);
    sessions.push(s);
    const drafted = await draftRegistryFor(s.workspace, s.folder);
    assert.ok('draft' in drafted);
    assert.equal(drafted.edit.file, s.abs('flags.yaml'));
    assert.equal(drafted.edit.createFile, true);
    const flags = (
      parse(drafted.edit.newText) as { flags: Record<string, { created: string; defaultValue?: unknown }> }
    ).flags;
    assert.deepEqual(Object.keys(flags), ['new-checkout', 'payments-v2', 'search-suggestions', 'search-v2']);
    assert.equal(must(flags['search-suggestions']).created, '2026-10-15');
    assert.equal(must(flags['search-suggestions']).defaultValue, true);
  });

  it('returns the registry that exists instead of drafting over it', async () => {
    const s = await startSession(STOREFRONT);
    sessions.push(s);
    const drafted = await draftRegistryFor(s.workspace, s.folder);
    assert.ok('existing' in drafted);
    assert.equal(drafted.existing.path, s.abs('flags.yaml'));
  });

  it('picks the folder a command is about: by file, else by the key it knows', async () => {
    const s = must(sessions[1]);
    assert.equal(s.workspace.folderForCommand(s.abs('src/checkout.ts')), s.folder);
    assert.equal(s.workspace.folderForCommand(undefined, 'search-v2'), s.folder);
    assert.equal(s.workspace.folderForCommand('/elsewhere/file.ts'), undefined);
  });
});
