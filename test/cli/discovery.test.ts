import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parse } from 'yaml';
import { flaglint, REPO_ROOT, requireBuiltCli } from './helpers/flaglint';
import { must } from '../helpers/must';

const PROJECT = path.join(REPO_ROOT, 'test/fixtures/detect/discovery');

/** `flaglint init` proposes the in-house flag API it sees; `flaglint check` says so in one line. */
describe('flaglint init / check: discovering the in-house flag API', () => {
  before(requireBuiltCli);

  it('init writes the proposed scan section, a comment per entry, and drafts the flags that section finds', () => {
    const run = flaglint(['init', PROJECT, '--dry-run', '--no-cache', '--now', '2026-10-01']);
    assert.equal(run.status, 0, run.stderr);
    const doc = parse(run.stdout) as {
      scan: { functions: string[]; collections: string[] };
      flags: Record<string, unknown>;
    };
    assert.deepEqual(doc.scan, {
      functions: ['getLicenseFeatureFlag', 'evaluateFlag'],
      collections: ['organization.features'],
    });
    assert.match(
      run.stdout,
      /# calls named like a flag read, with a flag key as argument 0: 2 places, e\.g\. src\/licensing\/gates\.ts:4\n {4}- "getLicenseFeatureFlag"/,
    );
    for (const key of ['auditExport', 'sso', 'bulkInvoices', 'scheduled-reports', 'multi-currency'])
      assert.ok(key in doc.flags, `${key} drafted`);
    assert.ok(!('beta-tester' in doc.flags), 'tags are not flags');
    assert.ok(!('made-up-feature' in doc.flags), 'a key evaluated only in a test gets no entry');
  });

  it('check prints a one-line hint while the registry does not describe the API', () => {
    const run = flaglint(['check', PROJECT, '--no-cache']);
    const hints = run.stderr.split('\n').filter((l) => l.includes('hint:'));
    assert.equal(hints.length, 1);
    assert.match(
      must(hints[0]),
      /own API \(getLicenseFeatureFlag, organization\.features, evaluateFlag; 5 places Flaglint does not count yet\)\. `flaglint init --dry-run` proposes the scan section\.$/,
    );
  });
});
