/** textDocument/prepareRename and rename: the service's rename (core/service/rename.ts) as a workspace edit. */
import type { PrepareRenameParams, Range, RenameParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { prepareRename, renameFlag, type Workspace } from '../../core/service';
import { toLspRange, uriToFile } from '../convert';
import { toWorkspaceEdit } from '../edits';
import { asResponseError } from '../errors';

export class RenameFeature {
  constructor(private readonly workspace: Workspace) {}

  prepareRename(params: PrepareRenameParams): { range: Range; placeholder: string } | null {
    const file = uriToFile(params.textDocument.uri);
    const prepared = file ? asResponseError(() => prepareRename(this.workspace, file, params.position)) : undefined;
    return prepared ? { range: toLspRange(prepared.range), placeholder: prepared.placeholder } : null;
  }

  rename(params: RenameParams): WorkspaceEdit | null {
    const file = uriToFile(params.textDocument.uri);
    const edits = file
      ? asResponseError(() => renameFlag(this.workspace, file, params.position, params.newName))
      : undefined;
    return edits ? toWorkspaceEdit(this.workspace, edits) : null;
  }
}
