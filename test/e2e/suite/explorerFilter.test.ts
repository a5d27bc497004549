// The Flag Explorer's filter, "problems only" toggle and Dependencies section, through the tree
// data VS Code's view gets; and a hover that names each problem once.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { eventually, flaglint, hoverText, openDocument, positionOf, type FlaglintApi } from './helpers';

type Explorer = FlaglintApi['explorer'];

async function rows(
  explorer: Explorer,
  node?: unknown,
): Promise<{ node: unknown; item: vscode.TreeItem; label: string }[]> {
  const nodes = (await explorer.getChildren(node)) ?? [];
  return Promise.all(
    nodes.map(async (child) => {
      const item = await explorer.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return { node: child, item, label };
    }),
  );
}

/** Every flag row under every group. */
async function flagRows(explorer: Explorer): Promise<{ node: unknown; item: vscode.TreeItem; label: string }[]> {
  const all = [];
  for (const group of await rows(explorer)) all.push(...(await rows(explorer, group.node)));
  return all;
}

describe('Flaglint Flag Explorer filter and dependencies', () => {
  let explorer: Explorer;

  before(async () => {
    explorer = (await flaglint()).explorer;
    await explorer.setGroupBy('status');
    await eventually(
      'the scanned flags in the Flag Explorer',
      async () => (await rows(explorer)).some((g) => g.label === 'unregistered'),
      60_000,
    );
  });

  afterEach(async () => {
    await explorer.setFilter({ text: '', problemsOnly: false });
  });

  it('narrows to the flags of an owner', async () => {
    await explorer.setFilter({ text: 'owner:@growth', problemsOnly: false });
    const labels = (await flagRows(explorer)).map((r) => r.label).sort();
    assert.ok(labels.includes('promo-codes') && labels.includes('wishlist-sharing'), JSON.stringify(labels));
    for (const row of await flagRows(explorer))
      assert.match(String(row.item.description), /@growth/, `${row.label} is not @growth's`);
  });

  it('matches free words against keys and problems', async () => {
    await explorer.setFilter({ text: 'stale', problemsOnly: false });
    const labels = (await flagRows(explorer)).map((r) => r.label);
    assert.ok(
      labels.includes('order-tracking-map'),
      `the stale order-tracking-map is filtered out: ${JSON.stringify(labels)}`,
    );
    assert.ok(!labels.includes('admin-bulk-refunds'), 'admin-bulk-refunds has no stale problem but is listed');
  });

  it('shows only flags with problems', async () => {
    const everything = (await flagRows(explorer)).map((r) => r.label);
    await explorer.setFilter({ text: '', problemsOnly: true });
    const labels = (await flagRows(explorer)).map((r) => r.label);
    assert.ok(
      labels.length > 0 && labels.length < everything.length,
      `problems only: ${labels.length} of ${everything.length}`,
    );
    // admin-bulk-refunds is registered in full, permanent and evaluated: no problem at all.
    assert.ok(labels.includes('order-tracking-map') && !labels.includes('admin-bulk-refunds'), JSON.stringify(labels));
  });

  it('lists what a flag depends on and what depends on it', async () => {
    const all = await flagRows(explorer);
    const children = async (key: string) => {
      const flag = all.find((r) => r.label === key);
      assert.ok(flag, `${key} is not in the tree`);
      const section = (await rows(explorer, flag.node)).find((r) => r.label === 'Dependencies');
      assert.ok(section, `${key} has no Dependencies section`);
      return (await rows(explorer, section.node)).map((r) => `${String(r.item.description)} ${r.label}`);
    };
    assert.deepStrictEqual(await children('new-checkout'), ['depends on payments-api-v2']);
    assert.ok((await children('payments-api-v2')).includes('needed by new-checkout'));
    // The cycle shows from both ends.
    assert.ok((await children('saved-payment-methods')).includes('depends on one-click-reorder'));
    assert.ok((await children('saved-payment-methods')).includes('needed by one-click-reorder'));
  });

  it('names each problem once in a hover, however many references share it', async () => {
    const registry = await openDocument('flags.yaml');
    const position = positionOf(registry, 'order-tracking-map:', 2);
    const text = await eventually('a hover with problems on order-tracking-map', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        registry.uri,
        position,
      );
      const joined = hoverText(hovers);
      return joined.includes('**Problems**') ? joined : undefined;
    });
    const problems = text.split('\n').filter((line) => line.startsWith('- _'));
    assert.ok(problems.length > 0, text);
    assert.deepStrictEqual(
      problems,
      [...new Set(problems)],
      `a problem is repeated in the hover:\n${problems.join('\n')}`,
    );
  });
});
