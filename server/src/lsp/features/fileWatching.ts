/**
 * workspace/didChangeWatchedFiles: sources and registries changed by other tools (git checkout,
 * a formatter, the user's other editor). The server registers the watchers itself when the client
 * allows dynamic registration, so any client gets them.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  WatchKind,
  type DidChangeWatchedFilesParams,
} from 'vscode-languageserver/node';
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

const KINDS: Record<number, 'created' | 'changed' | 'deleted'> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

export class FileWatchingFeature {
  constructor(
    private readonly workspace: Workspace,
    private readonly client: LspClient,
  ) {}

  async registerWatchers(): Promise<void> {
    await this.client.register([
      {
        id: 'flaglint-watchers',
        method: DidChangeWatchedFilesNotification.method,
        registerOptions: {
          watchers: WATCHED_GLOBS.map((globPattern) => ({
            globPattern,
            kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete,
          })),
        },
      },
    ]);
  }

  changed(params: DidChangeWatchedFilesParams): void {
    for (const change of params.changes) {
      const file = uriToFile(change.uri);
      if (file) this.workspace.fileEvent(file, KINDS[change.type] ?? 'changed');
    }
  }
}
