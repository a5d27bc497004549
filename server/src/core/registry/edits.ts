import * as fs from 'node:fs';
import type { Registry } from '../model';
import { toTextEdits } from './change';
import type { Change } from './change';
import { deleteFileEdit, folderAddFlags, isSettingsFile } from './folderEdits';
import { jsonAddFlags, jsonFlagKeys, jsonIsManifest, jsonRemoveFlag, jsonSetField, openJson } from './jsonEdits';
import { withManifestFields } from './openfeatureTypes';
import type { FileEdit } from '../text';
import type { FlagFields } from './types';
import { openYaml, yamlAddFlags, yamlRemoveFlag, yamlSetField } from './yamlEdits';
import type { NewFlag } from './yamlEdits';
import { findPair } from './yamlTree';
import { isMap, isPair } from 'yaml';
import { keyText } from './yamlTree';

export { applyTextEdits } from '../text';
export type { NewFlag } from './yamlEdits';

/**
 * Registry edits. Each returns minimal text edits: everything outside the lines they touch (comments,
 * blank lines, quoting, key order) stays byte for byte. `text` is the current text of the file that
 * holds the entry (an editor buffer); when undefined it is read from disk. A file with syntax errors
 * is not edited (the result is empty; `registryEditBlocker` says why).
 */

function readOr(file: string, text: string | undefined): { text: string; exists: boolean } {
  if (text !== undefined) return { text, exists: true };
  try {
    return { text: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), exists: true };
  } catch {
    return { text: '', exists: false };
  }
}

/** Which file holds a flag's entry (the registry file, or its own file in a folder registry). */
function entryFile(registry: Registry, key: string): string | undefined {
  if (registry.format !== 'folder') return registry.path;
  return registry.flags.get(key)?.location.file;
}

function isJson(file: string): boolean {
  return /\.json$/i.test(file);
}

function edits(file: string, text: string, changes: Change[] | undefined, create = false): FileEdit[] {
  if (!changes || changes.length === 0) return [];
  const out: FileEdit[] = toTextEdits(file, text, changes);
  if (create) for (const e of out) e.createFile = true;
  return out;
}

/** Keys present under `flags:` in a file registry's current text. */
function keysInText(file: string, text: string): Set<string> {
  if (isJson(file)) {
    const j = openJson(file, text);
    return new Set(j ? jsonFlagKeys(j) : []);
  }
  const y = openYaml(file, text);
  const root = y?.doc.contents;
  const flags = isMap(root) ? findPair(root, 'flags')?.value : undefined;
  const keys = new Set<string>();
  if (isMap(flags)) for (const item of flags.items) if (isPair(item)) keys.add(keyText(item.key) ?? '');
  return keys;
}

/** Stub entries for several flags at once (keys already registered are skipped). */
export function addFlagsEdits(registry: Registry, text: string | undefined, flags: readonly NewFlag[]): FileEdit[] {
  const seen = new Set<string>();
  const fresh = flags.filter((f) => {
    if (seen.has(f.key) || registry.flags.has(f.key) || f.key === '') return false;
    seen.add(f.key);
    return true;
  });
  if (fresh.length === 0) return [];
  if (registry.format === 'folder') return folderAddFlags(registry, fresh);
  const file = registry.path;
  const current = readOr(file, text);
  const present = keysInText(file, current.text);
  const todo = fresh.filter((f) => !present.has(f.key));
  if (todo.length === 0) return [];
  if (isJson(file)) {
    const j = openJson(file, current.text);
    if (!j) return [];
    const entries = jsonIsManifest(j)
      ? todo.map((f) => ({ key: f.key, fields: withManifestFields(f.fields ?? {}) }))
      : todo;
    return edits(file, current.text, jsonAddFlags(j, entries), !current.exists);
  }
  const y = openYaml(file, current.text);
  return y ? edits(file, current.text, yamlAddFlags(y, todo), !current.exists) : [];
}

/** A stub entry for one flag, next to its neighbours, written like the rest of the file. */
export function addFlagEdits(
  registry: Registry,
  text: string | undefined,
  key: string,
  fields: FlagFields = {},
): FileEdit[] {
  return addFlagsEdits(registry, text, [{ key, fields }]);
}

/**
 * Adds or replaces one field of a flag (`owner`, `rollback`, `expires`, `status`, …); `value`
 * undefined removes the field.
 */
export function setFlagFieldEdits(
  registry: Registry,
  text: string | undefined,
  key: string,
  field: string,
  value: unknown,
): FileEdit[] {
  const file = entryFile(registry, key);
  if (!file) return [];
  const current = readOr(file, text);
  if (isJson(file)) {
    const j = openJson(file, current.text);
    return j ? edits(file, current.text, jsonSetField(j, key, field, value)) : [];
  }
  const y = openYaml(file, current.text);
  if (!y) return [];
  const inOwnFile = registry.format === 'folder' && !isSettingsFile(registry, file);
  return edits(file, current.text, yamlSetField(y, inOwnFile ? 'document' : { key }, field, value));
}

/** Removes a flag's entry with the comments that belong to it (in a folder registry: its file). */
export function removeFlagEdits(registry: Registry, text: string | undefined, key: string): FileEdit[] {
  const file = entryFile(registry, key);
  if (!file) return [];
  if (registry.format === 'folder' && !isSettingsFile(registry, file)) return [deleteFileEdit(file)];
  const current = readOr(file, text);
  if (isJson(file)) {
    const j = openJson(file, current.text);
    return j ? edits(file, current.text, jsonRemoveFlag(j, key)) : [];
  }
  const y = openYaml(file, current.text);
  return y ? edits(file, current.text, yamlRemoveFlag(y, key)) : [];
}

/** Why the registry text cannot be edited right now (syntax errors), or undefined. */
export function registryEditBlocker(registry: Registry, text: string | undefined, key?: string): string | undefined {
  const file = (key !== undefined ? entryFile(registry, key) : undefined) ?? registry.path;
  if (registry.format === 'folder' && file === registry.path) return undefined;
  const current = readOr(file, text);
  const ok = isJson(file) ? openJson(file, current.text) : openYaml(file, current.text);
  if (ok) return undefined;
  return `${file} has syntax errors; fix them before Flaglint edits it.`;
}
