import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openCacheFolder, type CacheFolder } from '../../../server/src/core/engine/cacheFolder';
import { walkWorkspace } from '../../../server/src/core/engine/fileWalker';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { walkWithCache } from '../../../server/src/core/engine/walkCache';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { NOW, copyWorkspace } from '../../helpers/workspace';

/**
 * A warm one-shot scan (the CLI's: `reuseResults`) may take the last run's whole result, and the
 * walk's listing, from the cache: it must report exactly what a scan without any cache reports, and
 * exactly what a scan from the analysis cache alone reports (stats included), after every kind of
 * change a user makes between two runs.
 */
describe('kept scan results and walk (warm path)', function () {
  this.timeout(60_000);
  let ws: { root: string; cleanup: () => void };
  let cacheDir: string;
  let step = 0;
  const file = (rel: string): string => path.join(ws.root, rel);
  const warm = (now = NOW) => new FlagIndex({ root: ws.root, cacheDir, now, reuseResults: true }).scan();
  const analysisCacheOnly = (dir: string) => new FlagIndex({ root: ws.root, cacheDir: dir, now: NOW }).scan();
  const noCache = (now = NOW) => new FlagIndex({ root: ws.root, cacheDir: false, now }).scan();
  /**
   * Everything a report shows but the timing; the counts of parsed and cached files only when asked.
   * References and dynamic keys sorted: a scan lists them in the order it resolved files, which
   * differs between a cold scan and one from the analysis cache (the reports sort them).
   */
  const view = (r: ScanResult, withCounts = false): unknown =>
    JSON.parse(
      JSON.stringify({
        ...r,
        references: r.references.map((ref) => JSON.stringify(ref)).sort(),
        dynamic: r.dynamic.map((d) => JSON.stringify(d)).sort(),
        registries: r.registries.map((g) => ({ ...g, flags: [...g.flags] })),
        stats: withCounts ? { ...r.stats, ms: 0 } : { files: r.stats.files },
      }),
    ) as unknown;
  /**
   * Gives paths an mtime well in the past, as files nobody touched recently have (a change within
   * the racy window is never trusted, which would hide what these tests look at). Each step gets
   * its own time, so that a changed file or folder never keeps its old mtime.
   */
  const age = (...rels: string[]): void => {
    step++;
    const when = new Date(Date.now() - 3_600_000 + step * 1000);
    for (const rel of rels) fs.utimesSync(file(rel), when, when);
  };
  const ageTree = (dir: string, when: Date): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) ageTree(p, when);
      fs.utimesSync(p, when, when);
    }
    fs.utimesSync(dir, when, when);
  };
  /** The warm scan after a change, and the one after it (which takes the new kept result), agree with a scan without cache. */
  const agrees = async (now = NOW): Promise<ScanResult> => {
    const truth = view(await noCache(now));
    const changed = await warm(now);
    assert.deepEqual(view(changed), truth, 'the first warm scan after the change');
    assert.deepEqual(view(await warm(now)), truth, 'the next one, from the kept result');
    return changed;
  };

  beforeEach(() => {
    ws = copyWorkspace('examples/shop');
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-kept-'));
    ageTree(ws.root, new Date(Date.now() - 7_200_000));
  });
  afterEach(() => {
    ws.cleanup();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reports an unchanged tree as the scans without it do, counts included', async () => {
    const first = await warm();
    assert.ok(fs.existsSync(path.join(cacheDir, 'results.jsonl')), 'the result is kept');
    assert.ok(fs.existsSync(path.join(cacheDir, 'walk.jsonl')), 'the walk is kept');
    const second = await warm();
    assert.deepEqual(view(second), view(first));
    assert.deepEqual(view(second), view(await noCache()));
    // What the analysis cache alone reports on its second run (same counts: nothing parsed).
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-kept-other-'));
    try {
      await analysisCacheOnly(other);
      assert.deepEqual(view(second, true), view(await analysisCacheOnly(other), true));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
    assert.equal(second.stats.parsed, 0);
  });

  it('sees a changed file, a changed registry and a new day', async () => {
    const before = await warm();
    const checkout = 'apps/web/src/pages/CheckoutPage.tsx';
    fs.writeFileSync(
      file(checkout),
      fs.readFileSync(file(checkout), 'utf8').replace("'saved-payment-methods'", "'renamed-flag'"),
    );
    age(checkout);
    const edited = await agrees();
    assert.notDeepEqual(view(edited), view(before), 'the edit shows');

    const registry = fs.readFileSync(file('flags.yaml'), 'utf8');
    fs.writeFileSync(file('flags.yaml'), registry.replace(/^owners:\n/m, 'owners:\n  - "@someone-new"\n'));
    age('flags.yaml');
    await agrees();
    fs.writeFileSync(file('flags.yaml'), registry.replace(/expires: "?\d{4}-\d{2}-\d{2}"?/, 'expires: 2020-01-01'));
    age('flags.yaml');
    const expired = await agrees();
    assert.notDeepEqual(view(expired), view(edited), 'the registry edit shows');

    const later = await agrees(new Date('2031-06-01T00:00:00Z'));
    assert.notDeepEqual(later.findings, expired.findings, 'a later day judges ages anew');
  });

  it('sees a deleted file, a new file in a listed folder and a new folder', async () => {
    const before = await warm();
    fs.rmSync(file('apps/web/src/components/Reviews.tsx'));
    age('apps/web/src/components');
    const deleted = await agrees();
    assert.ok(deleted.stats.files < before.stats.files);

    fs.writeFileSync(
      file('apps/web/src/components/Extra.tsx'),
      "import { useLDClient } from 'launchdarkly-react-client-sdk';\nexport const on = () => useLDClient()?.variation('brand-new-flag', false);\n",
    );
    age('apps/web/src/components/Extra.tsx', 'apps/web/src/components');
    const added = await agrees();
    assert.ok(
      added.references.some((r) => r.key === 'brand-new-flag'),
      'the new file is scanned',
    );

    fs.mkdirSync(file('apps/web/src/extra'));
    fs.writeFileSync(
      file('apps/web/src/extra/more.ts'),
      "import { useLDClient } from 'launchdarkly-react-client-sdk';\nexport const on = () => useLDClient()?.variation('another-new-flag', false);\n",
    );
    age('apps/web/src/extra/more.ts', 'apps/web/src/extra', 'apps/web/src');
    const nested = await agrees();
    assert.ok(
      nested.references.some((r) => r.key === 'another-new-flag'),
      'the new folder is walked',
    );
  });

  it('sees a changed .gitignore, package.json and tsconfig paths', async () => {
    const before = await warm();
    fs.appendFileSync(file('.gitignore'), '\nReviews.tsx\n');
    age('.gitignore');
    const ignored = await agrees();
    assert.equal(ignored.stats.files, before.stats.files - 1, 'the newly ignored file is gone');

    const manifest = 'packages/flags/package.json';
    fs.writeFileSync(
      file(manifest),
      fs.readFileSync(file(manifest), 'utf8').replace('"@shop/flags"', '"@shop/renamed"'),
    );
    age(manifest);
    await agrees();
    const tsconfig = 'tsconfig.base.json';
    fs.writeFileSync(file(tsconfig), fs.readFileSync(file(tsconfig), 'utf8').replace('src/index.ts', 'src/missing.ts'));
    age(tsconfig);
    const unresolved = await agrees();
    assert.notDeepEqual(view(unresolved), view(ignored), 'the imports no longer resolve');
  });

  it('believes neither a forged result nor a forged walk', async () => {
    const truth = await warm();
    for (const name of ['results.jsonl', 'walk.jsonl']) {
      const p = path.join(cacheDir, name);
      // An unsealed copy with everything after the header dropped: no findings, no files.
      const [, header] = fs.readFileSync(p, 'utf8').split('\n');
      fs.writeFileSync(p, `flaglint-cache-hmac-sha256:${'0'.repeat(64)}\n${header}`);
    }
    assert.deepEqual(view(await warm()), view(truth));
  });
});

describe('kept walk', () => {
  let root: string;
  let cacheDir: string;
  const old = new Date(Date.now() - 3_600_000);
  const folder = (): CacheFolder => {
    const opened = openCacheFolder(cacheDir, root);
    assert.ok(!('note' in opened));
    return opened;
  };
  const listed = (): { files: string[]; reused: boolean } => {
    const { walk, reused } = walkWithCache(root, {}, folder());
    return { files: walk.files.map((f) => path.relative(root, f)), reused };
  };

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-walk-')));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-walk-cache-'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('is reused while nothing changed, and sees a dangling link that starts to lead somewhere', () => {
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 1;\n');
    fs.symlinkSync(path.join(root, 'later'), path.join(root, 'src', 'linked'));
    for (const p of ['src/a.ts', 'src', '.']) fs.utimesSync(path.join(root, p), old, old);
    assert.deepEqual(listed(), { files: ['src/a.ts'], reused: false });
    assert.deepEqual(listed(), { files: ['src/a.ts'], reused: true });

    // The link's target appears; the folders the walk lists keep their mtimes.
    fs.mkdirSync(path.join(root, 'later'));
    fs.writeFileSync(path.join(root, 'later', 'b.ts'), 'export const b = 1;\n');
    for (const p of ['later/b.ts', 'later', '.']) fs.utimesSync(path.join(root, p), old, old);
    // Listed twice (its own folder and through the link): what a walk without the cache says.
    const fresh = walkWorkspace(root).files.map((f) => path.relative(root, f));
    assert.ok(fresh.some((f) => f.endsWith('b.ts')));
    assert.deepEqual(listed(), { files: fresh, reused: false });
  });

  it('sees a file added to a listed folder whose mtime is old, and one deleted', () => {
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 1;\n');
    for (const p of ['src/a.ts', 'src', '.']) fs.utimesSync(path.join(root, p), old, old);
    listed();
    fs.writeFileSync(path.join(root, 'src', 'b.ts'), 'export const b = 1;\n');
    const older = new Date(old.getTime() + 1000);
    for (const p of ['src/b.ts', 'src']) fs.utimesSync(path.join(root, p), older, older);
    assert.deepEqual(listed(), { files: ['src/a.ts', 'src/b.ts'], reused: false });
    fs.rmSync(path.join(root, 'src', 'a.ts'));
    const oldest = new Date(old.getTime() + 2000);
    fs.utimesSync(path.join(root, 'src'), oldest, oldest);
    assert.deepEqual(listed(), { files: ['src/b.ts'], reused: false });
    assert.deepEqual(listed(), { files: ['src/b.ts'], reused: true });
  });
});
