// "Remove flag": every evaluation of the flag becomes the kept value, the code around it is
// simplified, and the registry entry goes, across files, as one edit.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { eventually, fileUri, flaglint, flaglintDiagnostics } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command that asks through a quick pick, accepting the item it preselects (the registry default). */
async function runAcceptingDefault(command: string, ...args: unknown[]): Promise<void> {
  let finished = false;
  const running = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => (finished = true));
  for (let i = 0; i < 100 && !finished; i++) {
    await sleep(300);
    if (!finished) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  await running;
}

describe('Flaglint remove flag', () => {
  before(async () => {
    await flaglint();
  });

  it('removes order-tracking-map from the API, the web app and the registry, keeping false', async () => {
    const api = await vscode.workspace.openTextDocument(fileUri('apps/api/src/routes/orders.ts'));
    const web = await vscode.workspace.openTextDocument(fileUri('apps/web/src/components/OrderStatus.tsx'));
    const registry = await vscode.workspace.openTextDocument(fileUri('flags.yaml'));
    assert.match(api.getText(), /order-tracking-map/);
    // Both references known (their stale-flag findings are out) before asking for the removal.
    for (const uri of [api.uri, web.uri]) {
      await eventually(
        `the stale order-tracking-map finding in ${uri.fsPath}`,
        () => flaglintDiagnostics(uri).some((d) => d.message.includes('order-tracking-map')),
        60_000,
      );
    }

    await runAcceptingDefault('flaglint.removeFlag', { key: 'order-tracking-map', uri: api.uri.toString() });

    await eventually(
      'order-tracking-map to be gone from orders.ts after flaglint.removeFlag finished (an error, if any, is in the Flaglint notifications and output)',
      () => !api.getText().includes('order-tracking-map'),
      15_000,
    );
    assert.match(api.getText(), /route: undefined/, 'orders.ts does not keep the flag-off branch');
    assert.ok(!/withMap/.test(api.getText()), 'orders.ts keeps the variable that only held the flag value');
    await eventually(
      'orderTrackingMap to be gone from OrderStatus.tsx',
      () => !web.getText().includes('orderTrackingMap'),
    );
    assert.ok(
      !web.getText().includes('<TrackingMap'),
      'OrderStatus.tsx still renders the map that only showed with the flag on',
    );
    await eventually(
      'the order-tracking-map entry to be gone from flags.yaml',
      () => !/^\s+order-tracking-map:/m.test(registry.getText()),
    );
    assert.match(registry.getText(), /^\s+cart-recovery-email:/m, 'the next registry entry was removed too');
  });

  it('writes each note of a removal once to the Flaglint output', async () => {
    const api = await flaglint();
    api.output.show(true);
    const outputDocument = () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /flaglint/i.test(d.uri.toString()));
    await eventually('the Flaglint output channel as a document', () => outputDocument(), 15_000);
    const search = await vscode.workspace.openTextDocument(fileUri('apps/api/src/routes/search.ts'));
    await eventually(
      'the legacy-search finding in search.ts',
      () => flaglintDiagnostics(search.uri).some((d) => d.message.includes('legacy-search')),
      60_000,
    );
    // search-ranking-v3 lists legacy-search in dependsOn: the removal unlinks it and says so.
    await runAcceptingDefault('flaglint.removeFlag', { key: 'legacy-search', uri: search.uri.toString() });
    const note = "Removed 'legacy-search' from the dependsOn of 'search-ranking-v3'";
    const text = await eventually(
      'the dependsOn note in the Flaglint output',
      () => {
        const now = outputDocument()?.getText();
        return now?.includes(note) ? now : undefined;
      },
      30_000,
    );
    assert.equal(text.split(note).length - 1, 1, `the note is not written exactly once:\n${text}`);
  });
});
