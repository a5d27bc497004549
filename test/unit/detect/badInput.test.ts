import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ScanResult } from '../../../server/src/core/engine/types';
import type { ScanNote } from '../../../server/src/core/model';
import { fixturePath, refsIn, scanFolder } from './scanFixture';
import { must } from '../../helpers/must';

/**
 * Bad input never stops a scan: each problem becomes a note that says what and where, and every
 * other file's references are still found. The committed fixture (test/fixtures/detect/bad-input)
 * holds a file with a syntax error; the binary, oversized, looping and unreadable entries are made
 * in a temporary copy, since they do not belong in a repository.
 */
describe('detection: bad input', () => {
  let root: string;
  let result: ScanResult;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-bad-input-'));
    fs.cpSync(fixturePath('bad-input'), root, { recursive: true });
    // A PNG saved under a .ts name; the flag call text inside must not be read as code.
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.from("client.getBooleanValue('binary-flag', false)"),
    ]);
    fs.writeFileSync(path.join(root, 'src', 'logo.ts'), png);
    // A generated bundle over 1 MB that happens to contain a flag call.
    const rows = Array.from({ length: 30000 }, (_, i) => `  { id: ${i}, sku: 'SKU-${String(i).padStart(6, '0')}' },`);
    const big = `import { client } from './client';\nexport const bundled = client.getBooleanValue('bundled-flag', false);\nexport const catalog = [\n${rows.join('\n')}\n];\n`;
    assert.ok(Buffer.byteLength(big) > 1024 * 1024);
    fs.writeFileSync(path.join(root, 'src', 'catalog.generated.ts'), big);
    // A symbolic link back to the workspace root: walking into it would never end.
    fs.symlinkSync('..', path.join(root, 'src', 'workspace-root'), 'dir');
    result = await scanFolder(root);
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  const notesOf = (kind: ScanNote['kind']): ScanNote[] => result.notes.filter((n) => n.kind === kind);
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

  it('a syntax error is a note with its line and column; the flags before and after it are still found', () => {
    const note = notesOf('syntax-error').find((n) => rel(n.file) === 'src/broken.ts');
    assert.ok(note?.location, 'a syntax-error note with a location for src/broken.ts');
    assert.deepEqual(note.location.range.start, { line: 8, character: 9 });
    assert.match(note.message, /':' expected/);
    assert.deepEqual(refsIn(result, 'src/broken.ts'), [
      "L5 'express-quotes' → express-quotes call/literal openfeature:getBooleanValue boolean =false",
      "L9 'quote-multiplier' → quote-multiplier call/literal openfeature:getNumberValue number =1",
    ]);
  });

  it('a syntax error in a file that only calls a wrapper is a note too', () => {
    const note = notesOf('syntax-error').find((n) => rel(n.file) === 'src/quoteRules.ts');
    assert.ok(note?.location, 'a syntax-error note for src/quoteRules.ts');
    assert.equal(note.location.range.start.line, 8);
    assert.deepEqual(refsIn(result, 'src/quoteRules.ts'), [
      "L4 'quote-rounding' → quote-rounding wrapper-call/literal openfeature:quoteFeature boolean =false",
    ]);
  });

  it('a binary file with a .ts name is a note, not code', () => {
    assert.deepEqual(
      notesOf('binary').map((n) => rel(n.file)),
      ['src/logo.ts'],
    );
    assert.equal(
      result.references.some((r) => r.key === 'binary-flag'),
      false,
    );
  });

  it('a file over 1 MB is skipped with a too-large note', () => {
    const [note] = notesOf('too-large');
    assert.equal(rel(must(note).file), 'src/catalog.generated.ts');
    assert.match(must(note).message, /over 1 MB/);
    assert.equal(
      result.references.some((r) => r.key === 'bundled-flag'),
      false,
    );
  });

  it('a symbolic link loop is a note, and the files are scanned once', () => {
    assert.deepEqual(
      notesOf('symlink-loop').map((n) => rel(n.file)),
      ['src/workspace-root'],
    );
    assert.deepEqual(result.references.map((r) => `${rel(r.location.file)} ${r.key}`).sort(), [
      'src/broken.ts express-quotes',
      'src/broken.ts quote-multiplier',
      'src/healthy.ts warehouse-mode',
      'src/quoteRules.ts quote-rounding',
    ]);
  });

  it('an unreadable file is a note and the scan goes on', async function () {
    const file = path.join(root, 'src', 'secret.ts');
    fs.writeFileSync(
      file,
      "import { client } from './client';\nexport const hidden = client.getBooleanValue('hidden-flag', false);\n",
    );
    fs.chmodSync(file, 0o000);
    try {
      let readable = true;
      try {
        fs.readFileSync(file);
      } catch {
        readable = false;
      }
      // Root reads any file whatever its mode: then there is nothing to test.
      if (readable) this.skip();
      const again = await scanFolder(root);
      const note = again.notes.find((n) => n.kind === 'unreadable');
      assert.ok(note, 'no unreadable note');
      assert.equal(rel(note.file), 'src/secret.ts');
      assert.equal(
        again.references.some((r) => r.key === 'warehouse-mode'),
        true,
      );
    } finally {
      fs.chmodSync(file, 0o644);
      fs.rmSync(file);
    }
  });
});
