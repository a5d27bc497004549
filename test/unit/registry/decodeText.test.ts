import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { decodeRegistryBytes, firstInvalidUtf8 } from '../../../server/src/core/registry/decodeText';
import { loadRegistry } from '../../../server/src/core/registry';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('registry bytes to text', () => {
  it('accepts UTF-8 with and without a byte order mark, multi-byte characters included', () => {
    assert.deepEqual(decodeRegistryBytes(bytes([0xef, 0xbb, 0xbf], 'flags:\n  caf\u00e9-\u{1f680}: {}\n')), {
      text: 'flags:\n  caf\u00e9-\u{1f680}: {}\n',
    });
    assert.equal(firstInvalidUtf8(bytes('owner: "@pay\u00e9"\n\u4e2d\u6587')), undefined);
  });

  it('finds the first byte that is not UTF-8: a stray byte, an overlong form, a surrogate, a cut-off character', () => {
    assert.equal(firstInvalidUtf8(bytes('ab', [0xff], 'c')), 2);
    assert.equal(firstInvalidUtf8(bytes('x', [0xc0, 0x80])), 1);
    assert.equal(firstInvalidUtf8(bytes('xy', [0xed, 0xa0, 0x80])), 2);
    assert.equal(firstInvalidUtf8(bytes('key: ', [0xe2, 0x82])), 5);
    assert.equal(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80])), 0);
  });

  it('reports the line and the column in characters, counting multi-byte characters once', () => {
    const decoded = decodeRegistryBytes(bytes('flags:\n  \u00e9t\u00e9-', [0xe9], '\n'));
    assert.ok('error' in decoded);
    assert.deepEqual([decoded.line, decoded.character], [1, 6]);
    assert.match(decoded.error, /byte 0xE9 at line 2, column 7 \(byte 15\)/);
  });

  it('names UTF-16 LE and BE', () => {
    const le = decodeRegistryBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('flags: {}\n', 'utf16le')]));
    const be = decodeRegistryBytes(
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('flags: {}\n', 'utf16le').swap16()]),
    );
    assert.ok('error' in le && 'error' in be);
    assert.match(le.error, /encoded as UTF-16 LE/);
    assert.match(be.error, /encoded as UTF-16 BE/);
  });
});

describe('a folder registry with entries that are not files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-folder-kinds-'));
    fs.cpSync(path.join(__dirname, '../../../../test/fixtures/registry/folder/flags'), path.join(dir, 'flags'), {
      recursive: true,
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names a flag file that is a folder or a FIFO, and still reads the others', function () {
    if (process.platform === 'win32') this.skip();
    fs.mkdirSync(path.join(dir, 'flags/gift-cards.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'flags/express-checkout.yaml')]);
    const reg = loadRegistry(path.join(dir, 'flags'));
    const messages = reg.problems.map((p) => `${path.relative(dir, p.location.file)}: ${p.message}`);
    assert.ok(
      messages.some((m) => /^flags\/gift-cards\.yaml: .*is a folder, not a file/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /^flags\/express-checkout\.yaml: .*is a FIFO, not a file/.test(m)),
      messages.join('\n'),
    );
    assert.ok(reg.flags.has('pdp.recommendations.carousel') && reg.flags.has('wallets'));
    assert.ok(!reg.flags.has('gift-cards') && !reg.flags.has('express-checkout'));
  });
});
