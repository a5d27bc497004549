import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StatusRequest, type StatusResult } from '../../protocol/src';
import { LspSession } from './lspSession';

const DISCOVERY = path.resolve(__dirname, '../../../test/fixtures/detect/discovery');

/**
 * A repository with no registry whose code reads flags through its own helpers: the status the
 * editor shows (and its set-up notice) names them, so the user learns the scan saw them.
 */
describe('language server: status of a workspace without a registry', function () {
  this.timeout(60_000);
  let root: string;
  let session: LspSession;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-in-house-')));
    fs.cpSync(DISCOVERY, root, { recursive: true });
    session = await LspSession.start(root);
    await session.ready();
  });

  after(async () => {
    await session?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('counts the places that look like the project’s own flag API, with their names', async () => {
    const status = await session.connection.sendRequest<StatusResult>(StatusRequest.method);
    assert.equal(status.registries, 0);
    assert.deepEqual(status.inHouse, {
      places: 5,
      names: ['getLicenseFeatureFlag', 'organization.features', 'evaluateFlag'],
    });
  });
});
