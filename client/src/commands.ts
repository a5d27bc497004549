/** The extension's commands (declared in package.json); server commands are called through workspace/executeCommand. */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type WorkspaceEdit } from 'vscode-languageclient/node';
import {
  ServerCommands,
  type CreateRegistryArgs,
  type CreateRegistryResult,
  type RemoveFlagArgs,
  type RemoveFlagResult,
  type ShowReferencesArgs,
} from '../../protocol/src/commands';
import type { TreeFlag, TreeFolder } from '../../protocol/src/requests';
import { GROUP_BY, type ExplorerNode, type FlagExplorer, type GroupBy } from './flagExplorer';

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
      GROUP_BY.map((g) => ({ label: `by ${g}`, value: g, picked: g === ctx.explorer.grouping, description: g === ctx.explorer.grouping ? 'current' : undefined })),
      { title: 'Group flags', placeHolder: 'Group the Flag Explorer by…' },
    );
    if (picked) await ctx.explorer.setGroupBy(picked.value as GroupBy);
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

  register('flaglint.removeFlag', async (arg?: unknown) => {
    const target = await removalTarget(ctx, arg);
    if (!target) return;
    const value = await askValue(target.key, target.flag);
    if (value === undefined) return;
    const args: RemoveFlagArgs = { key: target.key, uri: target.uri, value: value.value, mode: 'return' };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Flaglint: removing '${target.key}'…` },
      () => serverCommand<RemoveFlagResult>(ctx, ServerCommands.removeFlag, [args]),
    );
    if (!result) return;
    for (const message of result.messages) ctx.output.appendLine(`remove ${target.key}: ${message}`);
    if (!result.edit) {
      void vscode.window.showWarningMessage(`Flag '${target.key}' was not removed: ${result.messages[0] ?? 'nothing to change'}`);
      return;
    }
    const kept = JSON.stringify(value.value);
    const apply = { label: '$(check) Apply', description: `${result.references} evaluations in ${result.files} files become ${kept}`, detail: result.verified ? 'The rewritten code parses and type-checks no worse than before. Undo with Ctrl+Z.' : 'The rewritten code has new errors (see the Flaglint output): preview it first.' };
    const preview = { label: '$(diff) Preview…', description: 'review every change before applying it' };
    const choice = await vscode.window.showQuickPick(result.verified ? [apply, preview] : [preview, apply], { title: `Remove flag '${target.key}', keeping ${kept}`, placeHolder: result.messages[0] ?? 'Apply the edit, or preview it first' });
    if (!choice) return;
    const client = ctx.client();
    if (!client) return;
    const edit = result.edit as WorkspaceEdit;
    for (const annotation of Object.values(edit.changeAnnotations ?? {})) annotation.needsConfirmation = choice === preview;
    const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit), { isRefactoring: true });
    if (applied) {
      void vscode.window.showInformationMessage(`Removed flag '${target.key}' (kept ${kept}) in ${result.files} files.${result.messages.length ? ' See the Flaglint output for notes.' : ''}`);
    }
  });

  register('flaglint.showOutput', () => ctx.output.show());

  register('flaglint.showReferences', async (arg: unknown) => {
    const args = arg as ShowReferencesArgs;
    const locations = args.locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range)));
    await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(args.uri), new vscode.Position(args.position.line, args.position.character), locations);
  });

  register('flaglint.openLocation', async (uri: unknown, range: unknown) => {
    const selection = toRange(range as ShowReferencesArgs['locations'][number]['range']);
    await vscode.window.showTextDocument(vscode.Uri.parse(String(uri)), { selection, preview: true });
  });
}

function toRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
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
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the flag registry in which folder?' })) ?? null;
}

/** The flag to remove: from a tree item, a code action's { key, uri }, or a pick from every known flag. */
async function removalTarget(ctx: Context, arg: unknown): Promise<{ key: string; uri?: string; flag?: TreeFlag } | undefined> {
  const all = await ctx.explorer.flags();
  const node = arg as ExplorerNode | undefined;
  if (node && typeof node === 'object' && 'kind' in node && node.kind === 'flag') {
    return { key: node.flag.key, uri: node.folder.uri, flag: node.flag };
  }
  if (arg && typeof arg === 'object' && typeof (arg as { key?: unknown }).key === 'string') {
    const { key, uri } = arg as { key: string; uri?: string };
    return { key, uri, flag: findFlag(all, key, uri) };
  }
  const picked = await vscode.window.showQuickPick(
    all.map(({ folder, flag }) => ({ label: flag.key, description: [flag.status, flag.owner].filter(Boolean).join(' · '), detail: `${flag.referenceCount} references`, folder, flag })),
    { title: 'Remove a flag', placeHolder: 'Which flag should be removed from the code?', matchOnDescription: true },
  );
  return picked ? { key: picked.flag.key, uri: picked.folder.uri, flag: picked.flag } : undefined;
}

function findFlag(all: { folder: TreeFolder; flag: TreeFlag }[], key: string, uri?: string): TreeFlag | undefined {
  const inFolder = all.filter(({ folder }) => !uri || uri.startsWith(folder.uri));
  return (inFolder.find(({ flag }) => flag.key === key) ?? all.find(({ flag }) => flag.key === key))?.flag;
}

/** The value every evaluation of the flag becomes; the registry's default is offered first. */
async function askValue(key: string, flag: TreeFlag | undefined): Promise<{ value: unknown } | undefined> {
  const fallback = flag?.defaultValue;
  if (flag?.valueType === 'boolean' || typeof fallback === 'boolean' || (!flag?.valueType && fallback === undefined)) {
    const order = fallback === true ? [true, false] : [false, true];
    const picked = await vscode.window.showQuickPick(
      order.map((v) => ({ label: String(v), description: v === fallback ? 'registry default' : undefined, value: v })),
      { title: `Remove flag '${key}'`, placeHolder: `Keep which value? Every evaluation of '${key}' becomes this value.` },
    );
    return picked ? { value: picked.value } : undefined;
  }
  const input = await vscode.window.showInputBox({
    title: `Remove flag '${key}'`,
    prompt: `The value to keep (JSON, or plain text for a string). Every evaluation of '${key}' becomes this value.`,
    value: fallback === undefined ? '' : JSON.stringify(fallback),
    validateInput: (text) => (text.trim() ? undefined : 'Enter a value'),
  });
  if (input === undefined) return undefined;
  try {
    return { value: JSON.parse(input) as unknown };
  } catch {
    return { value: input };
  }
}
