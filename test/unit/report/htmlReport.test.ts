import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../server/src/core/engine/types';
import type { FlagGraph } from '../../../server/src/core/report';
import { renderHtmlReport, renderMapSvg } from '../../../server/src/core/report';
import type { InventoryRow } from '../../../server/src/core/report';
import { expiryTimeline } from '../../../server/src/core/report/html/reportData';

const HOSTILE = '</script><script>alert(1)</script><!--';

function row(key: string, extra: Partial<InventoryRow> = {}): InventoryRow {
  return {
    key,
    registered: true,
    permanent: false,
    references: 0,
    files: 0,
    packages: [],
    scope: [],
    rollback: true,
    dependsOn: [],
    problems: { error: 0, warning: 0, info: 0, hint: 0 },
    ...extra,
  };
}

const result: ScanResult = {
  root: '/repo',
  registries: [],
  references: [],
  dynamic: [],
  findings: [
    {
      ruleId: 'missing-owner',
      severity: 'error',
      message: `Flag '${HOSTILE}' has no owner.`,
      flagKey: HOSTILE,
      location: {
        file: '/repo/flags.yaml',
        range: { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } },
      },
    },
  ],
  notes: [],
  stats: { files: 1, parsed: 1, cached: 0, ms: 1 },
};

describe('HTML report', () => {
  const graph: FlagGraph = {
    version: 1,
    nodes: [
      {
        key: HOSTILE,
        registered: true,
        status: 'active',
        owner: '<b>@x</b>',
        packages: [],
        scope: [],
        outsideScope: [],
        references: 0,
      },
      { key: 'b', registered: true, packages: [], scope: [], outsideScope: [], references: 0 },
    ],
    edges: [{ from: HOSTILE, to: 'b', kind: 'ok', inCycle: false }],
    cycles: [],
  };
  const html = renderHtmlReport({
    result,
    inventory: [row(HOSTILE, { owner: '<b>@x</b>', description: `"><img src=x onerror=alert(2)>` }), row('b')],
    graph,
    now: new Date('2026-12-01T00:00:00Z'),
    chartJs: '/* chart.js stand-in */',
    tool: { name: 'flaglint', version: '0.0.0' },
  });

  it('never lets registry or code text become markup or end a script early', () => {
    assert.equal((html.match(/<script/g) ?? []).length, 3, 'only the data, chart.js and the report script');
    assert.ok(!html.includes('<img'), 'no element from a description');
    assert.ok(!html.includes('<b>@x'), 'no element from an owner');
    assert.ok(!html.includes('<!--'), 'no comment opened by a key');
    assert.match(html, /&lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const data = /<script type="application\/json" id="flaglint-data">([^<]*)<\/script>/.exec(html);
    assert.ok(data, 'the chart data is one script element with no < inside');
    assert.equal((JSON.parse(data[1]!) as { byOwner: { labels: string[] } }).byOwner.labels[0], '(no owner)');
  });

  it('forbids every network load through its Content-Security-Policy', () => {
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">/,
    );
    assert.ok(!/\bsrc="http|href="http/.test(html));
  });

  it('draws only linked flags on the map', () => {
    const map = renderMapSvg({
      ...graph,
      nodes: [
        ...graph.nodes,
        { key: 'alone', registered: true, packages: [], scope: [], outsideScope: [], references: 0 },
      ],
    });
    assert.equal(map.drawn, 2);
    assert.equal(map.isolated, 1);
    assert.ok(!map.svg.includes('data-key="alone"'));
  });

  it('gathers far-off expiries at the ends of a 24-month timeline', () => {
    const today = Date.UTC(2026, 11, 1) / 86_400_000;
    const rows = [row('a', { daysToExpiry: -900 }), row('b', { daysToExpiry: 10 }), row('c', { daysToExpiry: 2000 })];
    const t = expiryTimeline(rows, today);
    assert.equal(t.labels[0], 'before 2026-06');
    assert.equal(t.labels[t.labels.length - 1], 'after 2028-05');
    assert.equal(
      t.values.reduce((a, b) => a + b, 0),
      3,
    );
    assert.equal(t.past[0], true);
  });
});
