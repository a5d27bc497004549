import * as assert from 'node:assert/strict';
import { fixture, flaglint, NOW, requireBuiltCli } from './helpers/flaglint';
import { must } from '../helpers/must';

interface Row {
  key: string;
  registered: boolean;
  owner?: string;
  references: number;
  packages: string[];
  ageDays?: number;
  daysToExpiry?: number;
  registry?: string;
}

describe('flaglint list', () => {
  before(requireBuiltCli);

  it('json: every registered flag and every unregistered key, with age, expiry and blast radius', () => {
    const run = flaglint(['list', fixture('bookings'), '--format', 'json', '--now', NOW, '--no-cache']);
    assert.equal(run.status, 0, run.stderr);
    const rows = (JSON.parse(run.stdout) as { inventory: Row[] }).inventory;
    assert.deepEqual(
      rows.map((r) => [r.key, r.registered, r.references]),
      [
        ['deposit-payments', true, 1],
        ['instant-confirmation', true, 1],
        ['max-party-size', true, 1],
        ['waitlist-notifications', false, 1],
      ],
    );
    const deposit = must(rows[0]);
    assert.equal(deposit.owner, '@payments');
    assert.equal(deposit.ageDays, 68);
    assert.equal(deposit.daysToExpiry, 71);
    assert.deepEqual(deposit.packages, ['@acme/bookings']);
    assert.equal(deposit.registry, 'flags.yaml');
    assert.equal(must(rows[1]).daysToExpiry, -144);
  });

  it('text: an aligned table and a summary line', () => {
    const run = flaglint(['list', fixture('bookings'), '--now', NOW, '--no-cache']);
    assert.equal(run.status, 0);
    const lines = run.stdout.split('\n');
    assert.match(must(lines[0]), /^FLAG {2,}OWNER {2,}TYPE {2,}STATUS/);
    assert.match(
      run.stdout,
      /^instant-confirmation +@bookings-team +release +active +264d +expired 144d ago +1 +@acme\/bookings +0E 2W$/m,
    );
    assert.match(run.stdout, /^max-party-size .* permanent /m);
    assert.match(run.stdout, /^waitlist-notifications +unregistered /m);
    assert.match(run.stdout, /4 flags: 3 registered, 1 unregistered, 0 registered but not referenced\.\n$/);
  });

  it('csv: a header and one RFC 4180 record per flag', () => {
    const run = flaglint(['list', fixture('bookings'), '--format', 'csv', '--now', NOW, '--no-cache']);
    assert.equal(run.status, 0);
    const records = run.stdout.split('\r\n');
    assert.equal(records.pop(), '', 'every record ends with CRLF');
    assert.equal(records.length, 5);
    assert.match(must(records[0]), /^key,registered,description,owner,type,status,/);
    assert.match(
      must(records[1]),
      /^deposit-payments,true,Take a 20% deposit at booking time\.,@payments,release,active,boolean,2026-09-14,2027-01-31,68,71,false,1,1,@acme\/bookings,,true,,0,0,flags\.yaml$/,
    );
    assert.match(
      must(records[2]),
      /^instant-confirmation,true,"Confirm bookings without manual review, when a slot is free\.",@bookings-team,/,
      'a field with a comma is quoted',
    );
  });

  it('--references --format csv: one record per place the code evaluates a flag', () => {
    const run = flaglint(['list', fixture('bookings'), '--references', '--format', 'csv', '--now', NOW, '--no-cache']);
    assert.equal(run.status, 0, run.stderr);
    const records = run.stdout.split('\r\n');
    assert.equal(records.pop(), '');
    assert.equal(records[0], 'file,line,column,endLine,endColumn,key,registryKey,source,callee,form,via,inTest');
    assert.ok(
      records.includes(
        'src/routes/waitlist.ts,8,46,8,70,waitlist-notifications,,openfeature,getBooleanValue,literal,,false',
      ),
      records.join('\n'),
    );
    const md = flaglint(['list', fixture('bookings'), '--references', '--format', 'markdown', '--no-cache']);
    assert.equal(md.status, 2);
    assert.match(md.stderr, /--references prints text, json or csv/);
  });

  it('markdown: a table', () => {
    const run = flaglint(['list', fixture('bookings'), '--format', 'markdown', '--now', NOW, '--no-cache']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^\| Flag \| Owner \| Type \|/);
    assert.match(run.stdout, /^\| `waitlist-notifications` \| _unregistered_ \|/m);
  });

  it('exits with 2 when the registry cannot be read', () => {
    const run = flaglint(['list', fixture('broken-registry'), '--format', 'json', '--now', NOW, '--no-cache']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /flags\.yaml:5:\d+: /);
  });
});
