import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCacheDir } from '../../../server/src/core/engine/cacheFolder';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { NOW, copyWorkspace, summarize } from '../../helpers/workspace';

/**
 * A cache can make a scan cheap, never wrong: a cache folder committed to the repository, forged,
 * made on another machine, tracked by git or linked elsewhere must not change what a scan reports
 * nor let the scan write outside the cache folder.
 */
describe('analysis cache: trust', () => {
  let ws: { root: string; cleanup: () => void };
  let cacheDir: string;
  const savedHome = process.env.FLAGLINT_CACHE_DIR;
  const scan = (dir: string | false = cacheDir) => new FlagIndex({ root: ws.root, cacheDir: dir, now: NOW }).scan();
  const ageFiles = (dir: string): void => {
    const old = new Date(Date.now() - 60_000);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) ageFiles(p);
      else fs.utimesSync(p, old, old);
    }
  };
  /** Uses another user cache folder, hence another per-machine secret: "another machine". */
  const onAnotherMachine = (): string => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-machine-'));
    process.env.FLAGLINT_CACHE_DIR = home;
    return home;
  };
  /** Rewrites every cache entry to say "no flag calls here", as a forger wanting a clean CI would. */
  const forgeNoFlags = (file: string): void => {
    const [seal, header, ...entries] = fs.readFileSync(file, 'utf8').split('\n');
    const forged = entries.map((line) => line.replace(/\t[01]\t.*$/, '\t0\tnull'));
    fs.writeFileSync(file, [seal, header, ...forged].join('\n'));
  };

  beforeEach(() => {
    ws = copyWorkspace('examples/shop');
    cacheDir = path.join(ws.root, '.flaglint-cache');
    ageFiles(ws.root);
  });
  afterEach(() => {
    process.env.FLAGLINT_CACHE_DIR = savedHome;
    ws.cleanup();
  });

  it('keeps the default cache out of the workspace, in a folder per real root path', async () => {
    const first = await scan(defaultCacheDir(ws.root));
    assert.equal(fs.existsSync(cacheDir), false, 'nothing written into the workspace');
    const dir = defaultCacheDir(ws.root);
    assert.ok(dir.startsWith(process.env.FLAGLINT_CACHE_DIR ?? ''), `${dir} lies in the user's cache folder`);
    assert.ok(fs.existsSync(path.join(dir, 'index.jsonl')));
    const secret = fs.statSync(path.join(process.env.FLAGLINT_CACHE_DIR ?? '', 'secret'));
    assert.equal(secret.mode & 0o777, 0o600, 'the per-machine secret is readable by its user alone');
    const second = await new FlagIndex({ root: ws.root, now: NOW }).scan();
    assert.equal(second.stats.parsed, 0, 'the default location is found again by the next run');
    assert.deepEqual(summarize(second), summarize(first));
  });

  it('ignores a cache whose entries were changed after it was sealed', async () => {
    const truth = summarize(await scan(false));
    assert.ok(truth.references.length > 0);
    await scan();
    forgeNoFlags(path.join(cacheDir, 'index.jsonl'));
    const after = await scan();
    assert.ok(after.stats.parsed > 0, 'the forged entries are not used');
    assert.deepEqual(summarize(after), truth);
  });

  it('ignores a cache sealed on another machine (a committed cache folder)', async () => {
    const truth = summarize(await scan(false));
    const first = onAnotherMachine();
    await scan();
    forgeNoFlags(path.join(cacheDir, 'index.jsonl'));
    fs.rmSync(first, { recursive: true, force: true });
    onAnotherMachine();
    const after = await scan();
    assert.ok(after.stats.parsed > 0);
    assert.deepEqual(summarize(after), truth);
  });

  it('refuses a cache folder that git tracks, with a note', async function () {
    const truth = summarize(await scan(false));
    await scan();
    forgeNoFlags(path.join(cacheDir, 'index.jsonl'));
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd: ws.root, stdio: 'ignore' });
    };
    try {
      git('init', '-q');
      git('add', '-f', '.flaglint-cache/index.jsonl');
    } catch {
      this.skip();
    }
    const after = await scan();
    assert.deepEqual(summarize(after), truth);
    const note = after.notes.find((n) => n.kind === 'cache-refused');
    assert.ok(note, 'a cache-refused note');
    assert.match(note.message, /git tracks it/);
  });

  it('never writes through a cache folder that is a symbolic link', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-elsewhere-'));
    try {
      fs.writeFileSync(path.join(elsewhere, 'index.jsonl'), 'precious\n');
      fs.symlinkSync(elsewhere, cacheDir, 'dir');
      const result = await scan();
      assert.deepEqual(fs.readdirSync(elsewhere), ['index.jsonl'], 'nothing added where the link points');
      assert.equal(fs.readFileSync(path.join(elsewhere, 'index.jsonl'), 'utf8'), 'precious\n');
      assert.ok(result.notes.some((n) => n.kind === 'cache-refused' && /symbolic link/.test(n.message)));
      assert.deepEqual(summarize(result), summarize(await scan(false)));
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
