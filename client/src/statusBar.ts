/** The status bar item: flag and problem counts (a spinner while scanning); a click opens the Flag Explorer. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusRequest, type StatusResult } from '../../protocol/src/requests';
import { plural } from './plural';

/** The item's text and tooltip for a status (exported for tests: no VS Code objects needed). */
export function statusText(status: StatusResult): { text: string; tooltip: string } {
  const flags = plural(status.flags, 'flag');
  if (status.scanning) return { text: `$(sync~spin) ${flags}`, tooltip: 'Flaglint is scanning the workspace' };
  const others = Math.max(0, status.problems - status.errors - status.warnings);
  // One icon per severity that occurs, so an error icon means there are errors.
  const counts: string[] = [];
  if (status.errors) counts.push(`$(error) ${status.errors}`);
  if (status.warnings) counts.push(`$(warning) ${status.warnings}`);
  if (others) counts.push(`$(info) ${others}`);
  if (!counts.length) counts.push('$(check)');
  const breakdown = [
    plural(status.errors, 'error'),
    plural(status.warnings, 'warning'),
    others ? plural(others, 'hint') : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const restricted = status.trusted
    ? ''
    : ' — restricted mode: quick fixes and edits are off until you trust this workspace';
  if (status.registries === 0) {
    return {
      text: `$(symbol-boolean) ${flags} $(lightbulb) Set up`,
      tooltip: `Flaglint found ${flags} in the code and no flag registry${restricted}. Click to set up Flaglint.`,
    };
  }
  return {
    text: `$(symbol-boolean) ${flags} ${counts.join(' ')}`,
    tooltip: `Flaglint: ${flags}, ${plural(status.problems, 'problem')} (${breakdown})${restricted}. Click to open the Flag Explorer.`,
  };
}

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
    const { text, tooltip } = statusText(status);
    this.item.text = text;
    this.item.tooltip = tooltip;
    // Without a registry the click leads to the walkthrough that sets one up.
    this.item.command = !status.scanning && status.registries === 0 ? 'flaglint.setUp' : 'flaglint.explorer.focus';
    // Without a registry every flag is unregistered: an invitation to set up, not an alarm.
    this.item.backgroundColor =
      status.errors && status.registries > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
