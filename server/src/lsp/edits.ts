/**
 * Building versioned WorkspaceEdits (documentChanges with the open documents' versions), so the
 * client refuses an edit computed against text that has changed since. Never writes files itself.
 */
import {
  TextDocumentEdit,
  type ChangeAnnotation,
  type CreateFile,
  type DeleteFile,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { FileEdit, Workspace } from '../core/service';
import { fileToUri, toLspRange } from './convert';

export interface EditOptions {
  /** Annotate every change (needsConfirmation: the client previews it before applying; default true). */
  confirm?: { label: string; description?: string; needsConfirmation?: boolean };
}

export function toWorkspaceEdit(
  workspace: Workspace,
  edits: readonly FileEdit[],
  options: EditOptions = {},
): WorkspaceEdit {
  const annotationId = options.confirm ? 'flaglint' : undefined;
  const byFile = new Map<string, LspTextEdit[]>();
  const created = new Set<string>();
  const deleted = new Set<string>();
  const seen = new Set<string>();
  for (const edit of edits) {
    if (edit.deleteFile) {
      deleted.add(edit.file);
      continue;
    }
    if (edit.createFile) created.add(edit.file);
    const id = `${edit.file}\0${JSON.stringify(edit.range)}\0${edit.newText}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = byFile.get(edit.file) ?? [];
    list.push({ range: toLspRange(edit.range), newText: edit.newText });
    byFile.set(edit.file, list);
  }
  const documentChanges: (TextDocumentEdit | CreateFile | DeleteFile)[] = [];
  for (const file of created) {
    documentChanges.push({
      kind: 'create',
      uri: fileToUri(file),
      options: { overwrite: false, ignoreIfExists: true },
      annotationId,
    });
  }
  for (const [file, list] of byFile) {
    // A file created by this edit has no open version yet.
    const version = created.has(file) ? null : (workspace.documentFor(file)?.version ?? null);
    const annotated = annotationId ? list.map((e) => ({ ...e, annotationId })) : list;
    documentChanges.push(TextDocumentEdit.create({ uri: fileToUri(file), version }, annotated));
  }
  for (const file of deleted) {
    documentChanges.push({ kind: 'delete', uri: fileToUri(file), options: { ignoreIfNotExists: true }, annotationId });
  }
  const edit: WorkspaceEdit = { documentChanges };
  if (options.confirm && annotationId) {
    const annotation: ChangeAnnotation = {
      label: options.confirm.label,
      needsConfirmation: options.confirm.needsConfirmation ?? true,
      description: options.confirm.description,
    };
    edit.changeAnnotations = { [annotationId]: annotation };
  }
  return edit;
}
