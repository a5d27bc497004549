/**
 * The server constructed in-process with a fake LspClient: what it tells the client before the
 * workspace scan has even started (an open document is answered from its buffer alone).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApplyWorkspaceEditResult, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { StatusResult } from '../../protocol/src';
import type { LspClient, ProgressReporter } from '../../server/src/lsp/lspClient';
import { FlaglintServer } from '../../server/src/lsp/server';
import { NOW, copyFixture, uriOf } from './lspSession';
import { must } from '../helpers/must';

class FakeClient implements LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly statuses: StatusResult[] = [];
  readonly logs: string[] = [];
  publishDiagnostics(params: PublishDiagnosticsParams): void {
    this.diagnostics.set(params.uri, params);
  }
  showMessage(): void {}
  log(_type: string, message: string): void {
    this.logs.push(message);
  }
  async createProgress(): Promise<ProgressReporter> {
    return { report() {}, done() {} };
  }
  async applyEdit(): Promise<ApplyWorkspaceEditResult> {
    return { applied: false };
  }
  refreshCodeLenses(): void {}
  indexChanged(status: StatusResult): void {
    this.statuses.push(status);
  }
  async configuration(): Promise<unknown> {
    return {};
  }
  async register(): Promise<void> {}
}

describe('language server in-process', function () {
  let previousNow: string | undefined;

  before(function () {
    previousNow = process.env.FLAGLINT_NOW;
    process.env.FLAGLINT_NOW = NOW;
  });

  after(function () {
    if (previousNow === undefined) delete process.env.FLAGLINT_NOW;
    else process.env.FLAGLINT_NOW = previousNow;
  });

  it('answers an open document from its buffer before the workspace scan', async function () {
    const root = copyFixture('app');
    const client = new FakeClient();
    const server = new FlaglintServer(() => client, { debounceMs: 0 });
    server.initialize({
      processId: null,
      rootUri: uriOf(root),
      capabilities: {},
      workspaceFolders: [{ uri: uriOf(root), name: 'app' }],
    });
    const file = path.join(root, 'src/promo/banner.ts');
    const uri = uriOf(file);
    // Opened before `initialized` starts the scan: only this document's buffer is known.
    server.documentOpened({
      textDocument: { uri, languageId: 'typescript', version: 1, text: fs.readFileSync(file, 'utf8') },
    });
    assert.equal(must(server.workspace.folders[0]).state, 'pending');
    const early = client.diagnostics.get(uri);
    assert.ok(early, 'diagnostics before the scan');
    assert.deepEqual(early.diagnostics.map((d) => d.code).sort(), ['stale-flag', 'unregistered-flag']);

    await server.initialized();
    assert.equal(must(server.workspace.folders[0]).state, 'ready');
    assert.equal(client.statuses.at(-1)?.scanning, false);
    assert.ok(
      client.diagnostics.get(uriOf(path.join(root, 'flags.yaml')))?.diagnostics.some((d) => d.code === 'unused-flag'),
    );
    server.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });
});
