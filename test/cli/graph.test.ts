import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { copyFixture, fixture, flaglint, removeScratch, REPO_ROOT, requireBuiltCli } from './helpers/flaglint';
import { findCycles } from '../../server/src/core/report';

interface Graph {
  nodes: { key: string; registered: boolean; packages: string[]; outsideScope: string[] }[];
  edges: { from: string; to: string; kind: string; inCycle: boolean }[];
  cycles: string[][];
}

describe('flaglint graph', () => {
  before(requireBuiltCli);
  after(removeScratch);

  const json = (...extra: string[]): Graph => {
    const run = flaglint(['graph', fixture('travel'), '--format', 'json', '--no-cache', ...extra]);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as Graph;
  };

  it('json: dependsOn edges with unknown and retired targets and cycles marked, valid against its schema', () => {
    const graph = json();
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schema/graph.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(graph), JSON.stringify(validate.errors));
    const edge = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to);
    assert.equal(edge('seat-picker-v2', 'seat-inventory-api')?.kind, 'ok');
    assert.equal(edge('fare-alerts', 'price-watch-service')?.kind, 'unknown');
    assert.equal(edge('split-payments', 'loyalty-points')?.kind, 'retired');
    assert.equal(edge('split-payments', 'wallet-balance')?.inCycle, true);
    assert.equal(edge('split-payments', 'loyalty-points')?.inCycle, false);
    assert.deepEqual(graph.cycles, [['split-payments', 'wallet-balance']]);
  });

  it('shows the blast radius: the packages evaluating a flag, and those outside its scope', () => {
    const inventoryApi = json().nodes.find((n) => n.key === 'seat-inventory-api');
    assert.deepEqual(inventoryApi?.packages, ['@travel/api', '@travel/web']);
    assert.deepEqual(inventoryApi?.outsideScope, ['@travel/web']);
  });

  it('keeps the blast radius when out-of-scope-reference is turned off in the policy', () => {
    const dir = copyFixture('travel');
    const registry = path.join(dir, 'flags.yaml');
    fs.appendFileSync(registry, 'policy:\n  severity:\n    out-of-scope-reference: "off"\n');
    const run = flaglint(['graph', dir, '--format', 'json', '--no-cache']);
    assert.equal(run.status, 0, run.stderr);
    const node = (JSON.parse(run.stdout) as Graph).nodes.find((n) => n.key === 'seat-inventory-api');
    assert.deepEqual(node?.outsideScope, ['@travel/web']);
  });

  it('--flag narrows the map to what the flag needs and what needs it, transitively', () => {
    assert.deepEqual(
      json('--flag', 'seat-inventory-api')
        .nodes.map((n) => n.key)
        .sort(),
      ['seat-inventory-api', 'seat-picker-v2'],
    );
    const pay = json('--flag', 'wallet-balance');
    assert.deepEqual(pay.nodes.map((n) => n.key).sort(), ['loyalty-points', 'split-payments', 'wallet-balance']);
    const missing = flaglint(['graph', fixture('travel'), '--flag', 'no-such-flag', '--no-cache']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no flag 'no-such-flag'/);
  });

  it('mermaid and dot: every flag a node, broken links labelled', () => {
    const mermaid = flaglint(['graph', fixture('travel'), '--no-cache']);
    assert.equal(mermaid.status, 0, mermaid.stderr);
    assert.match(mermaid.stdout, /^flowchart LR\n/);
    assert.match(mermaid.stdout, /-->\|unknown flag\|/);
    assert.match(
      mermaid.stdout,
      /seat-inventory-api<br\/>active · @trips<br\/>evaluated in 2 packages, 1 outside its scope/,
    );
    const dot = flaglint(['graph', fixture('travel'), '--format', 'dot', '--no-cache']);
    assert.match(dot.stdout, /^digraph flags \{/);
    assert.equal((dot.stdout.match(/ -> /g) ?? []).length, json().edges.length);
  });

  it('finds cycles in a 5,000-flag dependsOn chain without overflowing the stack', () => {
    const edges = Array.from({ length: 5000 }, (_, i) => ({ from: `f${i}`, to: `f${(i + 1) % 5000}` }));
    const cycles = findCycles(edges);
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0]?.length, 5000);
    assert.deepEqual(findCycles(edges.slice(0, 4999)), []);
  });
});
