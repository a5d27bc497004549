import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, fixture, flaglint, NOW, removeScratch, requireBuiltCli } from './helpers/flaglint';

describe('flaglint check', () => {
  before(requireBuiltCli);
  after(removeScratch);

  it('exits with 1 when a flag is unregistered and prints each finding as file:line:col', () => {
    const run = flaglint(['check', fixture('bookings'), '--now', NOW, '--no-cache']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(
      run.stdout,
      /^test\/fixtures\/cli\/bookings\/src\/routes\/waitlist\.ts:8:46 {2}error {4}Flag 'waitlist-notifications' is not in the registry \(flags\.yaml\)\..* {2}\[unregistered-flag\]$/m,
    );
    assert.match(
      run.stdout,
      /^test\/fixtures\/cli\/bookings\/src\/routes\/bookings\.ts:13:\d+ {2}warning {2}Flag 'instant-confirmation' is stale: it expired on 2026-06-30 \(144 days ago\)/m,
    );
    assert.match(
      run.stdout,
      /^✖ 3 problems \(1 error, 2 warnings\): 3 files scanned, 4 flags \(1 unregistered\), 4 references\.$/m,
    );
    assert.equal(run.stderr, '');
  });

  it('exits with 0 when there are only warnings', () => {
    const run = flaglint(['check', fixture('invoicing'), '--now', NOW, '--no-cache']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\[stale-flag\]/);
    assert.match(run.stdout, /✖ 2 problems \(0 errors, 2 warnings\)/);
  });

  it('--max-warnings turns too many warnings into exit 1', () => {
    assert.equal(
      flaglint(['check', fixture('invoicing'), '--now', NOW, '--no-cache', '--max-warnings', '2']).status,
      0,
    );
    const run = flaglint(['check', fixture('invoicing'), '--now', NOW, '--no-cache', '--max-warnings', '1']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /2 warnings, more than --max-warnings 1/);
  });

  it('judges dates by --now: before the expiry the flag is not stale and the run is clean', () => {
    const run = flaglint(['check', fixture('invoicing'), '--now', '2026-09-01', '--no-cache']);
    assert.equal(run.status, 0);
    // Still rolled out, so still stale; but no longer over the age limit.
    assert.doesNotMatch(run.stdout, /over the 90-day limit/);
  });

  it('exits with 2 on a registry it cannot read, naming file:line:col on stderr, without a stack trace', () => {
    const run = flaglint(['check', fixture('broken-registry'), '--now', NOW, '--no-cache']);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /the registry cannot be used until this is fixed:\ntest\/fixtures\/cli\/broken-registry\/flags\.yaml:5:\d+: /,
    );
    assert.doesNotMatch(run.stderr, /^\s+at /m);
    assert.match(run.stdout, /flags\.yaml:5:\d+ {2}error {4}.*\[invalid-registry\]/);
  });

  it('uses the registry given with --registry', () => {
    const run = flaglint([
      'check',
      fixture('no-registry'),
      '--registry',
      path.join(fixture('invoicing'), 'flags.yaml'),
      '--now',
      NOW,
      '--no-cache',
    ]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /'search-ranking-experiment' is not in the registry \(flags\.yaml\)/);
    assert.match(run.stdout, /'pdf-invoices-v2' is rolled-out but no code evaluates it/);
  });

  it('says how to start when there is no registry at all', () => {
    const dir = copyFixture('no-registry');
    const run = flaglint(['check', dir, '--now', NOW, '--no-cache']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no registry found .* Run `flaglint init`/);
    assert.equal((run.stdout.match(/\[unregistered-flag\]/g) ?? []).length, 4);
  });

  it('writes the report to --output and nothing to stdout', () => {
    const dir = copyFixture('bookings');
    const out = path.join(dir, 'reports', 'flaglint.txt');
    const run = flaglint(['check', '.', '--output', out, '--now', NOW, '--no-cache'], { cwd: dir });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    const text = fs.readFileSync(out, 'utf8');
    assert.match(text, /^src\/routes\/waitlist\.ts:8:46 {2}error/m);
    assert.doesNotMatch(text, /\u001b\[/, 'no colour in files');
  });

  it('writes and then reuses its cache without changing the answer', () => {
    const dir = copyFixture('bookings');
    const first = flaglint(['check', dir, '--now', NOW, '--format', 'json']);
    assert.equal(fs.existsSync(path.join(dir, '.flaglint-cache')), false, 'no cache folder in the repository');
    const base = process.env.FLAGLINT_CACHE_DIR ?? '';
    assert.ok(
      fs.readdirSync(base).some((f) => fs.existsSync(path.join(base, f, 'index.jsonl'))),
      'the cache is kept in FLAGLINT_CACHE_DIR',
    );
    const second = flaglint(['check', dir, '--now', NOW, '--format', 'json']);
    const findings = (s: string) => (JSON.parse(s) as { findings: unknown[] }).findings;
    assert.deepEqual(findings(second.stdout), findings(first.stdout));
    assert.equal(second.status, 1);
  });

  it('colours the text report with --color and not with --no-color', () => {
    const colored = flaglint(['check', fixture('bookings'), '--now', NOW, '--no-cache', '--color']);
    assert.match(colored.stdout, /\u001b\[31merror/);
    const plain = flaglint(['check', fixture('bookings'), '--now', NOW, '--no-cache', '--no-color'], {
      env: { FORCE_COLOR: '1' },
    });
    assert.doesNotMatch(plain.stdout, /\u001b\[/);
  });
});
