import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, flaglint, NOW, removeScratch, requireBuiltCli } from './helpers/flaglint';

/** Source and registry inputs that used to hang the CLI or lose flags silently. */
describe('flaglint bad source and registry input', () => {
  before(requireBuiltCli);
  after(removeScratch);

  it('--registry naming a FIFO exits 2 instead of hanging', function () {
    if (process.platform === 'win32') this.skip();
    const dir = copyFixture('bookings');
    const fifo = path.join(dir, 'flags.fifo');
    execFileSync('mkfifo', [fifo]);
    const run = flaglint(['check', dir, '--registry', fifo, '--now', NOW]);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /is a FIFO, not a registry file/);
  });

  it('--registry naming a device exits 2', function () {
    if (process.platform === 'win32') this.skip();
    const run = flaglint(['check', copyFixture('bookings'), '--registry', '/dev/zero', '--now', NOW]);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /is a device, not a registry file/);
  });

  it('a UTF-16 LE source with a BOM is read, not called binary', () => {
    const dir = copyFixture('bookings');
    const file = path.join(dir, 'src/lib/flags.ts');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const run = flaglint(['check', dir, '--now', NOW, '--format', 'json']);
    assert.doesNotMatch(run.stdout + run.stderr, /looks binary/);
  });
});
