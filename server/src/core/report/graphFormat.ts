import type { FlagGraph, GraphNode } from './graph';

/** Node ids safe in Mermaid and DOT whatever the key holds (keys may contain dots, slashes, dashes). */
function ids(graph: FlagGraph): Map<string, string> {
  const map = new Map<string, string>();
  const all = new Set([...graph.nodes.map((n) => n.key), ...graph.edges.map((e) => e.to)]);
  [...all].forEach((k, i) => map.set(k, `f${i}`));
  return map;
}

function label(node: GraphNode | undefined, key: string): string {
  if (!node || !node.registered) return `${key}\nnot in the registry`;
  const parts = [node.status ?? 'no status', node.owner ?? 'no owner'];
  const radius =
    node.packages.length === 0
      ? 'evaluated nowhere'
      : `evaluated in ${node.packages.length} package${node.packages.length === 1 ? '' : 's'}`;
  const outside = node.outsideScope.length > 0 ? `, ${node.outsideScope.length} outside its scope` : '';
  return `${key}\n${parts.join(' · ')}\n${radius}${outside}`;
}

/** Mermaid `flowchart`: what GitHub renders in Markdown and the editor's map shows. */
export function formatMermaid(graph: FlagGraph): string {
  const id = ids(graph);
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const esc = (s: string): string => s.replace(/"/g, '#quot;').replace(/\n/g, '<br/>');
  const lines = ['flowchart LR'];
  for (const [key, nid] of id) lines.push(`  ${nid}["${esc(label(byKey.get(key), key))}"]`);
  graph.edges.forEach((e) => {
    const note =
      e.kind === 'unknown' ? '|unknown flag|' : e.kind === 'retired' ? '|retired|' : e.inCycle ? '|cycle|' : '';
    lines.push(`  ${id.get(e.from)!} -->${note} ${id.get(e.to)!}`);
  });
  lines.push(
    '  classDef unknown stroke:#d33,stroke-dasharray:4 2;',
    '  classDef retired fill:#eee,color:#777;',
    '  classDef cycle stroke:#d33,stroke-width:2px;',
  );
  for (const [key, nid] of id) {
    const node = byKey.get(key);
    if (!node || !node.registered) lines.push(`  class ${nid} unknown;`);
    else if (node.status === 'archived' || node.status === 'deprecated') lines.push(`  class ${nid} retired;`);
    else if (graph.cycles.some((c) => c.includes(key))) lines.push(`  class ${nid} cycle;`);
  }
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT. */
export function formatDot(graph: FlagGraph): string {
  const id = ids(graph);
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const lines = ['digraph flags {', '  rankdir=LR;', '  node [shape=box, fontname="sans-serif"];'];
  for (const [key, nid] of id) {
    const node = byKey.get(key);
    const style =
      !node || !node.registered
        ? ', style=dashed, color=red'
        : node.status === 'archived' || node.status === 'deprecated'
          ? ', style=filled, fillcolor=gray90'
          : '';
    lines.push(`  ${nid} [label=${q(label(node, key))}${style}];`);
  }
  for (const e of graph.edges) {
    const attrs =
      e.kind === 'unknown'
        ? ' [color=red, label="unknown flag"]'
        : e.kind === 'retired'
          ? ' [color=gray, label="retired"]'
          : e.inCycle
            ? ' [color=red, penwidth=2, label="cycle"]'
            : '';
    lines.push(`  ${id.get(e.from)!} -> ${id.get(e.to)!}${attrs};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
