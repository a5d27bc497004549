import * as assert from 'node:assert/strict';
import { renderMap } from '../../../client/src/mapLayout';
import type { FlagGraph } from '../../../server/src/core/report/graph';
import { must } from '../../helpers/must';

const node = (key: string, status = 'active', owner = '@checkout-team') => ({
  key,
  registered: true,
  status,
  owner,
  packages: ['@shop/api'],
  scope: [],
  outsideScope: [],
  references: 1,
});

const GRAPH: FlagGraph = {
  version: 1,
  nodes: [
    node('new-checkout'),
    node('payments-api-v2'),
    node('saved-payment-methods'),
    node('one-click-reorder'),
    node('legacy-search', 'archived', '@search-team'),
    node('search-ranking-v3', 'active', '@search-team'),
    node('cart-recovery-email', 'active', '@growth'),
    node('dark-mode', 'active', '@platform'),
  ],
  edges: [
    { from: 'new-checkout', to: 'payments-api-v2', kind: 'ok', inCycle: false },
    { from: 'saved-payment-methods', to: 'one-click-reorder', kind: 'ok', inCycle: true },
    { from: 'one-click-reorder', to: 'saved-payment-methods', kind: 'ok', inCycle: true },
    { from: 'search-ranking-v3', to: 'legacy-search', kind: 'retired', inCycle: false },
    { from: 'cart-recovery-email', to: 'email-service-v3', kind: 'unknown', inCycle: false },
  ],
  cycles: [['one-click-reorder', 'saved-payment-methods']],
};

describe('dependency map picture', () => {
  const { svg, width, height } = renderMap(GRAPH);
  const boxes = [...svg.matchAll(/<g class="node ([^"]+)" data-key="([^"]+)"/g)].map((m) => [m[2], m[1]]);

  it('draws every flag that takes part in a dependency, and a box for a target no registry holds', () => {
    const keys = boxes.map(([key]) => key).sort();
    assert.ok(keys.includes('email-service-v3'), 'the unknown target has no box');
    assert.ok(!keys.includes('dark-mode'), 'a flag without dependencies is drawn');
    assert.equal(keys.length, 8);
    assert.deepEqual(Object.fromEntries(boxes)['legacy-search'], 'archived');
  });

  it('marks cycle edges and links to unknown or retired flags, one path per edge', () => {
    const edges = [...svg.matchAll(/<path class="edge ([^"]+)"/g)].map((m) => m[1]);
    assert.equal(edges.length, 5);
    assert.equal(edges.filter((c) => must(c).includes('cycle')).length, 2);
    assert.ok(edges.includes('unknown') && edges.includes('retired'));
  });

  it('lays the flags out in a picture with room for them, escaping their text', () => {
    assert.ok(width > 200 && height > 100, `${width}×${height}`);
    const tricky = renderMap({
      ...GRAPH,
      nodes: [node('a<b>&"c"')],
      edges: [{ from: 'a<b>&"c"', to: 'x', kind: 'unknown', inCycle: false }],
    }).svg;
    assert.ok(tricky.includes('a&lt;b&gt;&amp;&quot;c&quot;') && !tricky.includes('a<b>'), tricky.slice(0, 300));
  });
});
