import * as path from 'node:path';
import type { ScanResult } from '../engine/types';
import { findCycles } from '../cycles';
import { relativePosix, ScopeMatcher } from '../rules/scope';
import { registryGoverning } from './governing';
import type { InventoryRow } from './inventory';

export { findCycles };

/**
 * The dependency map: flags as nodes (status, owner, blast radius), `dependsOn` as edges. An edge
 * to a key no registry holds is kept and marked, so a broken link shows on the map instead of
 * vanishing from it; edges inside a dependency cycle are marked too.
 */
export interface FlagGraph {
  version: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
  cycles: string[][];
}

export interface GraphNode {
  key: string;
  registered: boolean;
  status?: string;
  owner?: string;
  /** Every package (or folder) whose code evaluates the flag. */
  packages: string[];
  /** The declared `scope`. */
  scope: string[];
  /** Packages that evaluate the flag outside its scope (from the out-of-scope-reference findings). */
  outsideScope: string[];
  references: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** `unknown`: no registry holds the target; `retired`: the target is archived or deprecated. */
  kind: 'ok' | 'unknown' | 'retired';
  inCycle: boolean;
}

const RETIRED = new Set(['archived', 'deprecated']);

export function buildFlagGraph(
  rows: readonly InventoryRow[],
  result: ScanResult,
  packageOf: (file: string) => { name: string } | undefined,
): FlagGraph {
  const outside = outsideScope(result, packageOf);
  const byKey = new Map<string, InventoryRow>();
  for (const r of rows) if (!byKey.has(r.key) || r.registered) byKey.set(r.key, r);
  const nodes: GraphNode[] = [...byKey.values()].map((r) => ({
    key: r.key,
    registered: r.registered,
    ...(r.status !== undefined ? { status: r.status } : {}),
    ...(r.owner !== undefined ? { owner: r.owner } : {}),
    packages: r.packages,
    scope: r.scope,
    outsideScope: [...(outside.get(r.key) ?? [])].sort(),
    references: r.references,
  }));
  const edges: GraphEdge[] = [];
  for (const r of byKey.values()) {
    for (const to of new Set(r.dependsOn)) {
      const target = byKey.get(to);
      const kind =
        target === undefined || !target.registered ? 'unknown' : RETIRED.has(target.status ?? '') ? 'retired' : 'ok';
      edges.push({ from: r.key, to, kind, inCycle: false });
    }
  }
  const cycles = findCycles(edges);
  const cycleOf = new Map<string, number>();
  cycles.forEach((members, i) => members.forEach((m) => cycleOf.set(m, i)));
  for (const e of edges) e.inCycle = cycleOf.has(e.from) && cycleOf.get(e.from) === cycleOf.get(e.to);
  return { version: 1, nodes, edges, cycles };
}

/**
 * Packages (or folders, outside any package) that evaluate each flag outside its declared `scope`,
 * judged here rather than read from the out-of-scope-reference findings, so that turning the rule
 * off in `policy.severity` does not empty the blast radius.
 */
function outsideScope(
  result: ScanResult,
  packageOf: (file: string) => { name: string } | undefined,
): Map<string, Set<string>> {
  const outside = new Map<string, Set<string>>();
  const matchers = new Map<string, ScopeMatcher | null>();
  for (const ref of result.references) {
    const key = ref.registryKey ?? ref.key;
    const registry = registryGoverning(result.registries, ref.location.file);
    if (!registry) continue;
    const id = `${registry.path}\0${key}`;
    let matcher = matchers.get(id);
    if (matcher === undefined) {
      const scope = registry.flags.get(key)?.scope;
      const items = Array.isArray(scope)
        ? scope.filter((s): s is string => typeof s === 'string' && s.trim() !== '')
        : [];
      matchers.set(id, (matcher = items.length > 0 ? new ScopeMatcher(items) : null));
    }
    if (!matcher) continue;
    const rel = relativePosix(registry.root, ref.location.file);
    const pkg = packageOf(ref.location.file);
    if (matcher.contains(rel, pkg?.name)) continue;
    let set = outside.get(key);
    if (!set) outside.set(key, (set = new Set()));
    set.add(pkg?.name ?? path.posix.dirname(rel));
  }
  return outside;
}

/** The part of the map around one flag: what it needs and what needs it, transitively. */
export function neighbourhood(graph: FlagGraph, key: string): FlagGraph {
  const keep = new Set<string>([key]);
  for (const forward of [true, false]) {
    const queue = [key];
    while (queue.length > 0) {
      const k = queue.shift()!;
      for (const e of graph.edges) {
        const [here, there] = forward ? [e.from, e.to] : [e.to, e.from];
        if (here === k && !keep.has(there)) {
          keep.add(there);
          queue.push(there);
        }
      }
    }
  }
  return {
    version: 1,
    nodes: graph.nodes.filter((n) => keep.has(n.key)),
    edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
    cycles: graph.cycles.filter((c) => c.some((m) => keep.has(m))),
  };
}
