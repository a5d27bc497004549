/**
 * Registry edits for quick fixes and commands: picks the registry, its current text (the open
 * buffer wins over the disk) and the fields of a new entry, then asks the core's comment-preserving
 * edit helpers for the text edits.
 */
import * as path from 'node:path';
import type { FlagReference, Registry } from '../model';
import { addFlagEdits, removeFlagEdits, setFlagFieldEdits, type FlagFields } from '../registry';
import type { FileEdit } from '../text';
import { codeownersAt } from '../registry/codeownersMatch';
import { addDays, isoDate, parseDate } from './dates';
import type { FolderState, Workspace } from './session';

export const OWNER_PLACEHOLDER = 'TODO-owner';
export const ROLLBACK_PLACEHOLDER =
  'TODO: how to turn this flag off safely, and what happens to data written meanwhile';

export class RegistryEditor {
  constructor(private readonly workspace: Workspace) {}

  /** The registry that records `key` for code in `file`: the governing one, else any registry of the folder that has it. */
  registryWith(folder: FolderState, file: string, key: string): Registry | undefined {
    const governing = folder.index.registryFor(file);
    if (governing.flags.has(key)) return governing;
    return folder.registries().find((r) => r.flags.has(key));
  }

  /** The text the edit helpers work on: the file that holds the entry (a folder registry has one per flag). */
  private textFor(registry: Registry, key?: string): string | undefined {
    if (registry.format === 'folder') {
      const entry = key === undefined ? undefined : registry.flags.get(key);
      return entry ? this.workspace.readText(entry.location.file) : undefined;
    }
    return this.workspace.readText(registry.path);
  }

  /**
   * A stub entry for a flag the code in `file` uses. The owner is who CODEOWNERS says owns the
   * file, else a visible placeholder (a guessed team would look decided); the rollback plan is a
   * placeholder for the same reason. The editor turns these into snippet tab stops.
   */
  addFlag(folder: FolderState, file: string, key: string): { registry: Registry; edits: FileEdit[] } {
    const registry = folder.index.registryFor(file);
    const fields = this.stubFields(
      registry,
      folder.referencesTo(key).length
        ? folder.referencesTo(key)
        : this.workspace.referencesIn(file).filter((r) => r.key === key),
    );
    fields.owner = codeownersAt(folder.root).ownersOf(file)[0] ?? OWNER_PLACEHOLDER;
    fields.rollback = ROLLBACK_PLACEHOLDER;
    return { registry, edits: addFlagEdits(registry, this.textFor(registry), key, fields) };
  }

  setField(registry: Registry, key: string, field: keyof FlagFields, value: unknown): FileEdit[] {
    return setFlagFieldEdits(registry, this.textFor(registry, key), key, field, value);
  }

  removeEntry(registry: Registry, key: string): FileEdit[] {
    return removeFlagEdits(registry, this.textFor(registry, key), key);
  }

  /**
   * A new entry's fields: owner and type as the registry already uses most, the value type and
   * default the code implies, today's date, and an expiry when the policy asks for one. A rollback
   * plan is not invented: its absence stays a finding for a person to fill in.
   */
  private stubFields(registry: Registry, refs: FlagReference[]): FlagFields {
    const entries = [...registry.flags.values()];
    const owner = mostCommon(entries.map((e) => e.owner)) ?? registry.owners[0];
    const type = mostCommon(entries.map((e) => e.type)) ?? 'release';
    const valueType =
      mostCommon(refs.map((r) => r.valueType)) ??
      (refs.some((r) => typeof r.defaultValue === 'boolean') ? 'boolean' : undefined);
    const defaults = refs.map((r) => r.defaultValue).filter((v) => v !== undefined);
    const created = this.workspace.today();
    const fields: FlagFields = { description: `TODO: what ${refs[0]?.key ?? 'this flag'} controls` };
    if (owner) fields.owner = owner;
    fields.type = type;
    if (valueType) fields.valueType = valueType;
    if (defaults.length && defaults.every((v) => JSON.stringify(v) === JSON.stringify(defaults[0])))
      fields.defaultValue = defaults[0];
    fields.status = 'active';
    fields.created = isoDate(created);
    if (registry.policy.requireExpiry.includes(type))
      fields.expires = isoDate(addDays(created, registry.policy.maxAgeDays[type] ?? 90));
    return fields;
  }

  /** The new expiry when extending by `days`: from the later of today and the current expiry. */
  extendedExpiry(current: string | undefined, days: number): string {
    const now = this.workspace.today();
    const from = parseDate(current);
    return isoDate(addDays(from && from > now ? from : now, days));
  }

  static label(registry: Registry): string {
    return registry.format === 'folder' ? `${path.basename(registry.path)}/` : path.basename(registry.path);
  }
}

/** The most frequent defined value (ties: the first seen). */
export function mostCommon<T>(values: (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const value of values) {
    if (value === undefined || value === null || value === '') continue;
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
