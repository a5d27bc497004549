import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  bytesInclude,
  decodeSource,
  readListedSourceBytes,
  ReadScratch,
  readSource,
} from '../../../server/src/core/engine/sourceText';

/**
 * The scan reads listed files as bytes and searches them before decoding (new wrapper names, the
 * content hash): each byte-level answer must be the one the decoded text gives.
 */
describe('source files read as bytes', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-source-bytes-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('searching the bytes for a name agrees with searching the decoded text, invalid UTF-8 included', () => {
    const names = ['isFeatureOn', 'useBetaGate', 'café', 'ƒlag'];
    // Bytes built from pieces of names, stray UTF-8 lead and continuation bytes, and ASCII filler.
    const piece = fc.oneof(
      fc.constantFrom(...names.map((n) => Buffer.from(n))),
      fc.constantFrom(...names.map((n) => Buffer.from(n).subarray(0, 3))),
      fc.uint8Array({ minLength: 1, maxLength: 4 }).map((a) => Buffer.from(a)),
      fc.constantFrom(Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xa9]), Buffer.from([0xf0, 0x9f])),
      fc.constantFrom(Buffer.from(' '), Buffer.from('('), Buffer.from('const x = ')),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom(...names), (pieces, name) => {
        const bytes = Buffer.concat(pieces);
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return; // a UTF-16 byte order mark: decoded first, tested below
        assert.equal(
          bytesInclude(bytes, name),
          bytes.toString('utf8').includes(name),
          `${bytes.toString('hex')} / ${name}`,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('a UTF-16 file is searched as its text', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('if (isFeatureOn("beta")) {}', 'utf16le')]);
    assert.equal(bytesInclude(le, 'isFeatureOn'), true);
    assert.equal(bytesInclude(le, 'useBetaGate'), false);
  });

  it('a listed file reads and decodes to what readSource gives, UTF-16 and invalid UTF-8 alike', () => {
    const files = {
      'plain.ts': Buffer.from('export const on = client.isFeatureOn("checkout-v2");\n'),
      'accents.ts': Buffer.from('// café ✓\nexport const label = "naïve";\n'),
      'broken.ts': Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x20, 0xc3, 0x28, 0x0a]),
      'wide.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('useFlag("wide-key");\n', 'utf16le')]),
    };
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const viaBytes = decodeSource(readListedSourceBytes(file));
      const direct = readSource(file);
      assert.ok('text' in viaBytes && 'text' in direct, name);
      assert.equal(viaBytes.text, direct.text, name);
      assert.equal(viaBytes.size, content.length, name);
    }
  });

  it('reads one file after another into a shared scratch buffer, growing it for a large file, as a fresh read gives', () => {
    // Files larger than the scratch's first 64 KB, smaller, a binary one and an empty one, in an order that reuses it.
    const contents = [
      Buffer.from('export const a = flags.isOn("alpha");\n'),
      Buffer.from('x'.repeat(200_000) + '\nuseFlag("big");\n'),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]),
      Buffer.from('const é = "short";\n'),
      Buffer.alloc(0),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('useFlag("wide");\n', 'utf16le')]),
      Buffer.from('y'.repeat(70_000)),
    ];
    const scratch = new ReadScratch();
    contents.forEach((content, i) => {
      const file = path.join(dir, `scratch-${i}.ts`);
      fs.writeFileSync(file, content);
      const shared = readListedSourceBytes(file, scratch);
      const fresh = readListedSourceBytes(file);
      if ('note' in fresh) {
        assert.ok('note' in shared && shared.note.kind === fresh.note.kind, `file ${i}`);
        return;
      }
      assert.ok('bytes' in shared, `file ${i}`);
      assert.ok(shared.bytes.equals(content) && fresh.bytes.equals(content), `file ${i}`);
      assert.deepEqual(decodeSource(shared), decodeSource(fresh), `file ${i}`);
    });
  });

  it('a binary file is still a note', () => {
    const file = path.join(dir, 'blob.ts');
    fs.writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    const read = readListedSourceBytes(file);
    assert.ok('note' in read);
    assert.equal(read.note.kind, 'binary');
  });

  it('a listed file that became a FIFO after the walk is a note, and the read does not hang', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'late.ts');
    execFileSync('mkfifo', [fifo]);
    const read = readListedSourceBytes(fifo);
    assert.ok('note' in read);
    assert.match(read.note.message, /late\.ts is a FIFO, not a file; skipped/);
  });
});
