/**
 * The "Remove flag" command: which flag (a tree item, a code action's arguments, or a pick that
 * starts at the flag under the cursor), which value to keep, then Apply or Preview. The server
 * computes the edit; the client applies it or opens VS Code's refactor preview with every change
 * checked.
 */
import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceEdit } from 'vscode-languageclient/node';
import { ServerCommands, type RemoveFlagArgs, type RemoveFlagResult } from '../../protocol/src/commands';
import type { TreeFlag, TreeFolder } from '../../protocol/src/requests';
import type { ExplorerNode, FlagExplorer } from './flagExplorer';
import { plural } from './plural';
import { previewableEdit } from './previewEdit';

export interface RemoveContext {
  client(): LanguageClient | undefined;
  explorer: FlagExplorer;
  output: vscode.OutputChannel;
  serverCommand<T>(command: string, args: unknown[]): Promise<T | undefined>;
}

export async function removeFlagCommand(ctx: RemoveContext, arg?: unknown): Promise<void> {
  const target = await removalTarget(ctx, arg);
  if (!target) return;
  const value = await askValue(target.key, target.flag);
  if (value === undefined) return;
  const args: RemoveFlagArgs = { key: target.key, uri: target.uri, value: value.value, mode: 'return' };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Flaglint: removing '${target.key}'…` },
    () => ctx.serverCommand<RemoveFlagResult>(ServerCommands.removeFlag, [args]),
  );
  // The server has already logged each message to the Flaglint output; not again here.
  if (!result) return;
  if (!result.edit) {
    void vscode.window.showWarningMessage(
      `Flag '${target.key}' was not removed: ${result.messages.join(' ') || 'nothing to change'}`,
    );
    return;
  }
  const kept = JSON.stringify(value.value);
  const choice = await chooseApplyOrPreview(target.key, kept, result);
  if (!choice) return;
  const client = ctx.client();
  if (!client) return;
  const lspEdit = result.edit as WorkspaceEdit;
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(
    choice === 'preview' ? previewableEdit(lspEdit) : applyNow(lspEdit),
  );
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (applied) {
    void vscode.window.showInformationMessage(
      `Removed flag '${target.key}' (kept ${kept}) in ${plural(result.files, 'file')}.${result.messages.length ? ' See the Flaglint output for notes.' : ''}`,
    );
  } else if (choice === 'preview') {
    void vscode.window.showInformationMessage(`Flag '${target.key}' was not removed: the preview was discarded.`);
  }
}

/** The edit without confirmation anywhere, so VS Code applies it at once. */
function applyNow(edit: WorkspaceEdit): WorkspaceEdit {
  const changeAnnotations = Object.fromEntries(
    Object.entries(edit.changeAnnotations ?? {}).map(([id, a]) => [id, { ...a, needsConfirmation: false }]),
  );
  return { ...edit, changeAnnotations };
}

/**
 * Apply or Preview, with every note the refactor made listed in the picker (not truncated into the
 * placeholder). Picking a note opens the Flaglint output and asks again.
 */
async function chooseApplyOrPreview(
  key: string,
  kept: string,
  result: RemoveFlagResult,
): Promise<'apply' | 'preview' | undefined> {
  type Item = vscode.QuickPickItem & { choice?: 'apply' | 'preview' };
  const apply: Item = {
    label: '$(check) Apply',
    choice: 'apply',
    description: `${plural(result.references, 'evaluation')} in ${plural(result.files, 'file')} become ${kept}`,
    detail: result.verified
      ? 'The rewritten code parses and type-checks no worse than before. Undo with Ctrl+Z.'
      : 'The rewritten code has new errors (listed below): preview it first.',
  };
  const preview: Item = {
    label: '$(diff) Preview…',
    choice: 'preview',
    description: 'review every change in the refactor preview, then Apply there',
  };
  const items: Item[] = result.verified ? [apply, preview] : [preview, apply];
  if (result.messages.length) {
    items.push({ label: plural(result.messages.length, 'note'), kind: vscode.QuickPickItemKind.Separator });
    for (const message of result.messages) items.push({ label: `$(warning) ${message}` });
  }
  const placeHolder = result.messages.length
    ? `Apply the edit, or preview it first (${plural(result.messages.length, 'note')} below)`
    : 'Apply the edit, or preview it first';
  for (;;) {
    const picked = await vscode.window.showQuickPick(items, {
      title: `Remove flag '${key}', keeping ${kept}`,
      placeHolder,
      matchOnDescription: true,
    });
    if (!picked) return undefined;
    if (picked.choice) return picked.choice;
    void vscode.commands.executeCommand('flaglint.showOutput');
  }
}

interface Target {
  key: string;
  uri?: string;
  flag?: TreeFlag;
}

/** The flag to remove: from a tree item, a code action's { key, uri }, or a pick from every known flag. */
async function removalTarget(ctx: RemoveContext, arg: unknown): Promise<Target | undefined> {
  const all = await ctx.explorer.flags();
  const node = arg as ExplorerNode | undefined;
  if (node && typeof node === 'object' && 'kind' in node && node.kind === 'flag') {
    return { key: node.flag.key, uri: node.folder.uri, flag: node.flag };
  }
  if (arg && typeof arg === 'object' && typeof (arg as { key?: unknown }).key === 'string') {
    const { key, uri } = arg as { key: string; uri?: string };
    return { key, uri, flag: findFlag(all, key, uri) };
  }
  // From the palette: the flag under the cursor comes first (and is highlighted).
  const underCursor = flagAtCursor(all);
  const ordered = underCursor ? [underCursor, ...all.filter((f) => f !== underCursor)] : all;
  const picked = await vscode.window.showQuickPick(
    ordered.map((entry) => ({
      label: entry.flag.key,
      description: [entry === underCursor ? 'under the cursor' : undefined, entry.flag.status, entry.flag.owner]
        .filter(Boolean)
        .join(' · '),
      detail: plural(entry.flag.referenceCount, 'reference'),
      ...entry,
    })),
    { title: 'Remove a flag', placeHolder: 'Which flag should be removed from the code?', matchOnDescription: true },
  );
  return picked ? { key: picked.flag.key, uri: picked.folder.uri, flag: picked.flag } : undefined;
}

/** The flag whose reference (or registry entry) the active editor's cursor is on. */
function flagAtCursor(
  all: { folder: TreeFolder; flag: TreeFlag }[],
): { folder: TreeFolder; flag: TreeFlag } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  // Compared as paths: the server's URIs and VS Code's may encode the same path differently.
  const file = editor.document.uri.fsPath;
  const sameFile = (uri: string) => vscode.Uri.parse(uri).fsPath === file;
  const cursor = editor.selection.active;
  const contains = (location: {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }): boolean => {
    if (!sameFile(location.uri)) return false;
    const range = new vscode.Range(
      location.range.start.line,
      location.range.start.character,
      location.range.end.line,
      location.range.end.character,
    );
    return range.contains(cursor);
  };
  return (
    all.find(({ flag }) => flag.references.some((r) => contains(r.location))) ??
    all.find(
      ({ flag }) =>
        flag.definition && sameFile(flag.definition.uri) && flag.definition.range.start.line === cursor.line,
    ) ??
    all.find(({ flag }) =>
      flag.references.some((r) => sameFile(r.location.uri) && r.location.range.start.line === cursor.line),
    )
  );
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
      {
        title: `Remove flag '${key}'`,
        placeHolder: `Keep which value? Every evaluation of '${key}' becomes this value.`,
      },
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
