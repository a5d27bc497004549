import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSource } from '../../../server/src/core/engine/sourceText';

/** Source paths that are not regular files, as an editor's file events can hand them over. */
describe('reading a source path that is not a file', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-source-kinds-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a FIFO named like a source file is a note, and is never opened (no hang)', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'flags.ts');
    execFileSync('mkfifo', [fifo]);
    const read = readSource(fifo);
    assert.ok('note' in read);
    assert.equal(read.note.kind, 'unreadable');
    assert.match(read.note.message, /flags\.ts is a FIFO, not a file; skipped/);
  });

  it('a folder named like a source file is a note', () => {
    const folder = path.join(dir, 'index.ts');
    fs.mkdirSync(folder);
    const read = readSource(folder);
    assert.ok('note' in read);
    assert.match(read.note.message, /index\.ts is a folder, not a file/);
  });
});
