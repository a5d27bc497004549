import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, flaglint, NOW, removeScratch, requireBuiltCli } from './helpers/flaglint';

describe('flaglint report', () => {
  before(requireBuiltCli);
  after(removeScratch);

  it('writes one self-contained HTML file: chart.js inlined, the map drawn, every flag listed', () => {
    const dir = copyFixture('travel');
    const run = flaglint(['report', '.', '--now', NOW, '--no-cache'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /wrote flags\.html \(6 flags, \d+ problems\)/);
    const html = fs.readFileSync(path.join(dir, 'flags.html'), 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.ok(html.includes('window.Chart='), 'chart.js UMD build inlined');
    assert.ok(!/<script[^>]+src=|<link[^>]+href=/.test(html), 'nothing loaded from elsewhere');
    assert.equal((html.match(/<tr class="flag-row"/g) ?? []).length, 6);
    assert.match(html, /<g class="node cycle" data-key="wallet-balance">/);
    assert.match(html, /<path class="edge unknown" data-from="fare-alerts" data-to="price-watch-service"/);
  });

  it('says what is wrong when the output cannot be written', () => {
    const dir = copyFixture('travel');
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const run = flaglint(['report', '.', '-o', 'blocker/flags.html', '--no-cache'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot write 'blocker\/flags\.html'/);
  });
});
