/**
 * Opening VS Code's refactor preview with every change checked.
 *
 * VS Code (1.100, bulkEditPreview) opens the preview only when some edit's annotation needs
 * confirmation, and starts exactly those edits unchecked: an edit whose changes all need
 * confirmation previews as "no change" and Apply does nothing. The extension API has no
 * "showPreview" option. So the real changes go in without confirmation (checked), and one
 * sentinel needs it: a "create file" of a file the edit already changes, with ignoreIfExists. The
 * preview skips creations of existing files (it never lists the sentinel) and the sentinel starts
 * unchecked, so it is not applied; were it applied, ignoreIfExists makes it a no-op.
 */
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageclient/node';

export const PREVIEW_SENTINEL = 'flaglint.preview';

export function previewableEdit(edit: WorkspaceEdit): WorkspaceEdit {
  const changes = edit.documentChanges ?? [];
  const created = new Set(changes.filter((c): c is CreateFile => 'kind' in c && c.kind === 'create').map((c) => c.uri));
  const existing = changes.find((c): c is TextDocumentEdit => !('kind' in c) && !created.has(c.textDocument.uri));
  // No existing file to hang the sentinel on (only new files): keep VS Code's own behaviour, a
  // preview with the changes unchecked, rather than applying without the preview asked for.
  const confirm = (needsConfirmation: boolean) =>
    Object.fromEntries(
      Object.entries(edit.changeAnnotations ?? {}).map(([id, a]) => [id, { ...a, needsConfirmation }]),
    );
  if (!existing) return { ...edit, changeAnnotations: confirm(true) };
  const changeAnnotations = confirm(false);
  changeAnnotations[PREVIEW_SENTINEL] = {
    label: 'Review',
    needsConfirmation: true,
    description: 'opens the preview; changes nothing',
  };
  // No `overwrite` key: the preview skips a creation of an existing file only when overwrite is unset.
  const sentinel: CreateFile = {
    kind: 'create',
    uri: existing.textDocument.uri,
    options: { ignoreIfExists: true },
    annotationId: PREVIEW_SENTINEL,
  };
  return { ...edit, documentChanges: [...changes, sentinel], changeAnnotations };
}
