import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRulesDoc } from '../../../server/src/core/report/rulesDoc';
import { RULES } from '../../../server/src/core/rules';
import { REPO_ROOT } from '../../helpers/workspace';

describe('docs/rules.md', () => {
  it('is what the rules say about themselves (regenerate with node scripts/generate-rules-doc.mjs)', () => {
    const onDisk = fs.readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    assert.equal(onDisk, renderRulesDoc());
  });

  it('has a section for every rule id, the anchor SARIF links to', () => {
    const headings = fs
      .readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3));
    assert.deepEqual(
      headings,
      RULES.map((r) => r.id),
    );
  });
});
