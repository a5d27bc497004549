import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFilesAtomically } from '../../../server/src/core/engine/atomicWrite';

/** A planned rewrite whose target is not a regular file is refused before any file is touched. */
describe('all-or-nothing writes to targets that are not files', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-targets-'));
    fs.writeFileSync(path.join(root, 'flags.yaml'), 'flags:\n  new-nav: { owner: "@web" }\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const [what, make] of [
    ['a folder', (p: string) => fs.mkdirSync(p)],
    ['a FIFO', (p: string) => execFileSync('mkfifo', [p])],
  ] as const) {
    it(`refuses ${what} and leaves the other targets unchanged`, function () {
      if (process.platform === 'win32' && what === 'a FIFO') this.skip();
      const target = path.join(root, 'nav.ts');
      make(target);
      const writes = [
        { file: path.join(root, 'flags.yaml'), text: 'flags: {}\n' },
        { file: target, text: 'render();\n' },
      ];
      assert.throws(() => writeFilesAtomically(writes, { root }), /nav\.ts.*not a regular file/);
      assert.equal(fs.readFileSync(path.join(root, 'flags.yaml'), 'utf8'), 'flags:\n  new-nav: { owner: "@web" }\n');
    });
  }
});
