/**
 * The editor's references are the JSON report's: one list of `ReferenceRecord`s per folder, made by
 * the same `referenceRecords` the CLI's `check --format json` and `list --references` call, so that
 * "Find All References", the code lens counts and the Flag Explorer's rows agree with the report
 * (issue #10, "Every reference, located, in every report").
 */
import * as path from 'node:path';
import type { Location } from '../model';
import { referenceRecords, type ReferenceRecord } from '../report/references';
import type { FolderState } from './session';

const byFolder = new WeakMap<
  FolderState,
  { version: number; index: unknown; all: ReferenceRecord[]; byKey: Map<string, ReferenceRecord[]> }
>();

/** Every reference record of a folder after its scan (empty before), in file, line, column order. */
export function folderReferenceRecords(folder: FolderState): ReferenceRecord[] {
  return tableOf(folder).all;
}

/** The records of one flag, by its registry key (an alias or case variant counts under the entry's key). */
export function referenceRecordsOf(folder: FolderState, registryKey: string): ReferenceRecord[] {
  return tableOf(folder).byKey.get(registryKey) ?? [];
}

/** Where a record points, as the core locates things (absolute path, 0-based line and character). */
export function recordLocation(root: string, record: ReferenceRecord): Location {
  return {
    file: path.resolve(root, record.file),
    range: {
      start: { line: record.line - 1, character: record.column - 1 },
      end: { line: record.endLine - 1, character: record.endColumn - 1 },
    },
  };
}

function tableOf(folder: FolderState): { all: ReferenceRecord[]; byKey: Map<string, ReferenceRecord[]> } {
  const cached = byFolder.get(folder);
  // The version moves on every scan, edit and registry change; the index on a rebuild.
  if (cached && cached.version === folder.version && cached.index === folder.index) return cached;
  const result = folder.result();
  const all = result ? referenceRecords(result.references, result.registries, folder.root) : [];
  const byKey = new Map<string, ReferenceRecord[]>();
  for (const record of all) {
    const key = record.registryKey ?? record.key;
    const list = byKey.get(key);
    if (list) list.push(record);
    else byKey.set(key, [record]);
  }
  const table = { version: folder.version, index: folder.index, all, byKey };
  byFolder.set(folder, table);
  return table;
}
