// The extension as installed from the .vsix: it activates in a workspace with a registry, registers
// its commands and contributes the Flag Explorer in its own activity-bar container.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, flaglint } from './helpers';

describe('Flaglint activation', () => {
  it('activates and starts its language server', async () => {
    const api = await flaglint();
    assert.strictEqual(api.client()?.isRunning(), true);
    assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('registers the commands a user can run', async () => {
    await flaglint();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['flaglint.createRegistry', 'flaglint.refresh', 'flaglint.groupBy', 'flaglint.removeFlag']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  it('contributes the Flag Explorer in its own activity-bar container', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes?: { viewsContainers?: { activitybar?: { id: string }[] }; views?: Record<string, { id: string }[]> };
    };
    const containers = manifest.contributes?.viewsContainers?.activitybar ?? [];
    assert.ok(
      containers.some((c) => c.id === 'flaglint'),
      `no activity-bar container "flaglint" in ${JSON.stringify(containers)}`,
    );
    const views = manifest.contributes?.views?.flaglint ?? [];
    assert.ok(
      views.some((v) => v.id === 'flaglint.explorer'),
      `no view "flaglint.explorer" in the flaglint container: ${JSON.stringify(views)}`,
    );
  });

  it('runs the refresh command without error', async () => {
    await flaglint();
    await vscode.commands.executeCommand('flaglint.refresh');
  });
});
