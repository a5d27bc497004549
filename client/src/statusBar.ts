/** The status bar item: flag and problem counts (a spinner while scanning); a click opens the Flag Explorer. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusRequest, type StatusResult } from '../../protocol/src/requests';

export class FlaglintStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item = vscode.window.createStatusBarItem('flaglint.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Flaglint';
    this.item.command = 'flaglint.explorer.focus';
    this.item.text = '$(sync~spin) Flaglint';
    this.item.tooltip = 'Flaglint is starting';
    this.item.show();
  }

  async refresh(): Promise<void> {
    const client = this.client();
    if (!client?.isRunning()) return;
    try {
      this.update(await client.sendRequest(StatusRequest));
    } catch {
      // the server restarts or stops; the next notification updates the item
    }
  }

  update(status: StatusResult): void {
    const flags = `${status.flags} ${status.flags === 1 ? 'flag' : 'flags'}`;
    if (status.scanning) {
      this.item.text = `$(sync~spin) ${flags}`;
      this.item.tooltip = 'Flaglint is scanning the workspace';
    } else {
      const icon = status.errors ? '$(error)' : status.warnings ? '$(warning)' : '$(check)';
      this.item.text = `$(symbol-boolean) ${flags} ${icon} ${status.problems}`;
      this.item.tooltip = `Flaglint: ${flags}, ${status.problems} problems (${status.errors} errors, ${status.warnings} warnings)${status.trusted ? '' : ' — restricted mode: quick fixes and edits are off until you trust this workspace'}. Click to open the Flag Explorer.`;
    }
    this.item.backgroundColor = status.errors ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
