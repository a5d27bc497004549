// A quick fix from the editor (Ctrl+.) adds an unregistered flag to the registry; the file keeps its
// comments and entries, and the problem goes away.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { session, workbench } from './session.mjs';
import { eventually } from './workbench.mjs';

const HEADER = 'apps/web/src/components/Header.tsx';

describe('Quick fix in the editor', () => {
  it('adds an unregistered flag to flags.yaml', async () => {
    const wb = workbench();
    const registryPath = path.join(session.workspace, 'flags.yaml');
    const before = fs.readFileSync(registryPath, 'utf8');
    await wb.openFile(HEADER);
    const { line, column } = wb.positionOf(HEADER, "'holiday-banner'");
    const title = await wb.applyQuickFix(line, column + 2, /holiday-banner/);
    assert.match(title, /add/i);

    // The fix edits flags.yaml in the editor; the user reviews and saves it.
    await wb.openFile('flags.yaml');
    await wb.save();
    const after = await eventually('holiday-banner in flags.yaml on disk', () => {
      const text = fs.readFileSync(registryPath, 'utf8');
      return /^\s+holiday-banner:/m.test(text) ? text : undefined;
    });
    const lost = before.split('\n').filter((text) => text.trim() && !after.includes(text));
    assert.deepEqual(lost, [], 'lines of the registry were lost or rewritten');

    await wb.openFile(HEADER);
    await wb.openProblems();
    await wb.filterProblems('holiday-banner');
    await eventually('the unregistered-flag problem to leave the Problems panel', async () =>
      !(await wb.problemTexts()).some((text) => text.includes('unregistered-flag')),
    );
    await wb.filterProblems('');
  });
});
