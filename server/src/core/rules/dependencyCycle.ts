import { findCycles } from '../cycles';
import type { Registry } from '../model';
import { dependencies, dependencyLocation, resolveDependency } from './dependencies';
import type { Rule, RuleFinding } from './rule';

/** How many keys of a long cycle the message shows before "…", and after it. */
const HEAD_KEYS = 4;
const TAIL_KEYS = 2;
/** How many other members a finding links to; a 2,000-flag cycle would otherwise carry 2,000 links. */
const MAX_RELATED_MEMBERS = 10;

interface Edge {
  index: number;
  target: string;
}

function graphOf(registry: Registry): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>();
  for (const entry of registry.flags.values()) {
    const edges: Edge[] = [];
    for (const [index, dep] of dependencies(entry)) {
      const target = resolveDependency(registry, dep);
      if (target && !edges.some((e) => e.target === target.key)) edges.push({ index, target: target.key });
    }
    graph.set(entry.key, edges);
  }
  return graph;
}

/** The shortest path from `start` back to itself inside its component, as keys (start first, start last). */
function shortestCycle(graph: Map<string, Edge[]>, members: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const { target } of graph.get(v) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let w = v; w !== start; w = previous.get(w)!) path.push(w);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!previous.has(target)) {
        previous.set(target, v);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** `a → b → c → a`, or for a long cycle its first and last keys around "… (n more) …". */
export function abbreviateCycle(path: readonly string[]): string {
  if (path.length <= HEAD_KEYS + TAIL_KEYS + 1) return path.join(' → ');
  const hidden = path.length - HEAD_KEYS - TAIL_KEYS;
  return [...path.slice(0, HEAD_KEYS), `… (${hidden.toLocaleString('en-US')} more)`, ...path.slice(-TAIL_KEYS)].join(
    ' → ',
  );
}

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  defaultSeverity: 'error',
  summary: 'Flags depend on each other in a cycle.',
  description:
    '`dependsOn` records which flags must be on before another can be turned on; a cycle means none of them can be turned on first. ' +
    'Remove one of the `dependsOn` links in the cycle.',
  check(ctx) {
    const graph = graphOf(ctx.registry);
    const order = new Map([...graph.keys()].map((key, i) => [key, i]));
    const edges = [...graph].flatMap(([from, out]) => out.map((e) => ({ from, to: e.target })));
    const findings: RuleFinding[] = [];
    // One finding per cycle, on the member written first in the registry: a cycle of 2,000 flags is
    // one problem with one fix, and a finding per member would repeat its path 2,000 times.
    const cycles = findCycles(edges).map((members) => members.slice().sort((a, b) => order.get(a)! - order.get(b)!));
    cycles.sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
    for (const component of cycles) {
      const key = component[0]!;
      const entry = ctx.registry.flags.get(key)!;
      const cycle = shortestCycle(graph, new Set(component), key);
      const edge = graph.get(key)!.find((e) => e.target === cycle[1])!;
      const others = component.slice(1);
      const size =
        component.length === 1
          ? `'${key}' depends on itself`
          : `${component.length.toLocaleString('en-US')} flags depend on each other in a cycle`;
      findings.push({
        message: `Flag '${key}' is part of a dependency cycle (${size}): ${abbreviateCycle(cycle)}. Remove one of these \`dependsOn\` links.`,
        location: entry.location,
        flagKey: key,
        related: [
          { message: `The dependency on '${cycle[1]}'`, location: dependencyLocation(entry, edge.index) },
          ...others.slice(0, MAX_RELATED_MEMBERS).map((other) => ({
            message: `'${other}' is in the same cycle`,
            location: ctx.registry.flags.get(other)!.location,
          })),
        ],
      });
    }
    return findings;
  },
};
