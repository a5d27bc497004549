/**
 * The fix catalogue, by rule id: for a finding about a flag, the registry edits that resolve it (add
 * the unregistered flag, fill in owner / rollback plan / expiry, extend an expiry, archive or delete
 * an unused entry), and whether removing the flag from the code is offered. Edits only, never
 * written here: the editor shows them as quick fixes.
 */
import type { Registry, RuleId } from '../model';
import type { FileEdit } from '../text';
import { codeownersAt } from '../registry/codeownersMatch';
import { ROLLBACK_PLACEHOLDER, RegistryEditor, mostCommon } from './registryEditor';
import type { FolderState, Workspace } from './session';

export type Fix =
  /** `reveal`: the registry entry the edit creates, for a front end to show (and offer its placeholders). */
  | { kind: 'edit'; title: string; edits: FileEdit[]; preferred: boolean; reveal?: { file: string; key: string } }
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
    const first = edits[0];
    if (first)
      fixes.push({
        kind: 'edit',
        title: `Add '${key}' to ${RegistryEditor.label(registry)}`,
        edits,
        preferred: true,
        reveal: { file: first.file, key },
      });
    return fixes;
  }
  const registry = editor.registryWith(folder, file, key);
  const entry = registry?.flags.get(key);
  if (!registry || !entry) return fixes;
  const set = (
    title: string,
    field: Parameters<RegistryEditor['setField']>[2],
    value: unknown,
    preferred = false,
  ): void => add(title, editor.setField(registry, key, field, value), preferred);
  switch (rule) {
    case 'missing-owner':
    case 'unknown-owner': {
      for (const owner of ownerChoices(registry, folder, key))
        set(`Set owner of '${key}' to ${owner}`, 'owner', owner, fixes.length === 0);
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

/**
 * Owners to offer, all of them: first who CODEOWNERS says owns the files that evaluate the flag,
 * then the registry's `owners:`, the other CODEOWNERS owners, and the owners its flags already use
 * (most used first).
 */
function ownerChoices(registry: Registry, folder: FolderState, key: string): string[] {
  const codeowners = codeownersAt(folder.root);
  const ofCode = folder.referencesTo(key).flatMap((ref) => codeowners.ownersOf(ref.location.file));
  const used = [...registry.flags.values()].map((e) => e.owner);
  // With an `owners:` list, only its owners are valid; a CODEOWNERS owner outside it would be a new finding.
  const valid = (owner: string) => !registry.owners.length || registry.owners.includes(owner);
  return [...new Set([...byUse(ofCode), ...registry.owners, ...codeowners.all, ...byUse(used)])].filter(valid);
}

/** The distinct owners, most used first. */
function byUse(owners: (string | undefined)[]): string[] {
  const ordered: string[] = [];
  for (let rest = owners, next = mostCommon(rest); next; rest = rest.filter((o) => o !== next), next = mostCommon(rest))
    ordered.push(next);
  return ordered;
}
