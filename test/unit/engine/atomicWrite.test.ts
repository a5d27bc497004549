import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  AtomicWriteError,
  nodeWriteSeam,
  writeFilesAtomically,
  type PlannedWrite,
  type WriteSeam,
} from '../../../server/src/core/engine/atomicWrite';

/** Every file under a folder with its bytes: the workspace as a user would compare it. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(root, file), fs.readFileSync(file).toString('base64'));
  }
  return out;
}

function workspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-atomic-'));
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'flags.yaml'), 'flags:\n  # kept on\n  new-nav: { owner: "@web" }\r\n');
  fs.writeFileSync(path.join(root, 'src/nav.ts'), "if (isEnabled('new-nav')) render();\n");
  fs.writeFileSync(path.join(root, 'src/old.ts'), 'export const legacy = 1;\n');
  return root;
}

function plan(root: string): PlannedWrite[] {
  return [
    { file: path.join(root, 'flags.yaml'), text: 'flags: {}\n' },
    { file: path.join(root, 'src/nav.ts'), text: 'render();\n' },
    { file: path.join(root, 'src/old.ts'), text: undefined },
    { file: path.join(root, 'src/new/made.ts'), text: 'export {};\n' },
  ];
}

/** A seam whose k-th disk-changing call fails like a full disk; the calls after it succeed (restoring). */
function failingAt(k: number): { seam: WriteSeam; calls: () => number } {
  let n = 0;
  const fail = (): void => {
    if (++n === k) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  };
  return {
    calls: () => n,
    seam: {
      writeFile: (f, d) => (fail(), nodeWriteSeam.writeFile(f, d)),
      rename: (a, b) => (fail(), nodeWriteSeam.rename(a, b)),
      remove: (f) => (fail(), nodeWriteSeam.remove(f)),
    },
  };
}

describe('all-or-nothing writes of several files', () => {
  it('writes, deletes and creates every planned file', () => {
    const root = workspace();
    writeFilesAtomically(plan(root), { root });
    assert.equal(fs.readFileSync(path.join(root, 'src/nav.ts'), 'utf8'), 'render();\n');
    assert.equal(fs.existsSync(path.join(root, 'src/old.ts')), false);
    assert.equal(fs.readFileSync(path.join(root, 'src/new/made.ts'), 'utf8'), 'export {};\n');
    assert.deepEqual(
      [...snapshot(root).keys()].filter((f) => f.includes('.tmp')),
      [],
    );
  });

  it('failing the k-th write for every k leaves the workspace byte for byte as it was', () => {
    const total = (() => {
      const root = workspace();
      const counting = failingAt(Number.POSITIVE_INFINITY);
      writeFilesAtomically(plan(root), { root, seam: counting.seam });
      return counting.calls();
    })();
    assert.ok(total >= 7, `a plan of 4 files makes ${total} disk changes`);
    for (let k = 1; k <= total; k++) {
      const root = workspace();
      const before = snapshot(root);
      assert.throws(
        () => writeFilesAtomically(plan(root), { root, seam: failingAt(k).seam }),
        (e: unknown) => e instanceof AtomicWriteError && /ENOSPC; nothing was changed/.test(e.message),
        `write ${k} of ${total}`,
      );
      assert.deepEqual(snapshot(root), before, `after failing write ${k} of ${total}`);
      assert.equal(fs.existsSync(path.join(root, 'src/new')), false, 'a folder made for a new file is taken back');
    }
  });

  it('refuses, before writing anything, a target reached through a link or outside the workspace', () => {
    const root = workspace();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-outside-'));
    fs.writeFileSync(path.join(outside, 'victim.ts'), 'export const secret = 1;\n');
    fs.symlinkSync(outside, path.join(root, 'linked'));
    const before = snapshot(root);
    assert.throws(
      () => writeFilesAtomically([...plan(root), { file: path.join(root, 'linked/victim.ts'), text: 'x' }], { root }),
      AtomicWriteError,
    );
    assert.deepEqual(snapshot(root), before);
    assert.equal(fs.readFileSync(path.join(outside, 'victim.ts'), 'utf8'), 'export const secret = 1;\n');
    fs.symlinkSync(path.join(outside, 'victim.ts'), path.join(root, 'src/link.ts'));
    assert.throws(
      () => writeFilesAtomically([{ file: path.join(root, 'src/link.ts'), text: 'x' }], { root }),
      /symbolic link/,
    );
    assert.equal(fs.readFileSync(path.join(outside, 'victim.ts'), 'utf8'), 'export const secret = 1;\n');
  });
});
