// What a developer sees in a source file: code lenses with the flag's key and owner, squiggles
// under problem flags, the registry entry on hover, and the findings in the Problems panel.
import assert from 'node:assert/strict';
import { workbench } from './session.mjs';
import { eventually } from './workbench.mjs';

const CHECKOUT = 'apps/api/src/routes/checkout.ts';

describe('Flags in the editor', () => {
  before(async () => {
    await workbench().openFile(CHECKOUT);
  });

  it('shows a code lens with the flag key and its owner above a reference', async () => {
    const lenses = await workbench().waitForCodeLens(
      (text) => text.includes('new-checkout') && text.includes('@checkout-team'),
      'naming new-checkout and @checkout-team',
    );
    assert.ok(
      lenses.some((text) => /reference/.test(text)),
      `no lens counts references: ${JSON.stringify(lenses)}`,
    );
  });

  it('underlines a flag reference that has a problem', async () => {
    const count = await eventually(
      'a squiggle in checkout.ts',
      async () => (await workbench().squiggleCount()) || undefined,
    );
    assert.ok(count >= 1);
  });

  it("shows the flag's registry entry on hover", async () => {
    const wb = workbench();
    const { line, column } = wb.positionOf(CHECKOUT, "'guest-checkout'");
    const text = await wb.hoverAt(line, column + 2, 'Lets shoppers place an order');
    assert.match(text, /guest-checkout/);
    assert.match(text, /@checkout-team/);
  });

  it('lists findings in the Problems panel with the source "flaglint"', async () => {
    const wb = workbench();
    await wb.openProblems();
    await wb.filterProblems('guest-checkout');
    const rows = await eventually('a Problems row about guest-checkout', async () => {
      const texts = await wb.problemTexts();
      return texts.some((text) => text.includes('guest-checkout') && text.includes('flaglint')) ? texts : undefined;
    });
    assert.ok(
      rows.some((text) => /stale-flag/.test(text)),
      `the row does not name the rule: ${JSON.stringify(rows)}`,
    );
    await wb.filterProblems('');
  });
});
