import * as path from 'node:path';
import type { ScanResult } from '../engine/types';
import { diffSnapshots, snapshotOf } from '../history/snapshot';
import type { FieldChange } from '../history/types';
import type { Finding } from '../model';

/** What a change (base revision → working tree) does to the flags, and the problems it brings in. */
export interface ChangeReport {
  base: { rev: string; commit: string };
  /** Findings of the working tree that the base did not have (matched by rule, flag and file, not by line). */
  introduced: Finding[];
  /** How many of the base's findings the change resolves. */
  resolved: number;
  evaluations: {
    /** Evaluations added per flag key (working tree count minus base count, where positive). */
    added: Record<string, number>;
    removed: Record<string, number>;
  };
  registry: {
    added: string[];
    removed: string[];
    /** Removed from the registry, yet the working tree still evaluates them. */
    removedStillEvaluated: string[];
    changed: { key: string; fields: FieldChange[] }[];
  };
}

const rel = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/');

/** The identity of a finding that survives edits moving it to another line. */
function identity(result: ScanResult, f: Finding): string {
  return `${f.ruleId}\0${f.flagKey ?? ''}\0${rel(result.root, f.location.file)}`;
}

function counts<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(keyOf(item), (map.get(keyOf(item)) ?? 0) + 1);
  return map;
}

/** Every registry entry of a scan by registry file (relative to the scan root) and key. */
function entries(result: ScanResult): Map<string, ReturnType<typeof snapshotOf>> {
  const map = new Map<string, ReturnType<typeof snapshotOf>>();
  for (const registry of result.registries)
    for (const [key, entry] of registry.flags) map.set(`${rel(result.root, registry.path)}\0${key}`, snapshotOf(entry));
  return map;
}

/**
 * Compares the scan of a base revision with the scan of the working tree. A finding counts as
 * introduced when the working tree has more findings of its rule, flag and file than the base had:
 * the extra ones, in file order, are reported, so moving code around introduces nothing.
 */
export function compareScans(base: ScanResult, head: ScanResult, rev: { rev: string; commit: string }): ChangeReport {
  const before = counts(base.findings, (f) => identity(base, f));
  const seen = new Map<string, number>();
  const introduced: Finding[] = [];
  for (const f of head.findings) {
    const id = identity(head, f);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n > (before.get(id) ?? 0)) introduced.push(f);
  }
  let resolved = 0;
  for (const [id, n] of before) resolved += Math.max(0, n - (seen.get(id) ?? 0));

  const evalBase = counts(base.references, (r) => r.registryKey ?? r.key);
  const evalHead = counts(head.references, (r) => r.registryKey ?? r.key);
  const added: Record<string, number> = {};
  const removed: Record<string, number> = {};
  for (const key of new Set([...evalBase.keys(), ...evalHead.keys()])) {
    const delta = (evalHead.get(key) ?? 0) - (evalBase.get(key) ?? 0);
    if (delta > 0) added[key] = delta;
    if (delta < 0) removed[key] = -delta;
  }

  const oldEntries = entries(base);
  const newEntries = entries(head);
  const keyOf = (id: string): string => id.slice(id.indexOf('\0') + 1);
  const registry: ChangeReport['registry'] = { added: [], removed: [], removedStillEvaluated: [], changed: [] };
  for (const [id, snap] of newEntries) {
    const old = oldEntries.get(id);
    if (!old) registry.added.push(keyOf(id));
    else {
      const fields = diffSnapshots(old, snap);
      if (fields.length > 0) registry.changed.push({ key: keyOf(id), fields });
    }
  }
  const stillRegistered = new Set([...newEntries.keys()].map(keyOf));
  for (const id of oldEntries.keys()) {
    const key = keyOf(id);
    if (newEntries.has(id) || stillRegistered.has(key)) continue;
    registry.removed.push(key);
    if (head.references.some((r) => r.key === key || r.registryKey === key)) registry.removedStillEvaluated.push(key);
  }
  for (const list of [registry.added, registry.removed, registry.removedStillEvaluated]) list.sort();
  registry.changed.sort((a, b) => (a.key < b.key ? -1 : 1));
  return { base: rev, introduced, resolved, evaluations: { added, removed }, registry };
}
