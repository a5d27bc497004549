// The Flag Explorer's data as VS Code's tree view gets it (the extension's TreeDataProvider):
// flags grouped by status or owner, each flag with its problems and references.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { eventually, flaglint, type FlaglintApi } from './helpers';
import { must } from '../../helpers/must';

type Explorer = FlaglintApi['explorer'];

async function children(
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

describe('Flaglint Flag Explorer', () => {
  let explorer: Explorer;

  before(async () => {
    explorer = (await flaglint()).explorer;
    await explorer.setGroupBy('status');
    // The registry's flags show at once; unregistered flags and references once the first scan is done.
    await eventually(
      'the scanned flags in the Flag Explorer',
      async () => {
        const labels = (await children(explorer)).map((g) => g.label);
        return labels.includes('active') && labels.includes('unregistered');
      },
      60_000,
    );
  });

  after(async () => {
    await explorer.setGroupBy('status');
  });

  it('groups flags by status, with unregistered flags in a group of their own', async () => {
    await explorer.setGroupBy('status');
    const groups = await children(explorer);
    const labels = groups.map((g) => g.label);
    for (const status of ['active', 'archived', 'unregistered'])
      assert.ok(labels.includes(status), `no "${status}" group: ${JSON.stringify(labels)}`);
    const unregistered = groups.find((g) => g.label === 'unregistered')!;
    const flags = await children(explorer, unregistered.node);
    assert.deepStrictEqual(
      flags.map((f) => f.label),
      ['holiday-banner'],
    );
  });

  it('shows a flag with its owner, its problems and its references, which open the code', async () => {
    await explorer.setGroupBy('status');
    const active = (await children(explorer)).find((g) => g.label === 'active');
    assert.ok(active, 'no active group');
    const flag = (await children(explorer, active.node)).find((f) => f.label === 'order-tracking-map');
    assert.ok(flag, 'order-tracking-map is not under "active"');
    assert.match(String(flag.item.description), /@checkout-team/, 'the flag row does not show its owner');
    const rows = await children(explorer, flag.node);
    const problems = rows.filter((r) => r.item.description === 'stale-flag');
    assert.ok(
      problems.length >= 1,
      `no stale-flag problem under the flag: ${JSON.stringify(rows.map((r) => [r.label, r.item.description]))}`,
    );
    const references = rows.filter((r) => r.item.resourceUri);
    const files = references.map((r) => r.label.split(':')[0]).sort();
    assert.deepStrictEqual(files, ['OrderStatus.tsx', 'orders.ts']);
    for (const reference of references) {
      assert.ok(reference.item.command, `reference ${reference.label} does not open the code`);
      await vscode.commands.executeCommand(
        reference.item.command.command,
        ...((reference.item.command.arguments ?? []) as unknown[]),
      );
      const active = vscode.window.activeTextEditor;
      assert.ok(
        active && active.document.uri.fsPath.endsWith(must(reference.label.split(':')[0])),
        `opening ${reference.label} did not show that file`,
      );
      assert.strictEqual(
        active.selection.start.line + 1,
        Number(reference.label.split(':')[1]),
        `opening ${reference.label} did not go to its line`,
      );
    }
  });

  it('regroups by owner', async () => {
    await explorer.setGroupBy('owner');
    const labels = (await children(explorer)).map((g) => g.label);
    for (const owner of ['@checkout-team', '@growth', '@search-team'])
      assert.ok(labels.includes(owner), `no "${owner}" group: ${JSON.stringify(labels)}`);
    const checkout = (await children(explorer)).find((g) => g.label === '@checkout-team')!;
    const keys = (await children(explorer, checkout.node)).map((f) => f.label);
    assert.ok(
      keys.includes('new-checkout') && keys.includes('guest-checkout'),
      `@checkout-team lacks its flags: ${JSON.stringify(keys)}`,
    );
    assert.ok(!keys.includes('promo-codes'), 'a @growth flag is listed under @checkout-team');
  });
});
