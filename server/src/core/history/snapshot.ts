import type { FlagEntry } from '../model';
import { FIELD_ORDER } from '../registry';
import type { FieldChange } from './types';

/** An entry's recorded fields as plain JSON values (dates as YYYY-MM-DD), for comparing versions. */
export type EntrySnapshot = Record<string, unknown>;

function plain(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  return value;
}

export function snapshotOf(entry: FlagEntry): EntrySnapshot {
  return snapshotOfFields(entry as unknown as Record<string, unknown>);
}

/** The same for an entry as parsed YAML or JSON (a committed version of the registry). */
export function snapshotOfFields(fields: Record<string, unknown>): EntrySnapshot {
  const snap: EntrySnapshot = {};
  for (const field of FIELD_ORDER) {
    const value = fields[field];
    if (value !== undefined && value !== null) snap[field] = plain(value);
  }
  return snap;
}

/** The fields that differ between two versions of an entry, in the registry's field order. */
export function diffSnapshots(before: EntrySnapshot, after: EntrySnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELD_ORDER) {
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes.push({ field, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return changes;
}
