/**
 * A minimal LSP client for protocol tests: starts the real built server (`node
 * out/server/src/lsp/main.js --stdio`) and speaks JSON-RPC to it, answering the server's requests
 * the way an editor does (configuration, registrations, progress, applyEdit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApplyWorkspaceEditRequest,
  CodeLensRefreshRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { IndexChangedNotification, type StatusResult } from '../../protocol/src';

export const REPO = path.resolve(__dirname, '../../..');
const SERVER = path.join(REPO, 'out/server/src/lsp/main.js');
const FIXTURES = path.join(REPO, 'test/fixtures/protocol');

/** The date the tests' findings and lenses are computed for. */
export const NOW = '2026-10-15';

const copies = new Set<string>();

/** A fresh copy of a fixture workspace in a temporary folder (tests may edit it); removed by the session that uses it. */
export function copyFixture(name: string): string {
  const target = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `flaglint-protocol-${name}-`)));
  fs.cpSync(path.join(FIXTURES, name), target, { recursive: true });
  copies.add(target);
  return target;
}

export function uriOf(file: string): string {
  return URI.file(file).toString();
}

export interface SessionOptions {
  trusted?: boolean;
  /** The `flaglint` section answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** More workspace folders besides the root (multi-root workspaces). */
  extraFolders?: string[];
  /** Whether edits requested with workspace/applyEdit are written to disk (as an editor would save them). */
  applyEditsToDisk?: boolean;
  /** The extension's storage folder for the analysis cache (initializationOptions.cacheDir). */
  cacheDir?: string;
  /** Replaces the VS Code-like capabilities (other editors advertise less). */
  capabilities?: ClientCapabilities;
  /** Sends only rootUri, no workspaceFolders (minimal clients). */
  rootOnly?: boolean;
}

export type SessionEvent =
  | { kind: 'diagnostics'; uri: string; diagnostics: Diagnostic[] }
  | { kind: 'status'; scanning: boolean }
  | { kind: 'progress'; progress: string };

const LANGUAGE: Record<string, string> = {
  '.ts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.jsx': 'javascriptreact',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
};

export class LspSession {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly progress: unknown[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: string[] = [];
  /** The server's notifications in the order they arrived, for tests of what comes first. */
  readonly events: SessionEvent[] = [];
  status: StatusResult | undefined;
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly process: ChildProcess;
  private readonly docs = new Map<string, TextDocument>();
  private readonly waiters: (() => void)[] = [];
  private stderr = '';
  /** Rejects when the server process exits before `stop()`: a crash fails the test at once, with its stderr. */
  private readonly exited: Promise<never>;
  private stopping = false;

  constructor(
    readonly root: string,
    private readonly options: SessionOptions = {},
  ) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [SERVER, '--stdio'], {
      cwd: root,
      env: { ...process.env, FLAGLINT_NOW: NOW },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise<never>((_, reject) => {
      this.process.once('exit', (code, signal) => {
        if (!this.stopping)
          reject(
            new Error(
              `The language server exited (code ${code}, signal ${signal}).\nstderr:\n${this.stderr.slice(-4000)}`,
            ),
          );
        this.notify();
      });
    });
    this.exited.catch(() => undefined);
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.events.push({ kind: 'diagnostics', uri: params.uri, diagnostics: params.diagnostics });
      this.notify();
    });
    this.connection.onNotification(IndexChangedNotification.method, (status: StatusResult) => {
      this.status = status;
      this.events.push({ kind: 'status', scanning: status.scanning });
      this.notify();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
      this.events.push({ kind: 'progress', progress: (params as { value?: { kind?: string } }).value?.kind ?? '' });
      this.notify();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations) this.registrations.push(r.method);
    });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(CodeLensRefreshRequest.type, () => undefined);
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      if (this.options.applyEditsToDisk) applyWorkspaceEdit(params.edit);
      this.notify();
      return { applied: true };
    });
    this.connection.listen();
  }

  static async start(root: string, options: SessionOptions = {}): Promise<LspSession> {
    const session = new LspSession(root, options);
    await session.initialize();
    return session;
  }

  async initialize(): Promise<void> {
    const capabilities: ClientCapabilities = {
      window: { workDoneProgress: true },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        applyEdit: true,
        workspaceEdit: {
          documentChanges: true,
          resourceOperations: ['create', 'rename', 'delete'],
          changeAnnotationSupport: { groupsOnLabel: true },
        },
        codeLens: { refreshSupport: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        didChangeConfiguration: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        rename: { prepareSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite'] } },
        },
        completion: { completionItem: { snippetSupport: false } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
    };
    const folders = [this.root, ...(this.options.extraFolders ?? [])].map((folder) => ({
      uri: uriOf(folder),
      name: path.basename(folder),
    }));
    this.initializeResult = await this.untilExit(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: uriOf(this.root),
        workspaceFolders: this.options.rootOnly ? null : folders,
        capabilities: this.options.capabilities ?? capabilities,
        initializationOptions: {
          trusted: this.options.trusted ?? true,
          settings: this.settings,
          ...(this.options.cacheDir ? { cacheDir: this.options.cacheDir } : {}),
        },
      }),
    );
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** A request's answer, or the server's crash. */
  untilExit<T>(request: Promise<T>): Promise<T> {
    return Promise.race([request, this.exited]);
  }

  /** Waits until `check` returns a value (re-checked on every message from the server). */
  async waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 30000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      if (this.process.exitCode !== null || this.process.signalCode !== null) await this.exited;
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for ${what}.\nServer log:\n${this.logs.slice(-20).join('\n')}\nstderr:\n${this.stderr.slice(-2000)}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits for the first scan to end. */
  async ready(): Promise<StatusResult> {
    return this.waitFor('the first scan to finish', () =>
      this.status && !this.status.scanning ? this.status : undefined,
    );
  }

  diagnosticsOf(file: string): Diagnostic[] {
    return this.diagnostics.get(uriOf(this.abs(file))) ?? [];
  }

  abs(file: string): string {
    return path.isAbsolute(file) ? file : path.join(this.root, file);
  }

  text(file: string): string {
    const doc = this.docs.get(uriOf(this.abs(file)));
    return doc ? doc.getText() : fs.readFileSync(this.abs(file), 'utf8');
  }

  async open(file: string, text?: string): Promise<string> {
    const abs = this.abs(file);
    const uri = uriOf(abs);
    const doc = TextDocument.create(
      uri,
      LANGUAGE[path.extname(abs)] ?? 'plaintext',
      1,
      text ?? fs.readFileSync(abs, 'utf8'),
    );
    this.docs.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: doc.languageId, version: 1, text: doc.getText() },
    });
    return uri;
  }

  /** Replaces the whole text of an open document. */
  async change(file: string, text: string): Promise<void> {
    const uri = uriOf(this.abs(file));
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${file} is not open`);
    const version = doc.version + 1;
    TextDocument.update(doc, [{ text }], version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async close(file: string): Promise<void> {
    const uri = uriOf(this.abs(file));
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async fileChanged(file: string, type: 1 | 2 | 3): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(this.abs(file)), type }],
    });
  }

  version(file: string): number | undefined {
    return this.docs.get(uriOf(this.abs(file)))?.version;
  }

  /** Position of the n-th occurrence (0-based) of `needle` in a file, plus `offset` characters. */
  positionOf(file: string, needle: string, offset = 0, occurrence = 0): { line: number; character: number } {
    const text = this.text(file);
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) not found in ${file}`);
    }
    const doc = TextDocument.create('file:///x', 'x', 0, text);
    return doc.positionAt(at + offset);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 5000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    for (const folder of [this.root, ...(this.options.extraFolders ?? [])]) {
      if (copies.delete(folder)) fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}

/** Applies text edits to a text (edits never overlap; applied from the end). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = TextDocument.create('file:///x', 'x', 0, text);
  return TextDocument.applyEdits(doc, edits);
}

/** The text edits a workspace edit makes to one file. */
export function editsFor(edit: WorkspaceEdit, file: string): TextEdit[] {
  const uri = uriOf(file);
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...textEdits(change));
  }
  for (const e of edit.changes?.[uri] ?? []) edits.push(e);
  return edits;
}

/** Applies a workspace edit to the disk, as an editor applies and saves it. */
export function applyWorkspaceEdit(edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      const file = URI.parse(change.kind === 'rename' ? change.newUri : change.uri).fsPath;
      if (change.kind === 'create' && !fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, '');
      } else if (change.kind === 'delete') fs.rmSync(file, { force: true });
      continue;
    }
    const file = URI.parse(change.textDocument.uri).fsPath;
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    fs.writeFileSync(file, applyEdits(before, textEdits(change)));
  }
}

function textEdits(change: TextDocumentEdit): TextEdit[] {
  return change.edits.map((e) => {
    if (!('newText' in e)) throw new Error('snippet edits are not expected from Flaglint');
    return { range: e.range, newText: e.newText };
  });
}
