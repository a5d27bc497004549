/**
 * Code lenses: above each flag reference in code (key · type · owner · status · age or expiry ·
 * reference count) and above each registry entry (its references and where they are).
 */
import type { CodeLens, CodeLensParams, Command } from 'vscode-languageserver/node';
import type { Location } from '../../core/model';
import {
  ClientCommands,
  ServerCommands,
  type AddToRegistryArgs,
  type ShowReferencesArgs,
} from '../../../../protocol/src';
import { fileToUri, toLspLocation, toLspRange, uriToFile } from '../convert';
import { actualPackages, lensTitle } from '../describe';
import { plural, recordLocation, referenceRecordsOf } from '../../core/service';
import { registryKeyOf } from '../lookup';
import type { FolderState, Workspace } from '../workspace';

export class CodeLensFeature {
  constructor(private readonly workspace: Workspace) {}

  codeLens(params: CodeLensParams): CodeLens[] {
    const file = uriToFile(params.textDocument.uri);
    const folder = file ? this.workspace.folderFor(file) : undefined;
    if (!file || !folder || !folder.settings.codeLensEnable) return [];
    return folder.isRegistryFile(file) ? this.registryLenses(folder, file) : this.sourceLenses(folder, file);
  }

  private sourceLenses(folder: FolderState, file: string): CodeLens[] {
    const lenses: CodeLens[] = [];
    const seen = new Set<string>();
    const uri = fileToUri(file);
    for (const ref of this.workspace.referencesIn(file)) {
      const key = registryKeyOf(ref);
      const line = ref.evaluation.range.start.line;
      if (seen.has(`${line}\0${key}`)) continue;
      seen.add(`${line}\0${key}`);
      const found = safe(() => folder.entryFor(file, key));
      // The count and the list are the JSON report's records of the flag (the open file's own before the scan).
      const locations = folder.ready ? recordLocations(folder, key) : [ref.location];
      const range = {
        start: { line, character: ref.evaluation.range.start.character },
        end: { line, character: ref.evaluation.range.start.character },
      };
      lenses.push({
        range,
        command: showReferences(
          lensTitle(key, found?.entry, locations.length),
          uri,
          ref.location.range.start,
          locations,
        ),
      });
      if (!found && this.workspace.trusted) {
        const args: AddToRegistryArgs = { uri, key };
        lenses.push({
          range,
          command: { title: 'Add to registry', command: ServerCommands.addToRegistry, arguments: [args] },
        });
      }
    }
    return lenses;
  }

  private registryLenses(folder: FolderState, file: string): CodeLens[] {
    const lenses: CodeLens[] = [];
    for (const registry of folder.registries()) {
      for (const entry of registry.flags.values()) {
        if (entry.location.file !== file) continue;
        const locations = recordLocations(folder, entry.key);
        let title: string;
        if (!folder.ready) title = 'scanning…';
        else if (!locations.length) title = 'no references in code';
        else title = `${plural(locations.length, 'reference')} · ${actualPackages(folder, locations).join(', ')}`;
        const range = toLspRange({ start: entry.location.range.start, end: entry.location.range.start });
        lenses.push({ range, command: showReferences(title, fileToUri(file), entry.location.range.start, locations) });
      }
    }
    return lenses;
  }
}

function recordLocations(folder: FolderState, registryKey: string): Location[] {
  return referenceRecordsOf(folder, registryKey).map((record) => recordLocation(folder.root, record));
}

function showReferences(
  title: string,
  uri: string,
  position: { line: number; character: number },
  locations: Location[],
): Command {
  if (!locations.length) return { title, command: '' };
  const args: ShowReferencesArgs = { uri, position, locations: locations.map(toLspLocation) };
  return { title, command: ClientCommands.showReferences, arguments: [args] };
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
