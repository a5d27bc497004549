/** Find all references of a flag, from a registry entry key, a dependsOn item or a code reference. */
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import { toLspLocation } from '../convert';
import { dependencyMentions, flagAt } from '../lookup';
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
    const refs = at.folder.ready ? at.folder.referencesTo(at.key) : at.reference ? [at.reference] : [];
    for (const ref of refs) locations.push(toLspLocation(ref.location));
    // Other flags that depend on this one name it in the registry too.
    for (const registry of at.folder.registries()) {
      for (const mention of dependencyMentions(this.workspace, registry, at.key)) locations.push(toLspLocation(mention));
    }
    return locations;
  }
}
