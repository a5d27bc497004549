import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEditsToText, diffToTextEdits, unifiedDiff } from '../../../server/src/core/remove';
import { applyOffsetEdits } from '../../../server/src/core/text';

const BEFORE = `import { a } from './a';
import { b } from './b';

export function f(x: number) {
  if (flag) {
    return a(x);
  }
  return b(x);
}

export const g = 1;
`;

const AFTER = `import { a } from './a';

export function f(x: number) {
  return a(x);
}

export const g = 1;
`;

describe('remove: text edits and diffs', () => {
  it('turns two texts into minimal non-overlapping edits that reproduce the new text', () => {
    const edits = diffToTextEdits('/w/f.ts', BEFORE, AFTER);
    assert.equal(applyEditsToText(BEFORE, edits), AFTER);
    // Only the changed regions are covered: the first import and the last two lines are untouched.
    for (const e of edits) {
      assert.ok(e.range.start.line >= 1, `edit starts on line ${e.range.start.line}`);
      assert.ok(e.range.end.line <= 8, `edit ends on line ${e.range.end.line}`);
    }
    assert.equal(edits.length, 2);
  });

  it('gives no edits for equal texts and handles a missing final newline', () => {
    assert.deepEqual(diffToTextEdits('/w/f.ts', BEFORE, BEFORE), []);
    const before = 'a\nb\nc';
    const after = 'a\nc';
    assert.equal(applyEditsToText(before, diffToTextEdits('/w/x', before, after)), after);
  });

  it('round-trips many generated edit scripts', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i} ${'x'.repeat(i % 7)}`);
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const after = [...lines];
      for (let k = 0; k < 1 + rand(6); k++) {
        const at = rand(after.length);
        const op = rand(3);
        if (op === 0) after.splice(at, 1);
        else if (op === 1) after.splice(at, 0, `new ${round}-${k}`);
        else after[at] = `${after[at]} changed`;
      }
      const a = lines.join('\n') + '\n';
      const b = after.join('\n') + '\n';
      assert.equal(applyEditsToText(a, diffToTextEdits('/w/r', a, b)), b, `round ${round}`);
    }
  });

  it('refuses overlapping edits instead of producing a corrupt file', () => {
    assert.throws(
      () =>
        applyOffsetEdits('abcdef', [
          { start: 1, end: 4, text: 'X' },
          { start: 3, end: 5, text: 'Y' },
        ]),
      /overlapping edits/,
    );
  });

  it('writes a unified diff that patch(1) applies', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-diff-'));
    try {
      fs.writeFileSync(path.join(dir, 'f.ts'), BEFORE);
      const diff = unifiedDiff('a/f.ts', 'b/f.ts', BEFORE, AFTER);
      assert.match(diff, /^--- a\/f\.ts\n\+\+\+ b\/f\.ts\n@@ -1,11 \+1,7 @@\n/);
      fs.writeFileSync(path.join(dir, 'change.diff'), diff);
      execFileSync('patch', ['-p1', '-i', 'change.diff'], { cwd: dir, stdio: 'pipe' });
      assert.equal(fs.readFileSync(path.join(dir, 'f.ts'), 'utf8'), AFTER);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('separates distant changes into hunks with three lines of context', () => {
    const before = Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n') + '\n';
    const after = before.replace('l2\n', 'L2\n').replace('l25\n', '');
    const diff = unifiedDiff('a/x', 'b/x', before, after);
    assert.deepEqual(
      diff.split('\n').filter((l) => l.startsWith('@@')),
      ['@@ -1,6 +1,6 @@', '@@ -23,7 +23,6 @@'],
    );
    assert.equal(unifiedDiff('a/x', 'b/x', before, before), '');
  });
});
