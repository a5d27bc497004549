import type { FlagEntry, Location, Registry } from '../model';

/** The entry a `dependsOn` item names: its key, or failing that one of its aliases. */
export function resolveDependency(registry: Registry, dep: string): FlagEntry | undefined {
  const exact = registry.flags.get(dep);
  if (exact) return exact;
  for (const entry of registry.flags.values()) {
    if (entry.aliases?.includes(dep)) return entry;
  }
  return undefined;
}

/** Where the i-th `dependsOn` item stands: the item itself when the loader recorded it, else the field, else the entry. */
export function dependencyLocation(entry: FlagEntry, index: number): Location {
  const f = entry.fieldLocations;
  return f[`dependsOn.${index}`] ?? f[`dependsOn[${index}]`] ?? f['dependsOn'] ?? entry.location;
}

/** The entry's dependencies as [index, key] pairs, skipping anything that is not a non-empty string. */
export function dependencies(entry: FlagEntry): [number, string][] {
  const list = Array.isArray(entry.dependsOn) ? entry.dependsOn : [];
  const out: [number, string][] = [];
  list.forEach((dep, i) => {
    if (typeof dep === 'string' && dep.trim() !== '') out.push([i, dep]);
  });
  return out;
}
