/** Go to definition: from a code reference (or a dependsOn item) to the flag's registry entry. */
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import { toLspLocation } from '../convert';
import { flagAt } from '../lookup';
import type { Workspace } from '../workspace';

export class DefinitionFeature {
  constructor(private readonly workspace: Workspace) {}

  definition(params: DefinitionParams): Location[] | null {
    const at = flagAt(this.workspace, params.textDocument.uri, params.position);
    if (!at?.entry || at.where === 'registry-key') return null;
    return [toLspLocation(at.entry.location)];
  }
}
