import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspSession, copyFixture } from './lspSession';
import { must } from '../helpers/must';

/** The server writes into the workspace only what the user asks for: its cache goes to the extension's storage. */
describe('language server: analysis cache location', function () {
  this.timeout(60_000);

  it('keeps the cache in the folder the client names, never in the workspace', async () => {
    const root = copyFixture('app');
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-storage-'));
    const session = await LspSession.start(root, { cacheDir: storage });
    try {
      await session.ready();
      assert.equal(fs.existsSync(path.join(root, '.flaglint-cache')), false, 'no cache folder in the workspace');
      const written = fs.readdirSync(storage);
      assert.equal(written.length, 1, 'one cache folder for the one workspace folder');
      assert.ok(fs.existsSync(path.join(storage, must(written[0]), 'index.jsonl')));
    } finally {
      await session.stop();
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });

  it('caches nothing when the client gives no storage', async () => {
    const root = copyFixture('app');
    const session = await LspSession.start(root);
    try {
      await session.ready();
      assert.equal(fs.existsSync(path.join(root, '.flaglint-cache')), false);
    } finally {
      await session.stop();
    }
  });
});
