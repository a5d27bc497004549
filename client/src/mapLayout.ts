/**
 * The dependency map as an SVG picture: the core's FlagGraph laid out left to right by dagre
 * (bundled into the extension; no network), flags as boxes coloured by status, `dependsOn` as
 * arrows; links to unknown or retired flags dashed, edges of a cycle red. No VS Code API here.
 */
import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { FlagGraph, GraphEdge, GraphNode } from '../../protocol/src/requests';

// dagre ships as an ES module with a CommonJS build; this CommonJS extension loads the latter
// (esbuild bundles it into dist/extension.js) with the ES module's types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dagre = require('@dagrejs/dagre') as typeof Dagre;

const NODE_HEIGHT = 44;
const CHAR_WIDTH = 7.2;

export interface MapPicture {
  svg: string;
  width: number;
  height: number;
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function nodeClass(node: GraphNode): string {
  if (!node.registered) return 'unregistered';
  return (node.status ?? 'active').replace(/[^a-z-]/g, '');
}

function edgeClass(edge: GraphEdge): string {
  return [edge.kind, edge.inCycle ? 'cycle' : ''].filter(Boolean).join(' ');
}

function subtitle(node: GraphNode): string {
  const parts = [node.registered ? (node.status ?? 'active') : 'not in registry'];
  if (node.owner) parts.push(node.owner);
  parts.push(`${node.references} ref${node.references === 1 ? '' : 's'}`);
  if (node.outsideScope.length) parts.push(`${node.outsideScope.length} outside scope`);
  return parts.join(' · ');
}

/** Lays out the flags that take part in a dependency (all flags when `all`), and draws them. */
export function renderMap(graph: FlagGraph, options: { all?: boolean } = {}): MapPicture {
  const linked = new Set(graph.edges.flatMap((e) => [e.from, e.to]));
  const nodes = graph.nodes.filter((n) => options.all || linked.has(n.key));
  const known = new Set(nodes.map((n) => n.key));
  // A dependsOn target no registry holds still gets a box, so the broken link is visible.
  for (const key of graph.edges.flatMap((e) => [e.from, e.to])) {
    if (!known.has(key)) {
      nodes.push({ key, registered: false, packages: [], scope: [], outsideScope: [], references: 0 });
      known.add(key);
    }
  }
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 60, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    const width = Math.max(node.key.length, subtitle(node).length * 0.85) * CHAR_WIDTH + 24;
    g.setNode(node.key, { width, height: NODE_HEIGHT });
  }
  for (const edge of graph.edges) g.setEdge(edge.from, edge.to);
  dagre.layout(g);
  const size = g.graph();
  const width = Math.ceil(size.width ?? 200);
  const height = Math.ceil(size.height ?? 100);
  const parts: string[] = [];
  parts.push(
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="arrowhead"/></marker></defs>`,
  );
  for (const edge of graph.edges) {
    const points = g.edge(edge.from, edge.to)?.points ?? [];
    if (!points.length) continue;
    const d = points
      .map((p: Dagre.Point, i: number) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
      .join(' ');
    const title = `${edge.from} depends on ${edge.to}${edge.kind === 'unknown' ? ' (not in the registry)' : edge.kind === 'retired' ? ' (retired)' : ''}${edge.inCycle ? ' — part of a cycle' : ''}`;
    parts.push(
      `<path class="edge ${edgeClass(edge)}" d="${d}" marker-end="url(#arrow)"><title>${escapeXml(title)}</title></path>`,
    );
  }
  for (const node of nodes) {
    const box = g.node(node.key);
    const x = box.x - box.width / 2;
    const y = box.y - box.height / 2;
    parts.push(
      `<g class="node ${nodeClass(node)}" data-key="${escapeXml(node.key)}" tabindex="0"><title>${escapeXml(`${node.key}\n${subtitle(node)}${node.packages.length ? `\nevaluated in ${node.packages.join(', ')}` : ''}`)}</title>` +
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${box.width.toFixed(1)}" height="${box.height}" rx="6"/>` +
        `<text class="key" x="${box.x.toFixed(1)}" y="${(box.y - 4).toFixed(1)}">${escapeXml(node.key)}</text>` +
        `<text class="sub" x="${box.x.toFixed(1)}" y="${(box.y + 12).toFixed(1)}">${escapeXml(subtitle(node))}</text></g>`,
    );
  }
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Flag dependency map">${parts.join('')}</svg>`,
    width,
    height,
  };
}
