// Shared helpers for the extension-host tests. They run inside VS Code's extension host against the
// installed Flaglint extension and a scratch copy of examples/shop (the window's only folder).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'flaglint.flaglint';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder');
  return folder.uri.fsPath;
}

export function fileUri(relativePath: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relativePath));
}

export function readWorkspaceFile(relativePath: string): string {
  return fs.readFileSync(path.join(workspaceRoot(), relativePath), 'utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `probe` returns a value other than undefined/false (or stops throwing) and returns
 * it. Language features answer after the first scan and after each edit, so tests wait for a
 * state; the message names what never came.
 */
export async function eventually<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? `: ${last.message}` : '';
      assert.fail(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}`);
    }
    await sleep(200);
  }
}

export interface FlaglintApi {
  client(): { isRunning(): boolean } | undefined;
  explorer: vscode.TreeDataProvider<unknown> & {
    setGroupBy(groupBy: 'status' | 'owner' | 'type'): Promise<void>;
    readonly grouping: string;
    setFilter(filter: { text: string; problemsOnly: boolean }): Promise<void>;
  };
  output: vscode.OutputChannel;
}

/** Activates Flaglint (as opening a source file would) and returns its API once the server runs. */
export async function flaglint(): Promise<FlaglintApi> {
  const extension = vscode.extensions.getExtension<FlaglintApi>(EXTENSION_ID);
  assert.ok(extension, `the extension ${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  assert.ok(
    api && typeof api.client === 'function',
    'Flaglint activate() did not return its API ({ client, explorer })',
  );
  await eventually('the Flaglint language server to run', () => api.client()?.isRunning());
  return api;
}

export async function openDocument(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fileUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The position of the `occurrence`-th match of `text` in the document, `offset` characters in. */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0, occurrence = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = document.getText().indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" occurs fewer than ${occurrence} time(s) in ${document.uri.fsPath}`);
  }
  return document.positionAt(at + offset);
}

/** Flaglint's diagnostics for a file (other extensions' are ignored). */
export function flaglintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'flaglint');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function describeDiagnostics(diagnostics: vscode.Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)} ${d.message}`),
  );
}

/** The findings examples/shop promises (examples/shop/.flaglint-expected.json), lines 1-based. */
export interface ExpectedFinding {
  ruleId: string;
  file: string;
  line: number;
  flagKey?: string;
}

export function expectedFindings(): ExpectedFinding[] {
  const expected = JSON.parse(readWorkspaceFile('.flaglint-expected.json')) as { findings: ExpectedFinding[] };
  return expected.findings;
}

/** Plain text of hover contents (markdown strings and marked strings alike). */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Applies a text edit to an open document and waits for Flaglint's diagnostics to satisfy `until`. */
export async function editAndWait(
  document: vscode.TextDocument,
  edit: (builder: vscode.WorkspaceEdit) => void,
  what: string,
  until: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  const workspaceEdit = new vscode.WorkspaceEdit();
  edit(workspaceEdit);
  assert.ok(await vscode.workspace.applyEdit(workspaceEdit), `the edit for ${what} was not applied`);
  return eventually(what, () => {
    const diagnostics = flaglintDiagnostics(document.uri);
    return until(diagnostics) ? diagnostics : undefined;
  });
}
