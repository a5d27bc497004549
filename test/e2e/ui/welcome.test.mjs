// In a workspace without a registry, the Flag Explorer's welcome view offers to create one from the
// flags found in the code.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { session } from './session.mjs';
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

  it('creates flags.yaml with the flags the code uses', async () => {
    session.current = window;
    await window.showContainer('Flaglint', 'flaglint');
    const button = window.page.locator('[id="workbench.view.extension.flaglint"] .welcome-view-content a, [id="workbench.view.extension.flaglint"] .welcome-view-content .monaco-button').filter({ hasText: /create registry/i });
    await eventually('the "Create registry from code" button in the welcome view', () => button.first().isVisible(), { timeout: 60_000 });
    await button.first().click();
    const registry = path.join(folder, 'flags.yaml');
    const text = await eventually('flags.yaml to be written', () => fs.existsSync(registry) && fs.readFileSync(registry, 'utf8'), { timeout: 60_000 });
    for (const key of ['new-checkout', 'guest-checkout', 'holiday-banner']) assert.match(text, new RegExp(`^\\s+${key}:`, 'm'), `${key} is not in the new registry`);
    await eventually('the new registry to fill the Flag Explorer', async () => (await window.treeRowTexts('flaglint')).some((row) => row.startsWith('new-checkout')), { timeout: 60_000 });
  });
});
