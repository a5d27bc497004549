/**
 * The session the features serve (core/service/session.ts), fed from the server's open documents.
 * The features import its types from here or from core/service alike.
 */
import { Workspace, type OpenDocument, type SessionHost } from '../core/service';
import { uriToFile } from './convert';
import type { DocumentStore } from './documents';

export { FolderState, Workspace, isSourceFile } from '../core/service';
export type { FolderInfo, FolderUpdate, ScanState } from '../core/service';

/** The open documents that have a file on disk (untitled buffers and other schemes are left out). */
export function openDocuments(documents: DocumentStore): OpenDocument[] {
  const open: OpenDocument[] = [];
  for (const doc of documents.all()) {
    const file = uriToFile(doc.uri);
    if (file) open.push({ file, text: doc.getText(), version: doc.version });
  }
  return open;
}

export function createWorkspace(
  host: SessionHost,
  documents: DocumentStore,
  options: { trusted: boolean; cacheDir?: string; debounceMs?: number },
): Workspace {
  return new Workspace({ client: host, openDocuments: () => openDocuments(documents), ...options });
}
