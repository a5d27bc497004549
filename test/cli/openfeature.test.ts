import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { copyFixture, fixture, flaglint, NOW, removeScratch, requireBuiltCli } from './helpers/flaglint';
import { must } from '../helpers/must';

describe('flaglint import / export (OpenFeature manifest)', () => {
  before(requireBuiltCli);
  after(removeScratch);

  it('import adds the manifest flags the registry lacks, keeps existing entries and reports conflicts', () => {
    const dir = copyFixture('bookings');
    const registryFile = path.join(dir, 'flags.yaml');
    const before = fs.readFileSync(registryFile, 'utf8');
    const run = flaglint(['import', fixture('openfeature/flags.json')], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /Added 2 flags to flags\.yaml: waitlist-notifications, reminder-hours\./);
    assert.match(
      run.stderr,
      /flags\.yaml:\d+: deposit-payments: the manifest says defaultValue true, the registry false; the registry's value was kept\./,
    );
    const after = fs.readFileSync(registryFile, 'utf8');
    assert.ok(after.startsWith('# Feature flags of the bookings service.'), 'comments are kept');
    assert.ok(after.includes(must(before.split('\n  max-party-size:')[0])), 'existing entries are untouched');
    const flags = (parse(after) as { flags: Record<string, { valueType?: string; defaultValue?: unknown }> }).flags;
    assert.deepEqual(flags['reminder-hours'], {
      description: 'Hours before a booking that the reminder goes out.',
      valueType: 'number',
      defaultValue: 24,
    });
    assert.equal(must(flags['deposit-payments']).defaultValue, false);
    const check = flaglint(['check', dir, '--now', NOW, '--no-cache']);
    assert.doesNotMatch(check.stdout, /unregistered-flag/);
  });

  it('import --dry-run writes nothing', () => {
    const dir = copyFixture('bookings');
    const before = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    const run = flaglint(['import', fixture('openfeature/flags.json'), '--dry-run'], { cwd: dir });
    assert.equal(run.status, 0);
    assert.match(run.stderr, /Would add 2 flags/);
    assert.equal(fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8'), before);
  });

  it('import refuses a broken manifest with file:line:col and exit 2', () => {
    const dir = copyFixture('bookings');
    fs.writeFileSync(
      path.join(dir, 'bad.json'),
      '{\n  "flags": {\n    "x": { "flagType": "bool", "defaultValue": 1 }\n  }\n}\n',
    );
    const run = flaglint(['import', 'bad.json'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^bad\.json:3:\d+: .*flagType/m);
  });

  it('export writes the registry as a manifest, archived flags left out', () => {
    const dir = copyFixture('bookings');
    fs.appendFileSync(
      path.join(dir, 'flags.yaml'),
      '\n  legacy-slot-picker:\n    owner: "@bookings-team"\n    type: release\n    valueType: boolean\n    defaultValue: false\n    status: archived\n',
    );
    const run = flaglint(['export', '--output', 'openfeature.json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'openfeature.json'), 'utf8')) as {
      $schema: string;
      flags: Record<string, { flagType: string; defaultValue: unknown }>;
    };
    assert.match(manifest.$schema, /open-feature\/cli/);
    assert.deepEqual(manifest.flags['max-party-size'], {
      flagType: 'integer',
      defaultValue: 8,
      description: 'Largest party one booking may hold.',
    });
    assert.deepEqual(Object.keys(manifest.flags).sort(), [
      'deposit-payments',
      'instant-confirmation',
      'max-party-size',
    ]);
  });

  it('export prints to stdout, and exits with 2 without a registry', () => {
    const ok = flaglint(['export', fixture('invoicing')]);
    assert.equal(ok.status, 0);
    assert.equal(
      (JSON.parse(ok.stdout) as { flags: Record<string, unknown> }).flags['invoice-batch-size'] !== undefined,
      true,
    );
    const dir = copyFixture('no-registry');
    const none = flaglint(['export', dir]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no registry found/);
  });
});
