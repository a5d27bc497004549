/**
 * Push diagnostics: findings in source files and in the registry itself. Open documents get their
 * findings from their buffer before the workspace scan ends; after it, every file with findings is
 * published, and files whose findings went away are cleared.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../../core/model';
import { fileToUri, toDiagnostic, uriToFile } from '../convert';
import type { LspClient } from '../lspClient';
import type { FolderState, FolderUpdate, Workspace } from '../workspace';

const REGISTRY_REFRESH_MS = 300;

/** The files a folder's registries consist of (a folder registry: one per flag). */
function registryFiles(folder: FolderState): string[] {
  const files = new Set<string>();
  for (const registry of folder.registries()) {
    if (registry.format !== 'folder') files.add(registry.path);
    else for (const entry of registry.flags.values()) files.add(entry.location.file);
    for (const problem of registry.problems) files.add(problem.location.file);
  }
  return [...files];
}

export class DiagnosticsFeature {
  /** URIs that currently show Flaglint diagnostics, with the folder that published them. */
  private readonly published = new Map<string, FolderState>();
  private readonly registryTimers = new Map<FolderState, NodeJS.Timeout>();

  constructor(
    private readonly workspace: Workspace,
    private readonly client: LspClient,
  ) {
    workspace.onDidUpdate.on((update) => this.folderUpdated(update));
    workspace.onEarlyResult.on(({ folder, file, result }) =>
      this.publish(
        folder,
        file,
        result.findings.filter((f) => f.location.file === file),
      ),
    );
  }

  /**
   * A code edit can change what the registry says (a flag's last use gone: unused-flag). Registry
   * findings need the whole workspace's rules, so they follow a burst of edits, not every one.
   */
  private scheduleRegistryRefresh(folder: FolderState): void {
    const pending = this.registryTimers.get(folder);
    if (pending) clearTimeout(pending);
    const timer = setTimeout(() => {
      this.registryTimers.delete(folder);
      if (!folder.ready || !this.workspace.folders.includes(folder)) return;
      for (const file of registryFiles(folder)) this.publish(folder, file, folder.index.findingsFor(file));
    }, REGISTRY_REFRESH_MS);
    this.registryTimers.set(folder, timer);
  }

  dispose(): void {
    for (const timer of this.registryTimers.values()) clearTimeout(timer);
    this.registryTimers.clear();
  }

  /** A folder left the workspace: its diagnostics go with it. */
  clearFolder(folder: FolderState): void {
    for (const [uri, owner] of [...this.published]) if (owner === folder) this.clear(uri);
  }

  /** Re-publishes everything (after a settings change of severities). */
  republishAll(): void {
    for (const folder of this.workspace.folders) this.folderUpdated({ folder, files: undefined });
  }

  private folderUpdated({ folder, files }: FolderUpdate): void {
    if (!folder.ready) return;
    if (files) {
      // An edit: only the touched files, from their own findings (the workspace's rules run later,
      // for the registry, once the burst of edits is over).
      for (const file of files) this.publish(folder, file, folder.index.findingsFor(file));
      this.scheduleRegistryRefresh(folder);
      return;
    }
    const result = folder.result();
    if (!result) return;
    this.registryTimers.delete(folder);
    const byFile = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const list = byFile.get(finding.location.file);
      if (list) list.push(finding);
      else byFile.set(finding.location.file, [finding]);
    }
    for (const [uri, owner] of [...this.published]) {
      if (owner === folder && !byFile.has(uriToFile(uri) ?? '')) this.clear(uri);
    }
    for (const [file, findings] of byFile) this.publish(folder, file, findings);
  }

  private publish(folder: FolderState, file: string, findings: Finding[]): void {
    // A file inside a nested workspace folder belongs to that folder's index alone.
    if (this.workspace.folderFor(file) !== folder && this.workspace.folderFor(file) !== undefined) return;
    const uri = fileToUri(file);
    const diagnostics = findings
      .map((f) => toDiagnostic(f, folder.severityOf(f)))
      .filter((d): d is Diagnostic => d !== undefined);
    if (!diagnostics.length) {
      if (this.published.has(uri)) this.clear(uri);
      return;
    }
    this.published.set(uri, folder);
    const version = this.workspace.documentFor(file)?.version;
    this.client.publishDiagnostics({ uri, version, diagnostics });
  }

  private clear(uri: string): void {
    this.published.delete(uri);
    this.client.publishDiagnostics({ uri, diagnostics: [] });
  }

  /** Counts for the status bar: findings that are not turned off (kept here for the tree feature). */
  static count(folder: FolderState): { problems: number; errors: number; warnings: number } {
    return folder.problemCounts();
  }
}
