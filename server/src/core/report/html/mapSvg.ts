import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { FlagGraph, GraphNode } from '../graph';
import { escapeHtml } from './escape';

// dagre ships as an ES module with a CommonJS build beside it; this CommonJS code loads the latter
// (a static import would compile to a require of the ES module's types and be refused).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dagre = require('@dagrejs/dagre') as typeof Dagre;

const CHAR_WIDTH = 7.2;
const LINE_HEIGHT = 16;
const PADDING = 10;

function lines(node: GraphNode | undefined, key: string): string[] {
  if (!node || !node.registered) return [key, 'not in the registry'];
  const radius =
    node.packages.length === 0
      ? 'evaluated nowhere'
      : `${node.packages.length} package${node.packages.length === 1 ? '' : 's'}`;
  const outside = node.outsideScope.length > 0 ? `, ${node.outsideScope.length} outside scope` : '';
  return [key, `${node.status ?? 'no status'} · ${node.owner ?? 'no owner'}`, `${radius}${outside}`];
}

function nodeClass(node: GraphNode | undefined, inCycle: boolean): string {
  if (!node || !node.registered) return 'unknown';
  if (node.status === 'archived' || node.status === 'deprecated') return 'retired';
  return inCycle ? 'cycle' : 'ok';
}

export interface MapSvg {
  svg: string;
  /** Flags drawn (those with at least one dependsOn link, either way). */
  drawn: number;
  /** Flags left off the map because nothing links them. */
  isolated: number;
}

/**
 * The dependency map as inline SVG, laid out by dagre at report time (no script runs to draw it).
 * Only flags with a `dependsOn` link either way are drawn: a map of unconnected boxes says nothing.
 */
export function renderMapSvg(graph: FlagGraph): MapSvg {
  const linked = new Set<string>();
  for (const e of graph.edges) linked.add(e.from).add(e.to);
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const inCycle = new Set(graph.cycles.flat());
  const isolated = graph.nodes.filter((n) => !linked.has(n.key)).length;
  if (linked.size === 0) return { svg: '', drawn: 0, isolated };

  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 70, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const keys = [...linked].sort();
  const ids = new Map(keys.map((k, i) => [k, `n${i}`]));
  for (const key of keys) {
    const text = lines(byKey.get(key), key);
    const width = Math.ceil(Math.max(...text.map((t) => t.length)) * CHAR_WIDTH) + 2 * PADDING;
    g.setNode(ids.get(key)!, { width, height: text.length * LINE_HEIGHT + 2 * PADDING });
  }
  graph.edges.forEach((e, i) => g.setEdge(ids.get(e.from)!, ids.get(e.to)!, {}, `e${i}`));
  dagre.layout(g);

  const size = g.graph();
  const width = Math.ceil(size.width ?? 0);
  const height = Math.ceil(size.height ?? 0);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" aria-label="Flag dependency map" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#667"/></marker></defs>',
  ];
  graph.edges.forEach((e, i) => {
    const points: { x: number; y: number }[] = g.edge(ids.get(e.from)!, ids.get(e.to)!, `e${i}`)?.points ?? [];
    const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
    const cls = e.kind !== 'ok' ? e.kind : e.inCycle ? 'cycle' : 'ok';
    out.push(
      `<path class="edge ${cls}" data-from="${escapeHtml(e.from)}" data-to="${escapeHtml(e.to)}" d="${d}" marker-end="url(#arrow)"/>`,
    );
    const mid = points[Math.floor(points.length / 2)];
    const label = e.kind === 'unknown' ? 'unknown flag' : e.kind === 'retired' ? 'retired' : e.inCycle ? 'cycle' : '';
    if (mid && label)
      out.push(`<text class="edge-label ${cls}" x="${mid.x.toFixed(1)}" y="${(mid.y - 4).toFixed(1)}">${label}</text>`);
  });
  for (const key of keys) {
    const box = g.node(ids.get(key)!);
    const node = byKey.get(key);
    const text = lines(node, key);
    const x = box.x - box.width / 2;
    const y = box.y - box.height / 2;
    out.push(`<g class="node ${nodeClass(node, inCycle.has(key))}" data-key="${escapeHtml(key)}">`);
    out.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${box.width}" height="${box.height}" rx="6"/>`);
    text.forEach((t, i) => {
      out.push(
        `<text x="${(x + PADDING).toFixed(1)}" y="${(y + PADDING + (i + 0.8) * LINE_HEIGHT).toFixed(1)}"${i === 0 ? ' class="key"' : ''}>${escapeHtml(t)}</text>`,
      );
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return { svg: out.join('\n'), drawn: keys.length, isolated };
}
