// The Flag Explorer in its own activity-bar container, and the status bar item.
import assert from 'node:assert/strict';
import { shot, workbench } from './session.mjs';
import { eventually } from './workbench.mjs';

describe('Flag Explorer', () => {
  before(async () => {
    await workbench().showContainer('Flaglint', 'flaglint');
  });

  it('lists the flags grouped by status, each with its owner', async () => {
    const wb = workbench();
    // The registry's flags show at once; references and unregistered flags once the scan is done.
    const rows = await eventually(
      'the scanned flags in the Flag Explorer (unregistered group, new-checkout with references)',
      async () => {
        const texts = await wb.treeRowTexts('flaglint');
        const scanned =
          texts.some((text) => text.startsWith('unregistered')) &&
          texts.some((text) => /^new-checkout\s*[1-9]\d* references?/.test(text));
        if (!scanned) throw new Error(`rows: ${JSON.stringify(texts)}`);
        return texts;
      },
      { timeout: 60_000 },
    );
    assert.ok(
      rows.some((text) => text.startsWith('active')),
      `no "active" group row: ${JSON.stringify(rows)}`,
    );
    const newCheckout = rows.find((text) => text.startsWith('new-checkout'));
    assert.match(newCheckout, /@checkout-team/);
  });

  it('shows the flag and problem counts in the status bar', async () => {
    const text = await eventually('the Flaglint status bar item', async () => {
      const item = await workbench().statusBarText(/\d+ flags/);
      return item && !/sync~spin|scanning/i.test(item) ? item : undefined;
    });
    assert.match(text, /\d+ flags/);
    // One icon per severity that occurs, each with its own count (not an error icon for every problem).
    const item = workbench()
      .page.locator('.part.statusbar .statusbar-item')
      .filter({ hasText: /\d+ flags/ })
      .first();
    // The text has no "sync~spin" once rendered: the spinner is an icon element; wait for it to go.
    const parts = await eventually(
      'the status bar item after the scan',
      async () => {
        const found = await item.evaluate((node) =>
          [...node.querySelectorAll('.codicon')].map((icon) => [
            [...icon.classList].find((c) => c.startsWith('codicon-') && c !== 'codicon-modifier-spin'),
            (icon.nextSibling?.textContent ?? '').trim(),
          ]),
        );
        return found.some(([icon]) => icon === 'codicon-sync') ? undefined : found;
      },
      { timeout: 60_000 },
    );
    const counts = Object.fromEntries(
      parts
        .filter(([icon]) => ['codicon-error', 'codicon-warning', 'codicon-info'].includes(icon))
        .map(([icon, n]) => [icon, Number(n)]),
    );
    assert.ok(
      counts['codicon-error'] > 0 && counts['codicon-warning'] > 0,
      `status bar icons: ${JSON.stringify(parts)}`,
    );
    const problems = Number(
      (
        await workbench()
          .page.locator('.part.activitybar .action-item:has(> .action-label[aria-label^="Flaglint"]) .badge')
          .first()
          .innerText()
      ).trim(),
    );
    const shown = (counts['codicon-error'] ?? 0) + (counts['codicon-warning'] ?? 0) + (counts['codicon-info'] ?? 0);
    assert.equal(
      shown,
      problems,
      `the status bar's counts ${JSON.stringify(counts)} do not add up to the Flag Explorer badge (${problems})`,
    );
  });

  it('regroups the flags by owner from the command palette', async () => {
    const wb = workbench();
    await wb.runCommand('Flaglint: Group Flags By');
    await wb.pickQuickItem('by owner');
    const rows = await eventually('owner groups in the Flag Explorer', async () => {
      const texts = await wb.treeRowTexts('flaglint');
      return texts.some((text) => text.startsWith('@checkout-team')) ? texts : undefined;
    });
    assert.ok(
      rows.some((text) => text.startsWith('@growth')),
      `no @growth group: ${JSON.stringify(rows)}`,
    );
    await wb.runCommand('Flaglint: Group Flags By');
    await wb.pickQuickItem('by status');
    await eventually('status groups again', async () =>
      (await wb.treeRowTexts('flaglint')).some((text) => text.startsWith('active')),
    );
  });

  it("opens a flag's registry entry from its row", async () => {
    const wb = workbench();
    await wb.clickTreeRow('flaglint', 'new-checkout');
    await eventually('flags.yaml to open', async () => (await wb.activeTabText()).includes('flags.yaml'));
    await eventually('the new-checkout entry on screen', async () =>
      (await wb.visibleLines()).some((line) => /^\s+new-checkout:/.test(line)),
    );
  });

  it('filters the flags as the user types, and shows only the flags with problems', async () => {
    const wb = workbench();
    await wb.runCommand('Flaglint: Filter Flags…');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('key:checkout');
    // A row's text is its label and description run together: "new-checkout2 references · …".
    const flagRows = async () =>
      (await wb.treeRowTexts('flaglint')).filter(
        (text) => !/^(active|archived|proposed|rolled-out|deprecated|unregistered)\d/.test(text),
      );
    const rows = await eventually('only flags whose key has "checkout" in the Flag Explorer', async () => {
      const texts = await flagRows();
      if (texts.length && texts.every((text) => /^[\w-]*checkout[\w-]*\d/.test(text))) return texts;
      throw new Error(`rows: ${JSON.stringify(texts)}`);
    });
    assert.ok(
      rows.some((text) => text.startsWith('new-checkout')) && rows.some((text) => text.startsWith('guest-checkout')),
      `a checkout flag is filtered out: ${JSON.stringify(rows)}`,
    );
    // Counts read as English: "1 reference", "1 flag", never "1 references".
    const all = await wb.treeRowTexts('flaglint');
    assert.ok(
      !all.some((text) => /(^|\D)1 (references|problems|flags)\b/.test(text)),
      `a singular count with a plural noun: ${JSON.stringify(all)}`,
    );
    await wb.press('Enter');
    const header = wb.page.locator('[id="workbench.view.extension.flaglint"] .pane-header');
    await eventually('the filter in the view header', async () => /checkout/.test(await header.first().innerText()));
    await shot(wb, 'explorer-filter');

    await wb.runCommand('Flaglint: Clear Flag Filter');
    await eventually('every flag back', async () =>
      (await wb.treeRowTexts('flaglint')).some(
        (text) => text.startsWith('admin-bulk-refunds') || text.startsWith('dark-mode'),
      ),
    );
    await wb.runCommand('Flaglint: Show Only Flags with Problems');
    // admin-bulk-refunds has no problem; order-tracking-map is stale.
    await eventually('only flags with problems', async () => {
      const texts = await wb.treeRowTexts('flaglint');
      return (
        !texts.some((text) => text.startsWith('admin-bulk-refunds')) &&
        texts.some((text) => text.startsWith('order-tracking-map'))
      );
    });
    await shot(wb, 'explorer-problems-only');
    await wb.runCommand('Flaglint: Show All Flags');
    await eventually('every flag back', async () =>
      (await wb.treeRowTexts('flaglint')).some((text) => text.startsWith('admin-bulk-refunds')),
    );
  });

  it('draws the dependency map in a webview', async () => {
    const wb = workbench();
    await wb.runCommand('Flaglint: Show Dependency Map');
    await eventually('the map tab', async () => /dependency map/i.test(await wb.activeTabText()));
    // A webview is an iframe inside an iframe; look for the picture in every frame.
    const svgText = await eventually(
      'the dependency map picture',
      async () => {
        for (const frame of wb.page.frames()) {
          const svg = frame.locator('svg[aria-label="Flag dependency map"]');
          if (await svg.count().catch(() => 0)) return frame.locator('body').innerText();
        }
        return undefined;
      },
      { timeout: 30_000 },
    );
    for (const key of ['new-checkout', 'payments-api-v2', 'legacy-search'])
      assert.ok(svgText.includes(key), `${key} is not on the map: ${svgText.slice(0, 400)}`);
    assert.match(svgText, /\b1 cycle\b/, 'the map does not count the dependency cycle');
    await shot(wb, 'dependency-map');
    await wb.closeAllEditors();
  });
});
