// Remove flag → Preview… → Apply, as a user does it: the command palette's picker starts at the
// flag under the cursor, the refactor preview opens with every change checked and showing the real
// diff, and Apply there rewrites the code.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { session, shot, workbench } from './session.mjs';
import { eventually } from './workbench.mjs';

const SEARCH = 'apps/api/src/routes/search.ts';
const plain = (text) => text.replace(/\u00a0/g, ' ');

describe('Remove flag with preview', () => {
  it('previews the removal of legacy-search with every change checked, and Apply rewrites the code', async () => {
    const wb = workbench();
    const file = path.join(session.workspace, SEARCH);
    assert.match(fs.readFileSync(file, 'utf8'), /legacy-search/);
    await wb.openFile(SEARCH);
    const { line, column } = wb.positionOf(SEARCH, "'legacy-search'");
    await wb.goTo(line, column + 2);
    // Wait until the server knows the reference (its archived-flag-in-use squiggle is there).
    await eventually('a Flaglint squiggle on legacy-search', async () => (await wb.squiggleCount()) > 0, {
      timeout: 60_000,
    });

    await wb.runCommand('Flaglint: Remove Flag…');
    const focused = wb.page.locator('.quick-input-widget .monaco-list-row.focused');
    const title = wb.page.locator('.quick-input-widget .quick-input-title');
    const first = await eventually(
      'the "Remove a flag" picker',
      async () => {
        if (!/Remove a flag/.test(await title.first().innerText())) return undefined;
        return plain(await focused.first().innerText()).trim() || undefined;
      },
      { timeout: 15_000 },
    );
    assert.match(first, /^legacy-search/, 'the picker does not start at the flag under the cursor');
    assert.match(first, /under the cursor/);
    await wb.press('Enter');
    // The value to keep: the registry default (false) is offered first.
    await eventually(
      'the value picker',
      async () =>
        /Remove flag 'legacy-search'/.test(await title.first().innerText()) &&
        /false/.test(plain(await focused.first().innerText())),
      { timeout: 15_000 },
    );
    await wb.press('Enter');
    await eventually(
      'the Apply / Preview picker',
      async () =>
        (await wb.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Preview' }).count()) > 0,
      { timeout: 60_000 },
    );
    // The refactor's notes are items of the picker, whole: search-ranking-v3 depends on legacy-search.
    const rowTexts = (await wb.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).map(plain);
    assert.ok(
      rowTexts.some((t) =>
        /Removed 'legacy-search' from the dependsOn of 'search-ranking-v3'.*decide whether 'search-ranking-v3' should go too/s.test(
          t,
        ),
      ),
      `the dependent flag's note is not in the picker: ${JSON.stringify(rowTexts)}`,
    );
    await shot(wb, 'remove-picker');
    await wb.pickQuickItem('Preview…');

    const panel = wb.page.locator('.bulk-edit-panel');
    await panel.waitFor({ timeout: 30_000 });
    const rows = panel.locator('.monaco-list-row');
    await eventually('changes listed in the refactor preview', async () => (await rows.count()) > 0);
    // Every change starts checked (VS Code checks only changes that need no confirmation).
    const states = await eventually('the check boxes of the refactor preview', async () => {
      // Native check boxes in VS Code 1.100's preview; custom toggles in some other versions.
      const boxes = await panel
        .locator('.monaco-list-row input[type="checkbox"], .monaco-list-row .monaco-custom-toggle')
        .evaluateAll((nodes) =>
          nodes.map((n) => (n.tagName === 'INPUT' ? n.checked : n.classList.contains('checked'))),
        );
      return boxes.length ? boxes : undefined;
    });
    assert.ok(states.every(Boolean), `unchecked changes in the preview: ${JSON.stringify(states)}`);
    const texts = (await rows.allInnerTexts()).map(plain);
    assert.ok(
      texts.some((t) => t.includes('search.ts')),
      `search.ts is not in the preview: ${JSON.stringify(texts)}`,
    );
    assert.ok(
      texts.some((t) => t.includes('flags.yaml')),
      `flags.yaml is not in the preview: ${JSON.stringify(texts)}`,
    );
    // Open search.ts's diff, as a user would to review it.
    await rows.filter({ hasText: 'search.ts' }).first().click();
    await eventually('the diff of search.ts', async () => (await wb.page.locator('.monaco-diff-editor').count()) > 0);
    await shot(wb, 'refactor-preview');

    const apply = panel.locator('.monaco-button').filter({ hasText: /^Apply/ });
    await apply.first().click();
    await eventually('legacy-search to be gone from search.ts in the editor', async () => {
      await wb.openFile(SEARCH);
      return !(await wb.visibleLines()).some((text) => text.includes('legacy-search'));
    });
    await wb.runCommand('File: Save All');
    await eventually(
      'search.ts on disk without legacy-search',
      () => !fs.readFileSync(file, 'utf8').includes('legacy-search'),
    );
    assert.ok(
      !/^\s+legacy-search:/m.test(fs.readFileSync(path.join(session.workspace, 'flags.yaml'), 'utf8')),
      'the registry entry stayed',
    );
  });
});
