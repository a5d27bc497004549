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
  context.subscriptions.push(vscode.commands.registerCommand('flaglint.setUp', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false)));
}

let offeredThisSession = false;

/** Once per workspace (and never twice in a session): what the scan found, and the way to set up. */
export async function offerSetUp(context: vscode.ExtensionContext, status: StatusResult): Promise<void> {
  if (offeredThisSession || context.workspaceState.get<boolean>(OFFERED_KEY)) return;
  offeredThisSession = true;
  await context.workspaceState.update(OFFERED_KEY, true);
  const found = status.flags
    ? `Flaglint found ${plural(status.flags, 'feature flag')} in the code and no flag registry to check them against.`
    : 'Flaglint found no feature flag evaluations through the SDKs it knows, and no flag registry.';
  const choice = await vscode.window.showInformationMessage(found, 'Set up Flaglint', 'Not now');
  if (choice === 'Set up Flaglint') await vscode.commands.executeCommand('flaglint.setUp');
}
