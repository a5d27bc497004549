/**
 * The fix catalogue, by rule id: for a finding about a flag, the registry edits that resolve it (add
 * the unregistered flag, fill in owner / rollback plan / expiry, extend an expiry, archive or delete
 * an unused entry), and whether removing the flag from the code is offered. Edits only, never
 * written here: the editor shows them as quick fixes.
 */
import type { Registry, RuleId } from '../model';
import type { FileEdit } from '../text';
import { RegistryEditor, mostCommon } from './registryEditor';
import type { FolderState, Workspace } from './session';

const ROLLBACK_PLACEHOLDER = 'TODO: how to turn this flag off safely, and what happens to data written meanwhile';

export type Fix =
  | { kind: 'edit'; title: string; edits: FileEdit[]; preferred: boolean }
  /** Removing the flag from the code needs the value to keep: a front end asks for it, then removes. */
  | { kind: 'remove-flag'; key: string };

/** The fixes for one finding of `rule` about `key`, found in `file`. */
export function fixesFor(workspace: Workspace, folder: FolderState, file: string, key: string, rule: RuleId): Fix[] {
  const editor = new RegistryEditor(workspace);
  const fixes: Fix[] = [];
  const add = (title: string, edits: FileEdit[], preferred = false): void => {
    if (edits.length) fixes.push({ kind: 'edit', title, edits, preferred });
  };
  if (rule === 'unregistered-flag') {
    const { registry, edits } = editor.addFlag(folder, file, key);
    add(`Add '${key}' to ${RegistryEditor.label(registry)}`, edits, true);
    return fixes;
  }
  const registry = editor.registryWith(folder, file, key);
  const entry = registry?.flags.get(key);
  if (!registry || !entry) return fixes;
  const set = (title: string, field: Parameters<RegistryEditor['setField']>[2], value: unknown, preferred = false): void =>
    add(title, editor.setField(registry, key, field, value), preferred);
  switch (rule) {
    case 'missing-owner':
    case 'unknown-owner': {
      for (const owner of ownerChoices(registry)) set(`Set owner of '${key}' to ${owner}`, 'owner', owner, fixes.length === 0);
      if (!fixes.length) set(`Add owner placeholder to '${key}'`, 'owner', '@TODO-owner');
      break;
    }
    case 'missing-rollback-plan':
      set(`Add rollback plan placeholder to '${key}'`, 'rollback', ROLLBACK_PLACEHOLDER, true);
      break;
    case 'missing-expiry': {
      const days = (entry.type && registry.policy.maxAgeDays[entry.type]) || 90;
      const expires = editor.extendedExpiry(undefined, days);
      set(`Set expiry of '${key}' to ${expires} (in ${days} days)`, 'expires', expires, true);
      set(`Mark '${key}' permanent`, 'permanent', true);
      break;
    }
    case 'stale-flag':
      if (!entry.permanent) {
        for (const days of [30, 90]) {
          const expires = editor.extendedExpiry(entry.expires, days);
          set(`Extend expiry of '${key}' by ${days} days (to ${expires})`, 'expires', expires);
        }
      }
      fixes.push({ kind: 'remove-flag', key });
      if (folder.referencesTo(key).length === 0) set(`Mark '${key}' archived`, 'status', 'archived');
      break;
    case 'archived-flag-in-use':
      fixes.push({ kind: 'remove-flag', key });
      break;
    case 'unused-flag':
      set(`Mark '${key}' archived`, 'status', 'archived', true);
      add(`Delete the registry entry of '${key}'`, editor.removeEntry(registry, key));
      break;
    default:
      break;
  }
  return fixes;
}

/** Owners to offer: the registry's allowed owners, else the owners its flags use most (at most three). */
function ownerChoices(registry: Registry): string[] {
  if (registry.owners.length) return registry.owners.slice(0, 3);
  let rest = [...registry.flags.values()].map((e) => e.owner);
  const choices: string[] = [];
  while (choices.length < 3) {
    const next = mostCommon(rest);
    if (!next) break;
    choices.push(next);
    rest = rest.filter((o) => o !== next);
  }
  return choices;
}
