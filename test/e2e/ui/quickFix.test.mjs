// A quick fix from the editor (Ctrl+.) adds an unregistered flag to the registry; the file keeps its
// comments and entries, and the problem goes away.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { session, shot, workbench } from './session.mjs';
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

    // The fix opens flags.yaml at the new entry, its placeholders as snippet tab stops (the
    // description selected first), and says which problems the entry still has.
    await eventually(
      'flags.yaml revealed at the new entry',
      async () =>
        (await wb.activeTabText()).includes('flags.yaml') &&
        (await wb.visibleLines()).some((text) => /^\s+holiday-banner:/.test(text)),
    );
    await eventually(
      'the description placeholder selected',
      async () => (await wb.page.locator('.editor-instance .monaco-editor .selected-text').count()) > 0,
    );
    const toast = wb.page
      .locator('.notifications-toasts .notification-toast')
      .filter({ hasText: "new entry 'holiday-banner' still has" });
    await eventually("a notification naming the new entry's remaining problems", () => toast.first().isVisible(), {
      timeout: 20_000,
    });
    await shot(wb, 'add-to-registry');
    await wb.press('Escape');
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
    await eventually(
      'the unregistered-flag problem to leave the Problems panel',
      async () => !(await wb.problemTexts()).some((text) => text.includes('unregistered-flag')),
    );
    await wb.filterProblems('');
  });
});
