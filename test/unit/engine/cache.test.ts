import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { NOW, copyWorkspace, summarize } from '../../helpers/workspace';
import { must } from '../../helpers/must';

/** The persistent cache may make a scan cheap, never wrong. */
describe('analysis cache', () => {
  let ws: { root: string; cleanup: () => void };
  let cacheDir: string;
  const file = (rel: string): string => path.join(ws.root, rel);
  const scan = (cache = true) => new FlagIndex({ root: ws.root, cacheDir: cache ? cacheDir : false, now: NOW }).scan();
  /** Puts every file's mtime well before the cache write, as it is for files nobody touched recently. */
  const ageFiles = (dir: string): void => {
    const old = new Date(Date.now() - 60_000);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) ageFiles(p);
      else fs.utimesSync(p, old, old);
    }
  };

  beforeEach(() => {
    ws = copyWorkspace('examples/shop');
    cacheDir = path.join(ws.root, '.flaglint-cache');
    ageFiles(ws.root);
  });
  afterEach(() => ws.cleanup());

  it('serves an unchanged workspace from the cache with the same results', async () => {
    const first = await scan();
    assert.ok(first.stats.parsed > 0);
    assert.ok(fs.existsSync(path.join(cacheDir, '.gitignore')), 'the cache folder ignores itself for git');
    const second = await scan();
    assert.equal(second.stats.parsed, 0, 'nothing is parsed again');
    assert.equal(second.stats.cached, second.stats.files);
    assert.deepEqual(summarize(second), summarize(first));
  });

  it('re-reads an edited file, forgets a deleted one and finds a renamed one', async () => {
    await scan();
    fs.writeFileSync(
      file('apps/web/src/components/Header.tsx'),
      fs.readFileSync(file('apps/web/src/components/Header.tsx'), 'utf8').replace("'holiday-banner'", "'winter-sale'"),
    );
    fs.rmSync(file('apps/api/src/routes/search.ts'));
    fs.renameSync(file('apps/api/src/routes/orders.ts'), file('apps/api/src/routes/orderRoutes.ts'));
    const warm = await scan();
    const fresh = await scan(false);
    assert.deepEqual(summarize(warm), summarize(fresh));
    assert.ok(warm.references.some((r) => r.key === 'winter-sale'));
    assert.ok(!warm.references.some((r) => r.location.file.endsWith('search.ts')));
    assert.ok(warm.references.some((r) => r.location.file.endsWith('orderRoutes.ts')));
  });

  it('never trusts an entry whose file changed within the same moment it was cached', async () => {
    const target = file('apps/web/src/components/Header.tsx');
    // A file saved just before the scan: its entry is cached in the same mtime tick as the write.
    const recent = new Date();
    fs.utimesSync(target, recent, recent);
    await scan();
    const text = fs.readFileSync(target, 'utf8');
    const changed = text.replace("'holiday-banner'", "'holiday-bannex'");
    assert.notEqual(changed, text);
    assert.equal(changed.length, text.length, 'same size');
    fs.writeFileSync(target, changed);
    fs.utimesSync(target, recent, recent);
    // Size and mtime are what the cache recorded; only the content hash can tell.
    const second = await scan();
    assert.ok(
      second.references.some((r) => r.key === 'holiday-bannex'),
      'the changed key is found',
    );
    assert.ok(!second.references.some((r) => r.key === 'holiday-banner'), 'the stale key is gone');
  });

  it('ignores a corrupt cache file and one made with another registry scan configuration', async () => {
    await scan();
    fs.writeFileSync(path.join(cacheDir, 'index.jsonl'), '{ not json');
    const afterCorruption = await scan();
    assert.ok(afterCorruption.stats.parsed > 0);
    assert.deepEqual(summarize(afterCorruption), summarize(await scan(false)));

    const reg = file('flags.yaml');
    const registryText = fs.readFileSync(reg, 'utf8');
    const withoutCustom = registryText.replace(/ {4}- name: useShopFlag\n(?: {6}.*\n)*/, '');
    assert.notEqual(withoutCustom, registryText, 'the example declares useShopFlag as a custom function');
    fs.writeFileSync(reg, withoutCustom);
    const afterConfig = await scan();
    assert.ok(afterConfig.stats.parsed > 0, 'a different scan configuration re-analyses');
    assert.ok(must(afterConfig.registries[0]).flags.size > 0, 'the registry still loads');
    assert.ok(
      !afterConfig.references.some((r) => r.source === 'custom'),
      'the removed custom function no longer counts',
    );
  });

  it('re-reads an edited registry and serves an unchanged one from the cache', async () => {
    const first = await scan();
    assert.ok(first.findings.some((f) => f.ruleId === 'missing-owner' && f.flagKey === 'product-reviews-v2'));
    assert.deepEqual(
      summarize(await scan()),
      summarize(first),
      'an unchanged registry gives the same findings from the cache',
    );
    const reg = file('flags.yaml');
    const text = fs.readFileSync(reg, 'utf8');
    const owned = text.replace('\n  product-reviews-v2:\n', '\n  product-reviews-v2:\n    owner: "@catalog-team"\n');
    assert.notEqual(owned, text, 'the example registers product-reviews-v2 without an owner');
    fs.writeFileSync(reg, owned);
    const after = await scan();
    assert.ok(
      !after.findings.some((f) => f.ruleId === 'missing-owner' && f.flagKey === 'product-reviews-v2'),
      'the new owner is seen',
    );
  });

  it('--no-cache (cacheDir false) writes nothing', async () => {
    await scan(false);
    assert.equal(fs.existsSync(cacheDir), false);
  });
});
