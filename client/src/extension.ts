/**
 * The Flaglint VS Code extension: starts the language server (which only parses the workspace,
 * never runs its code) and adds the Flag Explorer, the status bar item and the commands.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { IndexChangedNotification } from '../../protocol/src/requests';
import { registerCommands } from './commands';
import { DependencyMap } from './dependencyMap';
import { registerExplorerCommands } from './explorerCommands';
import { FlagExplorer } from './flagExplorer';
import { offerSetUp, registerSetUp } from './setUp';
import { FlaglintStatusBar } from './statusBar';

const SOURCE_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

let client: LanguageClient | undefined;

export interface FlaglintApi {
  /** The running language client (for tests and other extensions). */
  client(): LanguageClient | undefined;
  explorer: FlagExplorer;
  /** The Flaglint output channel, where the server's log lands. */
  output: vscode.LogOutputChannel;
}

export async function activate(context: vscode.ExtensionContext): Promise<FlaglintApi> {
  const output = vscode.window.createOutputChannel('Flaglint', { log: true });
  context.subscriptions.push(output);
  const explorer = new FlagExplorer(context, () => client);
  const statusBar = new FlaglintStatusBar(() => client);
  context.subscriptions.push(explorer, statusBar);
  const map = new DependencyMap(() => client, explorer);
  context.subscriptions.push(map);
  registerCommands(context, { client: () => client, explorer, output });
  registerExplorerCommands(context, explorer);
  registerSetUp(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('flaglint.showMap', (arg?: unknown) => map.show(flagKeyOf(arg))),
  );

  const start = async (): Promise<void> => {
    client = createClient(context, output);
    client.onNotification(IndexChangedNotification, (status) => {
      explorer.statusChanged(status);
      statusBar.update(status);
      void map.update();
      if (!status.scanning && status.registries === 0) void offerSetUp(context, status);
    });
    try {
      await client.start();
      explorer.refresh();
      await statusBar.refresh();
    } catch (error) {
      output.appendLine(`Flaglint language server failed to start: ${String(error)}`);
      void vscode.commands.executeCommand('setContext', 'flaglint.scanning', false);
      void vscode.commands.executeCommand('setContext', 'flaglint.scanned', true);
      void vscode.window
        .showErrorMessage(
          'Flaglint could not start its language server. See the Flaglint output for details.',
          'Show Output',
        )
        .then((choice) => {
          if (choice) output.show();
        });
    }
  };
  const restart = async (): Promise<void> => {
    const old = client;
    client = undefined;
    await old?.stop().catch(() => undefined);
    await start();
  };

  // Trust only widens what the server may do (code actions, rename, edits): restart to enable them.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()));
  // The document selector depends on flaglint.registryPath.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('flaglint.registryPath')) void restart();
    }),
  );
  await start();
  return { client: () => client, explorer, output };
}

/** The flag of a Flag Explorer row (flag or dependency), for "Show Dependency Map" from its context menu. */
function flagKeyOf(arg: unknown): string | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const node = arg as { kind?: string; flag?: { key: string }; key?: string };
  if (node.kind === 'flag' || node.kind === 'dependencies') return node.flag?.key;
  if (node.kind === 'dependency') return node.key;
  return undefined;
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      settings: vscode.workspace.getConfiguration('flaglint'),
      // The analysis cache lives in the extension's own storage: the extension writes into the
      // workspace only what the user asks for (quick fixes, a new registry, a removal).
      cacheDir: context.storageUri ? vscode.Uri.joinPath(context.storageUri, 'analysis-cache').fsPath : undefined,
    },
    markdown: { isTrusted: false, supportHtml: false },
    diagnosticCollectionName: 'flaglint',
  };
  return new LanguageClient('flaglint', 'Flaglint', serverOptions, clientOptions);
}

/** Source files, registry files (flags.yaml/yml/json, a `flags/` folder) and a configured registry path. */
function documentSelector(): DocumentSelector {
  const selector: DocumentSelector = SOURCE_LANGUAGES.map((language) => ({ scheme: 'file', language }));
  selector.push({ scheme: 'file', pattern: '**/*.{mjs,cjs,mts,cts}' });
  selector.push({ scheme: 'file', pattern: '**/flags.{yaml,yml,json}' });
  selector.push({ scheme: 'file', pattern: '**/flags/**/*.{yaml,yml}' });
  const registryPath = vscode.workspace.getConfiguration('flaglint').get<string>('registryPath', '').trim();
  if (registryPath) {
    const pattern = registryPath.replace(/\\/g, '/').replace(/^\.\//, '');
    const isFolder = !/\.(ya?ml|json)$/i.test(pattern);
    const glob = pattern.startsWith('/') ? pattern : `**/${pattern}`;
    selector.push({ scheme: 'file', pattern: isFolder ? `${glob}/**/*.{yaml,yml}` : glob });
  }
  return selector;
}
