/** The Flag Explorer's title-bar commands: filter (live, as you type), problems only / all flags, clear. */
import * as vscode from 'vscode';
import type { FlagExplorer } from './flagExplorer';

export function registerExplorerCommands(extension: vscode.ExtensionContext, explorer: FlagExplorer): void {
  const register = (id: string, run: () => unknown): void => {
    extension.subscriptions.push(vscode.commands.registerCommand(id, run));
  };

  register('flaglint.filter', () => {
    const before = explorer.currentFilter;
    const input = vscode.window.createInputBox();
    input.title = 'Filter the Flag Explorer';
    input.placeholder =
      'Words match key, owner, status, type or problem; or owner:@team status:active type:release problem:stale';
    input.prompt = 'The tree narrows as you type; Enter keeps the filter, Escape restores the previous one.';
    input.value = before.text;
    let accepted = false;
    input.onDidChangeValue((text) => void explorer.setFilter({ ...explorer.currentFilter, text }));
    input.onDidAccept(() => {
      accepted = true;
      input.hide();
    });
    input.onDidHide(() => {
      if (!accepted) void explorer.setFilter(before);
      input.dispose();
    });
    input.show();
  });

  register('flaglint.clearFilter', () => explorer.setFilter({ text: '', problemsOnly: false }));
  register('flaglint.problemsOnly', () => explorer.setFilter({ ...explorer.currentFilter, problemsOnly: true }));
  register('flaglint.showAllFlags', () => explorer.setFilter({ ...explorer.currentFilter, problemsOnly: false }));
}
