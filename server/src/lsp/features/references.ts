/**
 * Find all references of a flag, from a registry entry key, a dependsOn item or a code reference.
 * After the scan, the code references are the JSON report's records for the flag (one source).
 */
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import { toLspLocation } from '../convert';
import { dependencyMentions, flagAt } from '../lookup';
import { recordLocation, referenceRecordsOf } from '../../core/service';
import type { Workspace } from '../workspace';

export class ReferencesFeature {
  constructor(private readonly workspace: Workspace) {}

  references(params: ReferenceParams): Location[] | null {
    const at = flagAt(this.workspace, params.textDocument.uri, params.position);
    if (!at) return null;
    const locations: Location[] = [];
    if (params.context.includeDeclaration) {
      for (const { entry } of at.folder.entriesNamed(at.key)) locations.push(toLspLocation(entry.location));
    }
    if (at.folder.ready) {
      for (const record of referenceRecordsOf(at.folder, at.key))
        locations.push(toLspLocation(recordLocation(at.folder.root, record)));
    } else if (at.reference) locations.push(toLspLocation(at.reference.location));
    // Other flags that depend on this one name it in the registry too.
    for (const registry of at.folder.registries()) {
      for (const mention of dependencyMentions(this.workspace, registry, at.key))
        locations.push(toLspLocation(mention));
    }
    return locations;
  }
}
