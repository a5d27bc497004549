/** The extension's commands (declared in package.json); server commands are called through workspace/executeCommand. */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  ServerCommands,
  type CreateRegistryArgs,
  type CreateRegistryResult,
  type RevealEntryArgs,
  type ShowReferencesArgs,
} from '../../protocol/src/commands';
import { GROUP_BY, type FlagExplorer } from './flagExplorer';
import { removeFlagCommand } from './removeFlag';
import { revealEntry } from './revealEntry';

interface Context {
  client(): LanguageClient | undefined;
  explorer: FlagExplorer;
  output: vscode.OutputChannel;
}

export function registerCommands(extension: vscode.ExtensionContext, ctx: Context): void {
  const register = (id: string, run: (...args: unknown[]) => unknown): void => {
    extension.subscriptions.push(vscode.commands.registerCommand(id, run));
  };

  register('flaglint.refresh', async () => {
    await serverCommand(ctx, ServerCommands.rescan, []);
    ctx.explorer.refresh();
  });

  register('flaglint.groupBy', async () => {
    const picked = await vscode.window.showQuickPick(
      GROUP_BY.map((g) => ({
        label: `by ${g}`,
        value: g,
        picked: g === ctx.explorer.grouping,
        description: g === ctx.explorer.grouping ? 'current' : undefined,
      })),
      { title: 'Group flags', placeHolder: 'Group the Flag Explorer by…' },
    );
    if (picked) await ctx.explorer.setGroupBy(picked.value);
  });

  register('flaglint.createRegistry', async () => {
    const folder = await pickFolder();
    if (folder === null) return;
    const args: CreateRegistryArgs = { folderUri: folder?.uri.toString() };
    const result = await serverCommand<CreateRegistryResult>(ctx, ServerCommands.createRegistry, [args]);
    if (!result) return;
    if (result.uri) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
      await vscode.window.showTextDocument(doc);
      if (doc.isDirty) await doc.save();
    }
    void vscode.window.showInformationMessage(result.message);
    ctx.explorer.refresh();
  });

  register('flaglint.removeFlag', (arg?: unknown) =>
    removeFlagCommand({ ...ctx, serverCommand: (command, args) => serverCommand(ctx, command, args) }, arg),
  );

  register('flaglint.revealEntry', (arg: unknown) => revealEntry(arg as RevealEntryArgs));

  register('flaglint.showOutput', () => ctx.output.show());

  register('flaglint.showReferences', async (arg: unknown) => {
    const args = arg as ShowReferencesArgs;
    const locations = args.locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range)));
    await vscode.commands.executeCommand(
      'editor.action.showReferences',
      vscode.Uri.parse(args.uri),
      new vscode.Position(args.position.line, args.position.character),
      locations,
    );
  });

  register('flaglint.openLocation', async (uri: unknown, range: unknown) => {
    const selection = toRange(range as ShowReferencesArgs['locations'][number]['range']);
    await vscode.window.showTextDocument(vscode.Uri.parse(String(uri)), { selection, preview: true });
  });
}

function toRange(range: {
  start: { line: number; character: number };
  end: { line: number; character: number };
}): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

async function serverCommand<T>(ctx: Context, command: string, args: unknown[]): Promise<T | undefined> {
  const client = ctx.client();
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The Flaglint language server is not running.');
    return undefined;
  }
  try {
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Flaglint: ${message}`);
    return undefined;
  }
}

/** The folder to act on: the only one, or the user's pick (null when the user cancels). */
async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return (
    (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the flag registry in which folder?' })) ?? null
  );
}
