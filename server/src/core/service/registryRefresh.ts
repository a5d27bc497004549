/**
 * What a changed registry does to a folder, decided once, here. Its flags, owners and policy apply
 * at once; a change of what is scanned (its `scan` section, or whether CODEOWNERS is read, which the
 * index loads when it is built) rebuilds the folder's index, which reads the disk, so an unsaved
 * change of those waits for the save. While it waits the index is handed the registry with its
 * previous scan settings, so that the index's own check of its detector fingerprint finds nothing
 * changed and does not rescan behind the session's back.
 */
import type { Registry } from '../model';

export type RegistryRefresh =
  | { action: 'rebuild' }
  /** `registry` is what the index takes now. */
  | { action: 'reload'; registry: Registry }
  | { action: 'wait'; registry: Registry };

export function registryRefresh(
  previous: Registry,
  next: Registry,
  options: { saved: boolean; mayRebuild: boolean },
): RegistryRefresh {
  // A registry that no longer parses keeps its previous scan settings rather than rescan for nothing.
  const unusable =
    next.flags.size === 0 && next.problems.some((p) => p.ruleId === 'invalid-registry' && p.severity === 'error');
  if (unusable || sameScanSettings(previous, next)) return { action: 'reload', registry: next };
  if (options.saved && options.mayRebuild) return { action: 'rebuild' };
  const kept: Registry = {
    ...next,
    scan: previous.scan,
    policy: { ...next.policy, useCodeowners: previous.policy.useCodeowners },
  };
  return { action: 'wait', registry: kept };
}

export function sameScanSettings(a: Registry, b: Registry): boolean {
  return JSON.stringify(a.scan) === JSON.stringify(b.scan) && a.policy.useCodeowners === b.policy.useCodeowners;
}
