import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, flaglint, NOW, REPO_ROOT, requireBuiltCli } from './helpers/flaglint';

/** Bad usage exits with 2 and one clear message, never a stack trace. */
function assertUsageError(args: string[], message: RegExp): void {
  const run = flaglint(args);
  assert.equal(run.status, 2, `${args.join(' ')}\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, /^\s+at .+:\d+:\d+\)?$/m);
  assert.equal(run.stdout, '');
}

describe('flaglint usage errors', () => {
  before(requireBuiltCli);

  it('a path that does not exist', () => {
    assertUsageError(['check', 'no/such/folder'], /^flaglint: path 'no\/such\/folder' does not exist\.$/m);
  });

  it('a file where a folder is expected', () => {
    assertUsageError(['check', 'package.json'], /'package\.json' is not a folder/);
  });

  it('an unknown format', () => {
    assertUsageError(
      ['check', fixture('bookings'), '--format', 'xml'],
      /argument 'xml' is invalid\. Allowed choices are text, json, sarif, markdown\./,
    );
    assertUsageError(
      ['list', fixture('bookings'), '--format', 'sarif'],
      /Allowed choices are text, json, csv, markdown\./,
    );
  });

  it('a date that is not YYYY-MM-DD or not a real day', () => {
    assertUsageError(['check', fixture('bookings'), '--now', '21/11/2026'], /expected a date as YYYY-MM-DD/);
    assertUsageError(['check', fixture('bookings'), '--now', '2026-02-30'], /expected a date as YYYY-MM-DD/);
  });

  it('a registry that does not exist', () => {
    assertUsageError(
      ['check', fixture('bookings'), '--registry', 'missing/flags.yaml', '--now', NOW],
      /registry 'missing\/flags\.yaml' does not exist/,
    );
  });

  it('an unknown option or command', () => {
    assertUsageError(['check', '--bogus'], /unknown option '--bogus'/);
    assertUsageError(['chek'], /unknown command 'chek'.*\n?.*Did you mean check\?/);
  });

  it('--max-warnings that is not a number', () => {
    assertUsageError(['check', fixture('bookings'), '--max-warnings', 'many'], /expected a whole number/);
  });

  it('--help and --version exit with 0', () => {
    const help = flaglint(['--help']);
    assert.equal(help.status, 0);
    for (const command of ['check', 'list', 'init', 'import', 'export', 'remove'])
      assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
    const version = flaglint(['--version']);
    assert.equal(version.status, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), pkg.version);
  });
});
