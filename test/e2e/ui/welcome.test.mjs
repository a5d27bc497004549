// In a workspace without a registry, the Flag Explorer's welcome view offers to create one from the
// flags found in the code.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { session, shot } from './session.mjs';
import { eventually } from './workbench.mjs';

describe('Registry creation from the welcome view', () => {
  let window;
  let folder;

  before(async () => {
    folder = session.copyWorkspace('no-registry');
    fs.rmSync(path.join(folder, 'flags.yaml'));
    window = await session.openWindow(folder);
    session.current = window;
  });

  after(async () => {
    await window?.close();
  });

  it('says in the status bar that there is no registry, and the walkthrough sets one up', async () => {
    session.current = window;
    const item = await eventually(
      'the Flaglint status bar item offering to set up',
      async () => {
        const text = await window.statusBarText(/flags?[\s\S]*Set up/);
        return text && !/sync~spin/.test(text) ? text : undefined;
      },
      { timeout: 60_000 },
    );
    assert.match(item, /\d+ flags?\s+Set up/);
    await window.showContainer('Flaglint', 'flaglint');
    const welcome = window.page.locator('[id="workbench.view.extension.flaglint"] .welcome-view-content');
    const setUp = welcome.locator('a, .monaco-button').filter({ hasText: /set up flaglint/i });
    await eventually('the "Set up Flaglint" button in the welcome view', () => setUp.first().isVisible(), {
      timeout: 60_000,
    });
    assert.ok(
      !/No feature flags found/.test(await welcome.first().innerText()),
      'the welcome view says no flags were found in a workspace that has them',
    );
    await setUp.first().click();
    const walkthrough = window.page.locator('.gettingStartedContainer');
    await eventually(
      'the Set up Flaglint walkthrough',
      async () => /Set up Flaglint/.test(await walkthrough.first().innerText()),
      { timeout: 30_000 },
    );
    for (const step of ['See what the scan found', 'Create the flag registry', 'Fill in each entry', 'Keep it clean']) {
      assert.ok((await walkthrough.first().innerText()).includes(step), `the walkthrough lacks the step "${step}"`);
    }
    await window.page
      .locator('.gettingStartedContainer .getting-started-step')
      .filter({ hasText: 'Create the flag registry' })
      .first()
      .click();
    await eventually('the registry explanation', async () => {
      for (const frame of window.page.frames())
        if (
          await frame
            .locator('text=owners')
            .count()
            .catch(() => 0)
        )
          return true;
      return (await walkthrough.first().innerText()).includes('flags.yaml');
    });
    await shot(window, 'walkthrough');
    // The walkthrough's webview takes the focus back, closing the command palette as it opens: close its tab with the mouse.
    const tab = window.page.locator('.tabs-container .tab').filter({ hasText: 'Walkthrough' });
    await tab.first().hover();
    await tab.first().locator('.codicon-close').first().click();
    await tab.first().waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('creates flags.yaml with the flags the code uses', async () => {
    session.current = window;
    await window.showContainer('Flaglint', 'flaglint');
    const button = window.page
      .locator(
        '[id="workbench.view.extension.flaglint"] .welcome-view-content a, [id="workbench.view.extension.flaglint"] .welcome-view-content .monaco-button',
      )
      .filter({ hasText: /create registry/i });
    await eventually('the "Create registry from code" button in the welcome view', () => button.first().isVisible(), {
      timeout: 60_000,
    });
    await button.first().click();
    const registry = path.join(folder, 'flags.yaml');
    const text = await eventually(
      'flags.yaml to be written',
      () => fs.existsSync(registry) && fs.readFileSync(registry, 'utf8'),
      { timeout: 60_000 },
    );
    for (const key of ['new-checkout', 'guest-checkout', 'holiday-banner'])
      assert.match(text, new RegExp(`^\\s+${key}:`, 'm'), `${key} is not in the new registry`);
    await eventually(
      'the new registry to fill the Flag Explorer',
      async () => (await window.treeRowTexts('flaglint')).some((row) => row.startsWith('new-checkout')),
      { timeout: 60_000 },
    );
  });
});
