/**
 * "Which flag is here?" — for hover, definition, references, rename and code actions alike. A flag
 * can be at a position as a code reference, as a registry entry's key, or as an item of a registry
 * entry's `dependsOn` list.
 */
import type { FlagEntry, FlagReference, Position, Range, Registry } from '../model';
import { scalarAt, scalarsIn } from '../registry';
import { rangeContains } from '../text';
import type { FolderState, Workspace } from './session';

export interface FlagAt {
  folder: FolderState;
  file: string;
  /** The registry key (after alias resolution). */
  key: string;
  /** The code reference at the position, when it is in code. */
  reference?: FlagReference;
  /** The governing registry and its entry, when the flag is registered. */
  registry?: Registry;
  entry?: FlagEntry;
  /** Where the key's text stands at the position. */
  range: Range;
  where: 'reference' | 'registry-key' | 'dependency';
}

export function registryKeyOf(ref: FlagReference): string {
  return ref.registryKey ?? ref.key;
}

export function flagAt(workspace: Workspace, file: string, position: Position): FlagAt | undefined {
  const folder = workspace.folderFor(file);
  if (!folder) return undefined;

  if (folder.isRegistryFile(file)) return registryFlagAt(workspace, folder, file, position);

  const refs = workspace.referencesIn(file);
  // The key expression first (it is the narrower range), then the whole evaluation.
  const reference =
    refs.find((r) => rangeContains(r.location.range, position)) ??
    refs.find((r) => rangeContains(r.evaluation.range, position));
  if (!reference) return undefined;
  const key = registryKeyOf(reference);
  const found = safeEntryFor(folder, file, key);
  return {
    folder,
    file,
    key,
    reference,
    registry: found?.registry,
    entry: found?.entry,
    range: reference.location.range,
    where: 'reference',
  };
}

function safeEntryFor(
  folder: FolderState,
  file: string,
  key: string,
): { registry: Registry; entry: FlagEntry } | undefined {
  try {
    return folder.entryFor(file, key);
  } catch {
    return undefined;
  }
}

function registryFlagAt(
  workspace: Workspace,
  folder: FolderState,
  file: string,
  position: Position,
): FlagAt | undefined {
  for (const registry of folder.registries()) {
    for (const entry of registry.flags.values()) {
      if (entry.location.file !== file) continue;
      if (rangeContains(entry.location.range, position)) {
        return { folder, file, key: entry.key, registry, entry, range: entry.location.range, where: 'registry-key' };
      }
      const deps = entry.fieldLocations['dependsOn'];
      if (deps && deps.file === file && rangeContains(deps.range, position)) {
        const item = scalarAt(workspace.readText(file) ?? '', position);
        if (!item) return undefined;
        const target = registry.flags.get(item.value);
        return { folder, file, key: item.value, registry, entry: target, range: item.range, where: 'dependency' };
      }
    }
  }
  return undefined;
}

/** The items of every entry's `dependsOn` list that name `key`, with their ranges (without quotes). */
export function dependencyMentions(
  workspace: Workspace,
  registry: Registry,
  key: string,
): { file: string; range: Range }[] {
  const mentions: { file: string; range: Range }[] = [];
  const byFile = new Map<string, Range[]>();
  for (const entry of registry.flags.values()) {
    if (!entry.dependsOn?.includes(key)) continue;
    const deps = entry.fieldLocations['dependsOn'];
    if (!deps) continue;
    const list = byFile.get(deps.file) ?? [];
    list.push(deps.range);
    byFile.set(deps.file, list);
  }
  for (const [file, ranges] of byFile) {
    const text = workspace.readText(file);
    if (text === undefined) continue;
    for (const scalar of scalarsIn(text, ranges))
      if (scalar.value === key) mentions.push({ file, range: scalar.range });
  }
  return mentions;
}
