#!/usr/bin/env node
// `flaglint report` in a real browser: builds the HTML report of test/fixtures/report-html (copied to
// a temp git repository, so ages come from real commits), opens it in Debian's chromium through
// playwright-core and checks what a reader sees: it renders with no console error and no network
// request, the charts plot the inventory's numbers, the filter works, nothing from the registry or
// the code runs as markup. Screenshots of the report and of the map go to test/e2e/artifacts/.
// Run alone (`node test/e2e/report/report.e2e.mjs`, after `npx tsc -b`) or from test/e2e/run.mjs.
// Skips, saying so, only when no chromium is installed.
// Functions passed to page.evaluate run in the page, where `window` is the report's.
/* global window */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifactsDir, repoRoot } from '../lib/paths.mjs';

const CLI = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'main.js');
const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'report-html');
const NOW = '2026-12-01';

function cli(args, cwd) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FLAGLINT_NOW;
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`flaglint ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** The fixture as a git repository: the registry committed on 2026-06-01, so undated entries get that date. */
function workspace(tmp) {
  const dir = path.join(tmp, 'garden-shop');
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Ana Lima',
    GIT_AUTHOR_EMAIL: 'ana@example.com',
    GIT_COMMITTER_NAME: 'Ana Lima',
    GIT_COMMITTER_EMAIL: 'ana@example.com',
    GIT_AUTHOR_DATE: '2026-06-01T09:00:00Z',
    GIT_COMMITTER_DATE: '2026-06-01T09:00:00Z',
  };
  const git = (...args) => execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'Garden shop flags');
  return dir;
}

/** Runs the checks; returns mocha-like totals for run.mjs. `browser` is reused when given. */
export async function runReportTests({ browser, log = console.log } = {}) {
  const totals = { passes: 0, failures: 0, pending: 0 };
  let chromium;
  try {
    ({ chromiumPath: chromium } = await import('../lib/browser.mjs'));
    chromium();
  } catch (error) {
    log(`report e2e: skipped, no chromium (${error.message})`);
    totals.pending = 1;
    return totals;
  }
  if (!fs.existsSync(CLI)) {
    log(`report e2e: ✖ ${path.relative(repoRoot, CLI)} is missing; run \`npx tsc -b\` first`);
    totals.failures = 1;
    return totals;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-report-e2e-'));
  const { launchBrowser } = await import('../lib/browser.mjs');
  const own = browser ? undefined : await launchBrowser();
  const context = await (browser ?? own).newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const dir = workspace(tmp);
    const htmlFile = path.join(tmp, 'flags.html');
    cli(['report', '.', '-o', htmlFile, '--now', NOW, '--no-cache'], dir);
    const inventory = JSON.parse(cli(['list', '.', '--format', 'json', '--now', NOW, '--no-cache'], dir)).inventory;

    const page = await context.newPage();
    const consoleErrors = [];
    const requests = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(htmlFile).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.flaglintCharts && Object.keys(window.flaglintCharts).length === 4, null, {
      timeout: 15000,
    });

    const check = async (name, fn) => {
      try {
        await fn();
        totals.passes++;
        log(`  ✔ ${name}`);
      } catch (error) {
        totals.failures++;
        log(`  ✖ ${name}\n${String(error.stack ?? error).replace(/^/gm, '      ')}`);
        await page
          .screenshot({ path: path.join(artifactsDir, `report-failed-${totals.failures}.png`), fullPage: true })
          .catch(() => {});
      }
    };
    log('report e2e: flaglint report in chromium');

    await check('renders with no console error and no request beyond the file itself', async () => {
      assert.deepEqual(consoleErrors, []);
      assert.deepEqual(requests, [url]);
      assert.equal(await page.title(), 'Feature flag inventory');
    });

    await check('the totals and the charts carry the inventory’s numbers', async () => {
      const charts = await page.evaluate(() =>
        Object.fromEntries(
          Object.entries(window.flaglintCharts).map(([k, c]) => [
            k,
            { labels: c.data.labels, values: c.data.datasets[0].data },
          ]),
        ),
      );
      const count = (rows, keyOf) => rows.reduce((m, r) => m.set(keyOf(r), (m.get(keyOf(r)) ?? 0) + 1), new Map());
      const byStatus = count(inventory, (r) => (r.registered ? r.status : 'unregistered'));
      assert.deepEqual(charts.status.labels, [
        'proposed',
        'active',
        'rolled-out',
        'deprecated',
        'archived',
        'unregistered',
      ]);
      assert.deepEqual(
        charts.status.values,
        charts.status.labels.map((s) => byStatus.get(s)),
      );
      assert.deepEqual(charts.status.values, [1, 5, 1, 1, 1, 1]);
      const byOwner = count(
        inventory.filter((r) => r.registered),
        (r) => r.owner,
      );
      assert.deepEqual(
        Object.fromEntries(charts.owner.labels.map((l, i) => [l, charts.owner.values[i]])),
        Object.fromEntries(byOwner),
      );
      assert.deepEqual(charts.owner.labels.slice(0, 2), ['@checkout', '@growth']);
      // Ages on 2026-12-01: gift-wrap 6 days; plant-finder 61, the seed test 72; the script key 153, the catalogue 108;
      // express-checkout 213, saved-cards 235 and maintenance-mode 183 (undated, so dated by its commit of 2026-06-01); winter-banner 395.
      const ageSum = charts.age.values.reduce((a, b) => a + b, 0);
      assert.equal(ageSum, inventory.filter((r) => r.registered && r.ageDays !== undefined).length);
      assert.deepEqual(charts.age.values, [1, 0, 2, 2, 3, 1]);
      // Expiries: express-checkout 2026-09, the script key 2026-10, seed test 2026-11 (overdue), saved-cards 2026-12, plant-finder 2027-01, gift-wrap 2027-03.
      assert.deepEqual(charts.expiry.labels, [
        '2026-09',
        '2026-10',
        '2026-11',
        '2026-12',
        '2027-01',
        '2027-02',
        '2027-03',
      ]);
      assert.deepEqual(charts.expiry.values, [1, 1, 1, 1, 1, 0, 1]);
      const totalsShown = await page.$$eval('#totals .total', (els) =>
        Object.fromEntries(els.map((e) => [e.dataset.total, Number(e.querySelector('.n').textContent)])),
      );
      assert.equal(totalsShown.flags, inventory.length);
      assert.equal(totalsShown.unregistered, 1);
      assert.equal(
        totalsShown.evaluations,
        inventory.reduce((n, r) => n + r.references, 0),
      );
    });

    await check('the filter narrows the flag table by text and by status', async () => {
      const visible = () =>
        page.$$eval('tr.flag-row', (rows) => rows.filter((r) => !r.hidden).map((r) => r.dataset.key));
      assert.equal((await visible()).length, inventory.length);
      await page.fill('#filter', 'checkout');
      assert.deepEqual((await visible()).sort(), ['express-checkout', 'gift-wrap', 'saved-cards']);
      assert.equal(await page.textContent('#filter-count'), `3 of ${inventory.length} flags`);
      await page.fill('#filter', '');
      await page.selectOption('#status-filter', 'active');
      assert.deepEqual((await visible()).sort(), [
        'maintenance-mode',
        'plant-catalogue-v2',
        'plant-finder',
        'saved-cards',
        'seed-subscription-test',
      ]);
      await page.selectOption('#status-filter', '');
    });

    await check('a key and a description holding markup are shown as text, never run', async () => {
      assert.equal(await page.evaluate(() => window.pwned), undefined);
      assert.equal(await page.$$eval('body script', (s) => s.length), 3);
      const row = page.locator('tr.flag-row[data-status="deprecated"]');
      assert.match(await row.innerText(), /<script>window\.pwned=1<\/script>/);
      assert.match(await row.innerText(), /<img src=x onerror="window\.pwned=2">/);
      assert.equal(await page.locator('img').count(), 0);
    });

    await check('the dependency map is drawn with its cycle and its unknown link marked', async () => {
      const nodes = await page.$$eval('svg.map g.node', (gs) =>
        gs.map((g) => [g.dataset.key, g.getAttribute('class')]),
      );
      const cls = Object.fromEntries(nodes);
      assert.equal(cls['express-checkout'], 'node cycle');
      assert.equal(cls['wrap-inventory-service'], 'node unknown');
      assert.equal(cls['plant-finder'], 'node ok');
      assert.equal(await page.locator('svg.map path.edge.cycle').count(), 2);
      assert.match(
        await page.locator('#map + .map-wrap + p').innerText(),
        /5 flags without dependencies are not drawn/,
      );
    });

    await check('saves screenshots of the report and of the map', async () => {
      fs.mkdirSync(artifactsDir, { recursive: true });
      await page.screenshot({ path: path.join(artifactsDir, 'report.png'), fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(artifactsDir, 'report-top.png') });
      await page.locator('.map-wrap').screenshot({ path: path.join(artifactsDir, 'report-map.png') });
      assert.ok(fs.statSync(path.join(artifactsDir, 'report.png')).size > 10_000);
    });
  } finally {
    await context.close();
    await own?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return totals;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const totals = await runReportTests();
  console.log(`report e2e: ${totals.passes} passed, ${totals.failures} failed${totals.pending ? ', skipped' : ''}`);
  process.exitCode = totals.failures > 0 ? 1 : 0;
}
