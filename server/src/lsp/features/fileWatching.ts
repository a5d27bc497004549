/**
 * workspace/didChangeWatchedFiles: sources and registries changed by other tools (git checkout,
 * a formatter, the user's other editor). The server registers the watchers itself when the client
 * allows dynamic registration, so any client gets them.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { uriToFile } from '../convert';
import type { LspClient } from '../lspClient';
import type { Workspace } from '../workspace';

export const WATCHED_GLOBS = [
  '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}',
  '**/flags.{yaml,yml,json}',
  '**/flags/**/*.{yaml,yml}',
  '**/package.json',
  '**/{CODEOWNERS,.gitignore}',
];

export class FileWatchingFeature {
  constructor(
    private readonly workspace: Workspace,
    private readonly client: LspClient,
    private readonly structureChanged: (file: string) => void,
  ) {}

  async registerWatchers(): Promise<void> {
    await this.client.register([
      {
        id: 'flaglint-watchers',
        method: DidChangeWatchedFilesNotification.method,
        registerOptions: { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete })) },
      },
    ]);
  }

  changed(params: DidChangeWatchedFilesParams): void {
    for (const change of params.changes) {
      const file = uriToFile(change.uri);
      if (!file) continue;
      const folder = this.workspace.folderFor(file);
      if (!folder) continue;
      const base = file.split(/[\\/]/).pop() ?? '';
      // A registry appearing or vanishing, or a changed package/ownership/ignore file, changes which
      // registry governs which file: rebuild that folder's index (its cache keeps this cheap).
      const structural =
        ((change.type === FileChangeType.Created || change.type === FileChangeType.Deleted) && folder.isRegistryFile(file)) ||
        base === 'package.json' ||
        base === 'CODEOWNERS' ||
        base === '.gitignore';
      if (structural) this.structureChanged(file);
      else this.workspace.fileChangedOnDisk(file);
    }
  }
}
