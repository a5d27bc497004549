import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stripJsonComments } from '../../../server/src/core/resolve/moduleResolver';
import { copyWorkspace } from '../../helpers/workspace';

/**
 * Loading the TypeScript compiler costs more than a warm scan of a large workspace: a scan served
 * from the cache, or one where no file can hold a flag call, must not load it at all.
 */
describe('the compiler is loaded only when a file is parsed', function () {
  this.timeout(60_000);
  let ws: { root: string; cleanup: () => void };
  let cacheHome: string;
  const engine = path.resolve(__dirname, '../../../server/src/core/engine/flagIndex.js');
  /** Scans in a fresh process; answers whether ts-morph was loaded and what was found. */
  const scanInChild = (root: string): { compiler: boolean; references: number; parsed: number } => {
    const script = `
      const { FlagIndex } = require(${JSON.stringify(engine)});
      new FlagIndex({ root: ${JSON.stringify(root)}, now: new Date('2026-11-21T00:00:00Z') }).scan().then((r) => {
        const compiler = Object.keys(require.cache).some((k) => k.includes('${path.sep}ts-morph${path.sep}'));
        process.stdout.write(JSON.stringify({ compiler, references: r.references.length, parsed: r.stats.parsed }));
      });`;
    return JSON.parse(
      execFileSync(process.execPath, ['-e', script], {
        encoding: 'utf8',
        env: { ...process.env, FLAGLINT_CACHE_DIR: cacheHome },
      }),
    ) as { compiler: boolean; references: number; parsed: number };
  };

  beforeEach(() => {
    ws = copyWorkspace('examples/shop');
    cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-lazy-'));
    const old = new Date(Date.now() - 60_000);
    const age = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) age(p);
        else fs.utimesSync(p, old, old);
      }
    };
    age(ws.root);
  });
  afterEach(() => {
    ws.cleanup();
    fs.rmSync(cacheHome, { recursive: true, force: true });
  });

  it('a cold scan loads it, a warm scan of the same files does not, and both find the same', () => {
    const cold = scanInChild(ws.root);
    assert.equal(cold.compiler, true);
    assert.ok(cold.parsed > 0 && cold.references > 0);
    const warm = scanInChild(ws.root);
    assert.deepEqual(warm, { compiler: false, references: cold.references, parsed: 0 });
  });

  it('a cold scan whose prefilter matches no file does not load it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-noflags-'));
    try {
      fs.mkdirSync(path.join(root, 'src'));
      fs.writeFileSync(
        path.join(root, 'src', 'math.ts'),
        'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
      );
      fs.writeFileSync(
        path.join(root, 'tsconfig.json'),
        '{\n  // paths for the app\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] }, },\n}\n',
      );
      assert.deepEqual(scanInChild(root), { compiler: false, references: 0, parsed: 0 });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the front ends load the compiler only when a file is parsed', () => {
  it('loading the service (every CLI command and the server load it) does not load the compiler', () => {
    // A value import of a detector from any module of the service would load ts-morph at start-up,
    // before a warm scan that never parses (discovery once did).
    const service = path.resolve(__dirname, '../../../server/src/core/service/index.js');
    const script = `require(${JSON.stringify(service)});
      process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('${path.sep}ts-morph${path.sep}'))));`;
    assert.deepEqual(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })), []);
  });
});

describe('tsconfig reading without the compiler', () => {
  it('drops comments and trailing commas but keeps them inside strings', () => {
    const text =
      '{\n  // a comment\n  "a": "x // not a comment, }", /* block */\n  "b": [1, 2,],\n  "c": { "d": "\\"/*\\"", },\n}\n';
    assert.deepEqual(JSON.parse(stripJsonComments(text)), { a: 'x // not a comment, }', b: [1, 2], c: { d: '"/*"' } });
  });
});
