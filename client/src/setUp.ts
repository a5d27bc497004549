/**
 * A workspace without a registry: Flaglint says once what its scan found and offers "Set up
 * Flaglint", a walkthrough (package.json contributes.walkthroughs, media/walkthrough/*.md) that
 * proposes the registry and explains each part of it.
 */
import * as vscode from 'vscode';
import type { StatusResult } from '../../protocol/src/requests';
import { plural } from './plural';

export const WALKTHROUGH = 'flaglint.flaglint#setUp';
const OFFERED_KEY = 'flaglint.setUpOffered';

export function registerSetUp(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('flaglint.setUp', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false),
    ),
  );
}

let offeredThisSession = false;

/** Once per workspace (and never twice in a session): what the scan found, and the way to set up. */
export async function offerSetUp(context: vscode.ExtensionContext, status: StatusResult): Promise<void> {
  if (offeredThisSession || context.workspaceState.get<boolean>(OFFERED_KEY)) return;
  offeredThisSession = true;
  await context.workspaceState.update(OFFERED_KEY, true);
  const sdk = status.flags
    ? `${plural(status.flags, 'feature flag')} through the flag SDKs it knows`
    : 'no flag evaluations through the flag SDKs it knows';
  // Calls that look like the project's own flag API: the walkthrough's registry proposes them in `scan:`.
  const own = status.inHouse
    ? `, ${plural(status.inHouse.places, 'place')} that look like your own flag API (${status.inHouse.names.join(', ')})`
    : '';
  const found = `Flaglint found ${sdk}${own}, and no flag registry to check them against.`;
  const choice = await vscode.window.showInformationMessage(found, 'Set up Flaglint', 'Not now');
  if (choice === 'Set up Flaglint') await vscode.commands.executeCommand('flaglint.setUp');
}
