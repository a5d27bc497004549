import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import type { JsonReport } from '../../server/src/core/report';
import { copyFixture, fixture, flaglint, NOW, REPO_ROOT, removeScratch, requireBuiltCli } from './helpers/flaglint';
import { must } from '../helpers/must';

describe('flaglint check --format', () => {
  before(requireBuiltCli);
  after(removeScratch);

  it('json: the documented shape, root-relative paths, 1-based positions', () => {
    const run = flaglint(['check', fixture('bookings'), '--format', 'json', '--now', NOW, '--no-cache']);
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(Object.keys(report), [
      'version',
      'tool',
      'root',
      'summary',
      'findings',
      'inventory',
      'references',
      'dynamic',
      'notes',
      'stats',
    ]);
    assert.equal(report.root, fixture('bookings'));
    assert.deepEqual(
      report.findings.map((f) => [f.ruleId, f.file, f.line, f.flagKey]),
      [
        ['stale-flag', 'flags.yaml', 7, 'instant-confirmation'],
        ['stale-flag', 'src/routes/bookings.ts', 13, 'instant-confirmation'],
        ['unregistered-flag', 'src/routes/waitlist.ts', 8, 'waitlist-notifications'],
      ],
    );
    assert.equal(must(report.findings[2]).column, 46);
    assert.equal(report.summary.errors, 1);
    const waitlist = report.inventory.find((r) => r.key === 'waitlist-notifications')!;
    assert.equal(waitlist.registered, false);
    assert.deepEqual(waitlist.packages, ['@acme/bookings']);
  });

  it('sarif: valid SARIF 2.1.0 with results relative to %SRCROOT%', () => {
    const run = flaglint(['check', fixture('bookings'), '--format', 'sarif', '--now', NOW, '--no-cache']);
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/report/sarif-schema-2.1.0.json'), 'utf8')),
    );
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const unregistered = must(log.runs[0]).results!.find((r) => r.ruleId === 'unregistered-flag')!;
    assert.equal(unregistered.level, 'error');
    assert.deepEqual(must(unregistered.locations![0]).physicalLocation!.artifactLocation, {
      uri: 'src/routes/waitlist.ts',
      uriBaseId: '%SRCROOT%',
    });
    assert.equal(must(unregistered.locations![0]).physicalLocation!.region!.startLine, 8);
  });

  it('markdown: a PR comment with a summary, findings by rule and the inventory', () => {
    const run = flaglint(['check', fixture('bookings'), '--format', 'markdown', '--now', NOW, '--no-cache']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^## Flaglint\n\n\*\*1 error, 2 warnings\*\* in 3 files scanned/);
    assert.match(run.stdout, /### `unregistered-flag` \(1\)/);
    assert.match(run.stdout, /\| ❌ \| `src\/routes\/waitlist\.ts:8` \| `waitlist-notifications` \|/);
    assert.match(run.stdout, /<details><summary>Flag inventory \(4\)<\/summary>/);
  });

  it('--output with sarif writes the file for code scanning upload', () => {
    const dir = copyFixture('bookings');
    const run = flaglint([
      'check',
      dir,
      '--format',
      'sarif',
      '--output',
      path.join(dir, 'flaglint.sarif'),
      '--now',
      NOW,
      '--no-cache',
    ]);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'flaglint.sarif'), 'utf8')) as Sarif.Log).version, '2.1.0');
  });
});
