/**
 * Every call the server makes to the client goes through this interface (as in
 * typescript-language-server's LspClient), so the server can run in-process against a fake.
 */
import {
  ApplyWorkspaceEditRequest,
  CodeLensRefreshRequest,
  MessageType,
  RegistrationRequest,
  type ApplyWorkspaceEditResult,
  type Connection,
  type PublishDiagnosticsParams,
  type Registration,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { IndexChangedNotification, type StatusResult } from '../../../protocol/src';

export interface ProgressReporter {
  report(message: string, percentage?: number): void;
  done(): void;
}

export interface LspClient {
  publishDiagnostics(params: PublishDiagnosticsParams): void;
  showMessage(type: 'error' | 'warning' | 'info', message: string): void;
  log(type: 'error' | 'warning' | 'info' | 'log', message: string): void;
  /** Server-initiated work-done progress; a no-op reporter when the client does not support it. */
  createProgress(title: string): Promise<ProgressReporter>;
  applyEdit(label: string, edit: WorkspaceEdit): Promise<ApplyWorkspaceEditResult>;
  refreshCodeLenses(): void;
  indexChanged(status: StatusResult): void;
  /** The `flaglint` configuration section for a scope (folder URI); undefined when the client cannot answer. */
  configuration(scopeUri: string | undefined): Promise<unknown>;
  register(registrations: Registration[]): Promise<void>;
}

export interface ClientSupport {
  workDoneProgress: boolean;
  configuration: boolean;
  codeLensRefresh: boolean;
  dynamicWatchedFiles: boolean;
  /** Whether the client sends workspace/didChangeWorkspaceFolders (else only rootUri/rootPath). */
  workspaceFolders: boolean;
}

const NO_PROGRESS: ProgressReporter = { report() {}, done() {} };

export class ConnectionLspClient implements LspClient {
  constructor(
    private readonly connection: Connection,
    private readonly support: ClientSupport,
  ) {}

  publishDiagnostics(params: PublishDiagnosticsParams): void {
    void this.connection.sendDiagnostics(params);
  }

  showMessage(type: 'error' | 'warning' | 'info', message: string): void {
    const window = this.connection.window;
    if (type === 'error') window.showErrorMessage(message);
    else if (type === 'warning') window.showWarningMessage(message);
    else window.showInformationMessage(message);
  }

  log(type: 'error' | 'warning' | 'info' | 'log', message: string): void {
    const kind = {
      error: MessageType.Error,
      warning: MessageType.Warning,
      info: MessageType.Info,
      log: MessageType.Log,
    }[type];
    void this.connection.sendNotification('window/logMessage', { type: kind, message });
  }

  async createProgress(title: string): Promise<ProgressReporter> {
    if (!this.support.workDoneProgress) return NO_PROGRESS;
    try {
      const reporter = await this.connection.window.createWorkDoneProgress();
      reporter.begin(title, 0, undefined, false);
      return {
        report: (message, percentage) => reporter.report(percentage ?? 0, message),
        done: () => reporter.done(),
      };
    } catch (error) {
      this.log('warning', `Could not create progress: ${String(error)}`);
      return NO_PROGRESS;
    }
  }

  applyEdit(label: string, edit: WorkspaceEdit): Promise<ApplyWorkspaceEditResult> {
    return this.connection.sendRequest(ApplyWorkspaceEditRequest.type, { label, edit });
  }

  refreshCodeLenses(): void {
    if (this.support.codeLensRefresh) {
      this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }
  }

  indexChanged(status: StatusResult): void {
    void this.connection.sendNotification(IndexChangedNotification.method, status);
  }

  async configuration(scopeUri: string | undefined): Promise<unknown> {
    if (!this.support.configuration) return undefined;
    return this.connection.workspace.getConfiguration({ scopeUri, section: 'flaglint' });
  }

  async register(registrations: Registration[]): Promise<void> {
    await this.connection.sendRequest(RegistrationRequest.type, { registrations });
  }
}
