import type { Registry } from '../model';
import { dependencies, dependencyLocation, resolveDependency } from './dependencies';
import type { Rule, RuleFinding } from './rule';

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

/** Tarjan's strongly connected components; a component with a cycle has several members or a self-edge. */
function cyclicComponents(graph: Map<string, Edge[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { target } of graph.get(v) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(v, Math.min(low.get(v)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(v, Math.min(low.get(v)!, index.get(target)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfLoop = graph.get(v)?.some((e) => e.target === v) ?? false;
    if (component.length > 1 || selfLoop) out.push(component);
  };
  for (const key of graph.keys()) if (!index.has(key)) visit(key);
  return out;
}

/** The shortest path from `start` back to itself inside its component, as keys (start first, start last). */
function shortestCycle(graph: Map<string, Edge[]>, members: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const { target } of graph.get(v) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let w = v; w !== start; w = previous.get(w)!) path.splice(1, 0, w);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, v);
        queue.push(target);
      }
    }
  }
  return [start, start];
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
    const findings: RuleFinding[] = [];
    for (const component of cyclicComponents(graph)) {
      const members = new Set(component);
      for (const key of component) {
        const entry = ctx.registry.flags.get(key)!;
        const cycle = shortestCycle(graph, members, key);
        const edge = graph.get(key)!.find((e) => e.target === cycle[1])!;
        findings.push({
          message: `Flag '${key}' is part of a dependency cycle: ${cycle.join(' → ')}. Remove one of these \`dependsOn\` links.`,
          location: entry.location,
          flagKey: key,
          related: [
            { message: `The dependency on '${cycle[1]}'`, location: dependencyLocation(entry, edge.index) },
            ...component.filter((other) => other !== key).map((other) => ({ message: `'${other}' is in the same cycle`, location: ctx.registry.flags.get(other)!.location })),
          ],
        });
      }
    }
    return findings;
  },
};
