import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findCodeowners, parseCodeowners, readCodeowners } from '../../../server/src/core/registry';
import { fixture, read, removeDir, scratchDir } from './helpers';

describe('registry: CODEOWNERS', () => {
  it('reads the owners of .github/CODEOWNERS, once each, skipping comments and escaped paths', () => {
    assert.deepEqual(readCodeowners(fixture('monorepo')), [
      '@acme/platform',
      '@acme/payments',
      '@jane-doe',
      '@acme/billing',
      'billing-oncall@acme.example',
      '@acme/docs',
    ]);
  });

  it('understands GitLab sections with default owners', () => {
    assert.deepEqual(parseCodeowners(read(fixture('gitlab', 'CODEOWNERS'))), [
      '@acme/frontend',
      '@acme/web-leads',
      '@acme/docs',
    ]);
  });

  it("looks in .github/, the root and docs/, in GitHub's order", () => {
    const dir = scratchDir();
    try {
      assert.equal(findCodeowners(dir), undefined);
      assert.deepEqual(readCodeowners(dir), []);
      fs.mkdirSync(path.join(dir, 'docs'));
      fs.writeFileSync(path.join(dir, 'docs/CODEOWNERS'), '* @from-docs\n');
      assert.deepEqual(readCodeowners(dir), ['@from-docs']);
      fs.writeFileSync(path.join(dir, 'CODEOWNERS'), '* @from-root\n');
      assert.deepEqual(readCodeowners(dir), ['@from-root']);
      fs.mkdirSync(path.join(dir, '.github'));
      fs.writeFileSync(path.join(dir, '.github/CODEOWNERS'), '* @from-github\r\n');
      assert.deepEqual(readCodeowners(dir), ['@from-github']);
    } finally {
      removeDir(dir);
    }
  });
});
