import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { discoveryParses } from '../../../server/src/core/engine/lazyDiscovery';
import type { EngineOptions, ScanResult } from '../../../server/src/core/engine/types';
import { discoveryHint, proposeScan } from '../../../server/src/core/service/discovery';
import { copyWorkspace, NOW } from '../../helpers/workspace';

/**
 * The hint of `flaglint check` and the scan section `flaglint init` proposes come from sites the
 * scan gathers with its own reads and keeps in its cache (issue #12): the same proposals as reading
 * every file again, and a warm run parses nothing for them.
 */
describe('discovery with the scan and its cache', () => {
  const made: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of made.splice(0)) cleanup();
  });

  /** A copy of a fixture whose files are old enough for the cache to trust their size and mtime. */
  function workspace(rel: string): { root: string; cacheDir: string } {
    const { root, cleanup } = copyWorkspace(rel);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-dcache-'));
    made.push(cleanup, () => fs.rmSync(cacheDir, { recursive: true, force: true }));
    const past = new Date(Date.now() - 3_600_000);
    for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true }))
      if (e.isFile()) fs.utimesSync(path.join(e.parentPath, e.name), past, past);
    return { root, cacheDir };
  }

  async function scan(
    root: string,
    cacheDir: string | false,
    discover?: EngineOptions['discover'],
  ): Promise<ScanResult> {
    return new FlagIndex({ root, cacheDir, now: NOW, ...(discover ? { discover } : {}) }).scan();
  }

  /** What proposeScan gave before the scan gathered sites: every listed file read from disk. */
  const byReading = (root: string, result: ScanResult) => proposeScan(root, { ...result, discovery: undefined });

  for (const rel of ['test/fixtures/detect/discovery', 'examples/shop']) {
    it(`proposes what reading every file proposes, cold and warm (${rel})`, async () => {
      const { root, cacheDir } = workspace(rel);
      const cold = await scan(root, cacheDir, 'always');
      assert.ok(cold.discovery, 'the scan gathered sites');
      const expected = byReading(root, cold);
      assert.deepEqual(proposeScan(root, cold), expected);
      assert.equal(discoveryHint(proposeScan(root, cold)), discoveryHint(expected));

      const before = discoveryParses();
      const warm = await scan(root, cacheDir, 'always');
      assert.equal(discoveryParses(), before, 'a warm scan parses no file for discovery');
      assert.equal(warm.stats.cached, warm.stats.files);
      assert.deepEqual(proposeScan(root, warm), expected);
      // Without a cache the sites come from the scan's reads alone.
      assert.deepEqual(proposeScan(root, await scan(root, false, 'always')), expected);
    });
  }

  it('finds a site added to a file the cache knew, and sites a scan without discovery did not keep', async () => {
    const { root, cacheDir } = workspace('test/fixtures/detect/discovery');
    // A scan that did not want sites (check --format json) leaves entries without them.
    assert.equal((await scan(root, cacheDir)).discovery, undefined);
    const first = await scan(root, cacheDir, 'always');
    assert.deepEqual(proposeScan(root, first), byReading(root, first));
    assert.ok(proposeScan(root, first).length > 0);
    assert.ok(!proposeScan(root, first).some((p) => p.name === 'isPlanFeatureOn'));

    const menu = path.join(root, 'src/settings/menu.ts');
    fs.appendFileSync(
      menu,
      "\ndeclare function isPlanFeatureOn(key: string): boolean;\nexport const darkMenu = isPlanFeatureOn('dark-menu');\n",
    );
    const after = await scan(root, cacheDir, 'always');
    const added = proposeScan(root, after).find((p) => p.name === 'isPlanFeatureOn');
    assert.equal(added?.example, `src/settings/menu.ts:${fs.readFileSync(menu, 'utf8').split('\n').length - 1}`);
    assert.deepEqual(proposeScan(root, after), byReading(root, after));
  });

  it("gathers nothing for check's hint when a registry already describes the flag API", async () => {
    const { root, cacheDir } = workspace('test/fixtures/detect/discovery');
    assert.ok((await scan(root, cacheDir, 'undescribed')).discovery, 'no registry: the hint is wanted');
    fs.writeFileSync(path.join(root, 'flags.yaml'), 'scan:\n  functions:\n    - getLicenseFeatureFlag\nflags: {}\n');
    const before = discoveryParses();
    assert.equal((await scan(root, cacheDir, 'undescribed')).discovery, undefined);
    assert.equal(discoveryParses(), before);
  });
});
