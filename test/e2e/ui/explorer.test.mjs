// The Flag Explorer in its own activity-bar container, and the status bar item.
import assert from 'node:assert/strict';
import { workbench } from './session.mjs';
import { eventually } from './workbench.mjs';

describe('Flag Explorer', () => {
  before(async () => {
    await workbench().showContainer('Flaglint', 'flaglint');
  });

  it('lists the flags grouped by status, each with its owner', async () => {
    const wb = workbench();
    // The registry's flags show at once; references and unregistered flags once the scan is done.
    const rows = await eventually('the scanned flags in the Flag Explorer (unregistered group, new-checkout with references)', async () => {
      const texts = await wb.treeRowTexts('flaglint');
      const scanned = texts.some((text) => text.startsWith('unregistered')) && texts.some((text) => /^new-checkout\s*[1-9]\d* references?/.test(text));
      if (!scanned) throw new Error(`rows: ${JSON.stringify(texts)}`);
      return texts;
    }, { timeout: 60_000 });
    assert.ok(rows.some((text) => text.startsWith('active')), `no "active" group row: ${JSON.stringify(rows)}`);
    const newCheckout = rows.find((text) => text.startsWith('new-checkout'));
    assert.match(newCheckout, /@checkout-team/);
  });

  it('shows the flag and problem counts in the status bar', async () => {
    const text = await eventually('the Flaglint status bar item', async () => {
      const item = await workbench().statusBarText(/\d+ flags/);
      return item && !/sync~spin|scanning/i.test(item) ? item : undefined;
    });
    assert.match(text, /\d+ flags/);
  });

  it('regroups the flags by owner from the command palette', async () => {
    const wb = workbench();
    await wb.runCommand('Flaglint: Group Flags By');
    await wb.pickQuickItem('by owner');
    const rows = await eventually('owner groups in the Flag Explorer', async () => {
      const texts = await wb.treeRowTexts('flaglint');
      return texts.some((text) => text.startsWith('@checkout-team')) ? texts : undefined;
    });
    assert.ok(rows.some((text) => text.startsWith('@growth')), `no @growth group: ${JSON.stringify(rows)}`);
    await wb.runCommand('Flaglint: Group Flags By');
    await wb.pickQuickItem('by status');
    await eventually('status groups again', async () => (await wb.treeRowTexts('flaglint')).some((text) => text.startsWith('active')));
  });

  it("opens a flag's registry entry from its row", async () => {
    const wb = workbench();
    await wb.clickTreeRow('flaglint', 'new-checkout');
    await eventually('flags.yaml to open', async () => (await wb.activeTabText()).includes('flags.yaml'));
    await eventually('the new-checkout entry on screen', async () => (await wb.visibleLines()).some((line) => /^\s+new-checkout:/.test(line)));
  });
});
