/**
 * The Flaglint language server: capabilities, settings, folders and the wiring of one module per
 * feature. `FlaglintServer` holds no connection (features talk to the client through LspClient),
 * so tests can run it in-process; `bindConnection` attaches it to a real connection.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { GraphRequest, StatusRequest, TreeRequest, type GraphParams, type TreeParams } from '../../../protocol/src';
import { GraphFeature } from './features/graph';
import { uriToFile } from './convert';
import { DocumentStore } from './documents';
import { CodeActionsFeature } from './features/codeActions';
import { CodeLensFeature } from './features/codeLens';
import { CommandsFeature, UNTRUSTED_EDITS } from './features/commands';
import { CompletionFeature } from './features/completion';
import { DefinitionFeature } from './features/definition';
import { DiagnosticsFeature } from './features/diagnostics';
import { FileWatchingFeature } from './features/fileWatching';
import { HoverFeature } from './features/hover';
import { ReferencesFeature } from './features/references';
import { RenameFeature } from './features/rename';
import { TreeFeature } from './features/tree';
import { WorkspaceSymbolFeature } from './features/workspaceSymbol';
import { ConnectionLspClient, type ClientSupport, type LspClient } from './lspClient';
import { readSettings } from '../core/service';
import { createWorkspace, type FolderInfo, type FolderState, type Workspace } from './workspace';

export interface InitializationOptions {
  /** Whether the workspace is trusted; untrusted = read-only (no code actions, rename or write commands). Default true. */
  trusted?: boolean;
  /** The `flaglint` settings, for clients that cannot answer workspace/configuration. */
  settings?: unknown;
  /** Where the analysis cache may be kept (the extension's storage); without it nothing is cached. */
  cacheDir?: string;
}

export interface ServerOptions {
  debounceMs?: number;
}

export class FlaglintServer {
  readonly documents = new DocumentStore();
  workspace!: Workspace;
  client!: LspClient;
  support!: ClientSupport;
  diagnostics!: DiagnosticsFeature;
  hover!: HoverFeature;
  definition!: DefinitionFeature;
  references!: ReferencesFeature;
  codeLens!: CodeLensFeature;
  completion!: CompletionFeature;
  rename!: RenameFeature;
  symbols!: WorkspaceSymbolFeature;
  codeActions!: CodeActionsFeature;
  commands!: CommandsFeature;
  watching!: FileWatchingFeature;
  tree!: TreeFeature;
  private initialSettings: unknown;

  constructor(
    private readonly makeClient: (support: ClientSupport) => LspClient,
    private readonly options: ServerOptions = {},
  ) {}

  initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.support = {
      workDoneProgress: caps.window?.workDoneProgress === true,
      configuration: caps.workspace?.configuration === true,
      codeLensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
      dynamicWatchedFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      workspaceFolders: caps.workspace?.workspaceFolders === true,
    };
    this.client = this.makeClient(this.support);
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    this.initialSettings = init.settings;
    const trusted = init.trusted !== false;
    this.workspace = createWorkspace(this.client, this.documents, {
      trusted,
      cacheDir: typeof init.cacheDir === 'string' && init.cacheDir ? init.cacheDir : undefined,
      debounceMs: this.options.debounceMs,
    });
    for (const folder of initialFolders(params)) this.workspace.addFolder(folder, readSettings(init.settings).settings);

    this.diagnostics = new DiagnosticsFeature(this.workspace, this.client);
    this.hover = new HoverFeature(this.workspace);
    this.definition = new DefinitionFeature(this.workspace);
    this.references = new ReferencesFeature(this.workspace);
    this.codeLens = new CodeLensFeature(this.workspace);
    this.completion = new CompletionFeature(this.workspace);
    this.rename = new RenameFeature(this.workspace);
    this.symbols = new WorkspaceSymbolFeature(this.workspace);
    this.codeActions = new CodeActionsFeature(this.workspace);
    this.commands = new CommandsFeature(this.workspace, this.client, () => this.rescanAll());
    this.watching = new FileWatchingFeature(this.workspace, this.client);
    this.tree = new TreeFeature(this.workspace);

    this.workspace.onDidUpdate.on(() => {
      this.client.refreshCodeLenses();
      this.client.indexChanged(this.tree.status());
    });
    this.workspace.onScanStateChanged.on(() => this.client.indexChanged(this.tree.status()));

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['"', "'", '`'], resolveProvider: false },
        workspaceSymbolProvider: true,
        renameProvider: trusted ? { prepareProvider: true } : undefined,
        codeActionProvider: trusted
          ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] }
          : undefined,
        executeCommandProvider: { commands: this.commands.commands() },
        workspace: this.support.workspaceFolders
          ? { workspaceFolders: { supported: true, changeNotifications: true } }
          : undefined,
      },
      serverInfo: { name: 'flaglint', version: serverVersion() },
    };
  }

  async initialized(): Promise<void> {
    if (this.support.configuration) {
      // Pull-model clients send didChangeConfiguration only for sections a server registers for.
      const registration = {
        id: 'flaglint-configuration',
        method: DidChangeConfigurationNotification.method,
        registerOptions: { section: 'flaglint' },
      };
      await this.client.register([registration]).catch((error) => this.workspace.logError(error));
    }
    if (this.support.dynamicWatchedFiles) {
      await this.watching.registerWatchers().catch((error) => this.workspace.logError(error));
    }
    await Promise.all(this.workspace.folders.map((f) => this.loadSettings(f)));
    await Promise.all(this.workspace.folders.map((f) => this.workspace.scan(f)));
  }

  /** Reads a folder's settings from the client (falls back to what initialization gave). */
  private async loadSettings(folder: FolderState): Promise<boolean> {
    let section: unknown;
    try {
      section = this.support.configuration ? await this.client.configuration(folder.info.uri) : this.initialSettings;
    } catch (error) {
      this.workspace.logError(error);
      section = this.initialSettings;
    }
    const { settings, problems } = readSettings(section);
    for (const problem of problems) this.client.log('warning', problem);
    return this.workspace.updateSettings(folder, settings);
  }

  async configurationChanged(params: DidChangeConfigurationParams): Promise<void> {
    if (!this.support.configuration) {
      const pushed = (params.settings as { flaglint?: unknown } | undefined)?.flaglint;
      if (pushed !== undefined) this.initialSettings = pushed;
    }
    for (const folder of this.workspace.folders) {
      const rescan = await this.loadSettings(folder);
      if (rescan) void this.workspace.scan(folder);
    }
    this.diagnostics.republishAll();
    this.client.refreshCodeLenses();
    this.client.indexChanged(this.tree.status());
  }

  async foldersChanged(added: WorkspaceFolder[], removed: WorkspaceFolder[]): Promise<void> {
    for (const folder of removed) {
      const state = this.workspace.removeFolder(folder.uri);
      if (state) this.diagnostics.clearFolder(state);
    }
    for (const folder of added) {
      const info = toFolderInfo(folder);
      if (!info) continue;
      const state = this.workspace.addFolder(info);
      await this.loadSettings(state);
      void this.workspace.scan(state);
    }
    this.client.indexChanged(this.tree.status());
  }

  async rescanAll(): Promise<void> {
    await Promise.all(this.workspace.folders.map((f) => this.rebuild(f)));
  }

  private rebuild(folder: FolderState): Promise<void> {
    return this.workspace.rebuild(folder);
  }

  // ----- documents: the store keeps the buffers, the session hears which file changed -----

  documentOpened(params: DidOpenTextDocumentParams): void {
    const file = uriToFile(this.documents.open(params).uri);
    if (file) this.workspace.documentOpened(file);
  }

  documentChanged(params: DidChangeTextDocumentParams): void {
    const doc = this.documents.change(params);
    const file = doc ? uriToFile(doc.uri) : undefined;
    if (file) this.workspace.documentChanged(file);
  }

  documentClosed(params: DidCloseTextDocumentParams): void {
    this.documents.close(params);
    const file = uriToFile(params.textDocument.uri);
    if (file) this.workspace.documentClosed(file);
  }

  shutdown(): void {
    this.workspace?.dispose();
    this.diagnostics?.dispose();
  }
}

function toFolderInfo(folder: WorkspaceFolder): FolderInfo | undefined {
  const root = uriToFile(folder.uri);
  return root ? { uri: folder.uri, name: folder.name, root } : undefined;
}

function initialFolders(params: InitializeParams): FolderInfo[] {
  if (params.workspaceFolders?.length) {
    return params.workspaceFolders.map(toFolderInfo).filter((f): f is FolderInfo => f !== undefined);
  }
  const rootUri = params.rootUri ?? (params.rootPath ? `file://${params.rootPath}` : undefined);
  const root = rootUri ? uriToFile(rootUri) : undefined;
  return root && rootUri ? [{ uri: rootUri, name: path.basename(root), root }] : [];
}

function serverVersion(): string {
  // Bundled: dist/server.js → ../package.json; compiled: out/server/src/lsp → four levels up.
  for (const candidate of ['../package.json', '../../../../package.json']) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, candidate), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'flaglint' && manifest.version) return manifest.version;
    } catch {
      continue;
    }
  }
  return '0.0.0';
}

function refuseEdits(): never {
  throw new ResponseError(ErrorCodes.InvalidRequest, UNTRUSTED_EDITS);
}

/** Attaches the server to a connection: every LSP message to its feature. */
export function bindConnection(connection: Connection, options: ServerOptions = {}): FlaglintServer {
  const server = new FlaglintServer((support) => new ConnectionLspClient(connection, support), options);
  const guard =
    <P, R>(fallback: R, handler: (params: P) => R) =>
    (params: P): R => {
      try {
        return handler(params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        server.workspace?.logError(error);
        return fallback;
      }
    };

  connection.onInitialize((params) => server.initialize(params));
  connection.onInitialized(() => {
    // Only clients that advertise workspace folders may get this handler: on others the library
    // throws here, and the first scan below would never start (rootUri/rootPath is used instead).
    if (server.support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        (event) => void server.foldersChanged(event.added, event.removed),
      );
    }
    void server.initialized().catch((error) => server.workspace.logError(error));
  });
  connection.onDidChangeConfiguration((params) => void server.configurationChanged(params));

  connection.onDidOpenTextDocument((params) => server.documentOpened(params));
  connection.onDidChangeTextDocument((params) => server.documentChanged(params));
  connection.onDidCloseTextDocument((params) => server.documentClosed(params));
  connection.onDidChangeWatchedFiles((params) => server.watching.changed(params));

  connection.onHover(guard(null, (p) => server.hover.hover(p)));
  connection.onDefinition(guard(null, (p) => server.definition.definition(p)));
  connection.onReferences(guard(null, (p) => server.references.references(p)));
  connection.onCodeLens(guard([], (p) => server.codeLens.codeLens(p)));
  connection.onCompletion(guard(null, (p) => server.completion.completion(p)));
  connection.onWorkspaceSymbol(guard([], (p) => server.symbols.symbols(p)));
  // Untrusted workspaces do not advertise these, but a client may ask anyway: refuse there too.
  connection.onPrepareRename(guard(null, (p) => (server.workspace.trusted ? server.rename.prepareRename(p) : null)));
  connection.onRenameRequest(guard(null, (p) => (server.workspace.trusted ? server.rename.rename(p) : refuseEdits())));
  connection.onCodeAction(guard(null, (p) => (server.workspace.trusted ? server.codeActions.codeActions(p) : null)));
  connection.onExecuteCommand((p) => server.commands.execute(p));
  connection.onRequest(TreeRequest.method, (p: TreeParams | undefined) => server.tree.tree(p));
  connection.onRequest(StatusRequest.method, () => server.tree.status());
  connection.onRequest(GraphRequest.method, (p: GraphParams | undefined) =>
    new GraphFeature(server.workspace).graph(p),
  );
  connection.onShutdown(() => server.shutdown());
  return server;
}
