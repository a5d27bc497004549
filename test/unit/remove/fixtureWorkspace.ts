import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { applyEditsToText, unifiedDiff } from '../../../server/src/core/remove';
import type { RemoveFlagResult } from '../../../server/src/core/remove';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/remove');

/** A fixture's `before/` tree copied to a temporary folder (the removal rewrites files there). */
export function copyWorkspace(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `flaglint-remove-${fixture}-`));
  fs.cpSync(path.join(FIXTURES, fixture, 'before'), dir, { recursive: true });
  return fs.realpathSync(dir);
}

export async function scanned(root: string): Promise<FlagIndex> {
  const index = new FlagIndex({ root, cacheDir: false });
  await index.scan();
  return index;
}

/** Applies the result's edits (the LSP would send exactly these) to the files on disk. */
export function applyResult(result: RemoveFlagResult): void {
  const byFile = new Map<string, typeof result.edits>();
  for (const e of result.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    if (edits.some((e) => e.deleteFile)) {
      fs.rmSync(file);
      continue;
    }
    const text = applyEditsToText(fs.readFileSync(file, 'utf8'), edits);
    const change = result.changes.find((c) => c.file === file);
    assert.equal(text, change?.after, `the edits and the reported new text of ${file} disagree`);
    fs.writeFileSync(file, text);
  }
}

function listTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** The workspace must equal the fixture's `after/` tree file for file; a mismatch shows as a diff. */
export function assertMatchesAfter(root: string, fixture: string): void {
  const expectedRoot = path.join(FIXTURES, fixture, 'after');
  const actual = listTree(root);
  const expected = listTree(expectedRoot);
  assert.deepEqual(actual, expected, 'the set of files after the removal');
  const diffs: string[] = [];
  for (const rel of expected) {
    const want = fs.readFileSync(path.join(expectedRoot, rel), 'utf8');
    const got = fs.readFileSync(path.join(root, rel), 'utf8');
    if (want !== got) diffs.push(unifiedDiff(`expected/${rel}`, `actual/${rel}`, want, got));
  }
  assert.ok(diffs.length === 0, `the rewritten files differ from the expected ones:\n${diffs.join('\n')}`);
}
