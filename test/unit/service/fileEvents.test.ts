import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { startSession, STOREFRONT, type TestSession } from './session';

describe('service: file watcher events', () => {
  let s: TestSession;
  beforeEach(async () => {
    process.env.FLAGLINT_NOW = '2026-10-15';
    s = await startSession(STOREFRONT);
  });
  afterEach(() => {
    s.dispose();
    delete process.env.FLAGLINT_NOW;
  });

  it('updates one changed source file in place', () => {
    const index = s.folder.index;
    fs.appendFileSync(
      s.abs('src/checkout.ts'),
      "\nexport const late = () => client.getBooleanValue('late-shipping', false);\n",
    );
    s.workspace.fileEvent(s.abs('src/checkout.ts'), 'changed');
    assert.equal(s.folder.index, index, 'no rebuild');
    assert.equal(s.folder.state, 'ready');
    assert.equal(s.folder.referencesTo('late-shipping').length, 1);
  });

  it('rebuilds the folder when ownership or a registry appears', async () => {
    const index = s.folder.index;
    fs.writeFileSync(s.abs('CODEOWNERS'), '* @checkout\n');
    s.workspace.fileEvent(s.abs('CODEOWNERS'), 'created');
    assert.notEqual(s.folder.index, index, 'a new index');
    await s.workspace.scan(s.folder);
    assert.equal(s.folder.state, 'ready');
    const before = s.folder.index;
    fs.mkdirSync(s.abs('packages/web'), { recursive: true });
    fs.writeFileSync(s.abs('packages/web/flags.yaml'), 'flags: {}\n');
    s.workspace.fileEvent(s.abs('packages/web/flags.yaml'), 'created');
    assert.notEqual(s.folder.index, before);
  });

  it('ignores files outside every folder', () => {
    const index = s.folder.index;
    s.workspace.fileEvent('/somewhere/else/flags.yaml', 'created');
    assert.equal(s.folder.index, index);
  });
});
