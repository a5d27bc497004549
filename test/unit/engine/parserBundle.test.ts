import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * `flaglint check` loads dist/parser.js, the scanner and parser cut out of the full compiler by
 * scripts/parser-bundle.mjs (issue #12), instead of dist/compiler.js. Its findings must be the full
 * compiler's: every fixture workspace is scanned once with each, in processes of their own, and the
 * results compared.
 */
describe('the parser-only compiler (dist/parser.js)', function () {
  this.timeout(120_000);
  // Compiled to out/test/unit/engine: the repository is four folders up.
  const repo = path.resolve(__dirname, '../../../..');
  const engine = path.resolve(__dirname, '../../../server/src/core/engine/flagIndex.js');
  let dir: string;
  let parser: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-parser-'));
    parser = path.join(dir, 'parser.js');
    execFileSync(process.execPath, [path.join(repo, 'scripts/parser-bundle.mjs'), parser]);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Fixture folders with a registry or sources to scan: detection's, the workspaces', the CLI's and this test's own. */
  const roots = (): string[] => {
    const under = (folder: string): string[] =>
      fs
        .readdirSync(path.join(repo, folder), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => path.join(repo, folder, e.name));
    return [
      ...under('test/fixtures/detect'),
      ...under('test/fixtures/workspaces'),
      ...under('test/fixtures/cli'),
      path.join(repo, 'test/fixtures/parser-only'),
      path.join(repo, 'examples/shop'),
    ];
  };

  /** Scans every root in a fresh process, `ts-morph` answered by the parser-only bundle when given. */
  const scanAll = (withParser?: string): string => {
    const script = `
      const Module = require('node:module');
      const parser = ${JSON.stringify(withParser ?? null)};
      if (parser) {
        const stand = { ts: require(parser).ts };
        const load = Module._load;
        Module._load = function (request, ...rest) {
          return request === 'ts-morph' ? stand : load.call(this, request, ...rest);
        };
      }
      const { FlagIndex } = require(${JSON.stringify(engine)});
      (async () => {
        const out = [];
        for (const root of ${JSON.stringify(roots())}) {
          const r = await new FlagIndex({ root, cacheDir: false, now: new Date('2026-12-01T00:00:00Z') }).scan();
          out.push({ root, references: r.references, dynamic: r.dynamic, findings: r.findings, notes: r.notes, parsed: r.stats.parsed });
        }
        const full = Object.keys(require.cache).some((k) => k.includes('${path.sep}@ts-morph${path.sep}common${path.sep}'));
        process.stdout.write(JSON.stringify({ full, out }));
      })();`;
    return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  };

  it('finds, resolves and notes exactly what the full compiler does on every fixture workspace', () => {
    const full = JSON.parse(scanAll()) as {
      full: boolean;
      out: { references: unknown[]; notes: { kind: string }[] }[];
    };
    const cut = JSON.parse(scanAll(parser)) as typeof full;
    assert.equal(full.full, true);
    assert.equal(cut.full, false, 'the parser-only scan must not load the full compiler');
    assert.ok(full.out.some((r) => r.references.length > 0));
    // This test's own fixture has a syntax error: its note's message comes from the compiler's messages.
    assert.ok(full.out.some((r) => r.notes.some((n) => n.kind === 'syntax-error')));
    assert.deepEqual(cut.out, full.out);
  });

  it('leaves the type checker and the language service out, and keeps every name the scan reads', () => {
    const text = fs.readFileSync(parser, 'utf8');
    assert.ok(!text.includes('function createTypeChecker('));
    assert.ok(!text.includes('function createLanguageService('));
    const script = `
      const cut = require(${JSON.stringify(parser)}).ts;
      const full = require('ts-morph').ts;
      const missing = Object.keys(full).filter((k) => !(k in cut));
      process.stdout.write(JSON.stringify(missing));`;
    const missing = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
    // Every `ts.X` that the engine's detection, resolution and editor trees read is there.
    for (const folder of ['server/src/core/detect', 'server/src/core/resolve', 'server/src/core/engine']) {
      for (const file of fs.readdirSync(path.join(repo, folder)).filter((f) => f.endsWith('.ts'))) {
        const source = fs.readFileSync(path.join(repo, folder, file), 'utf8');
        for (const m of source.matchAll(/\bts\.([A-Za-z_$][\w$]*)/g))
          assert.ok(!missing.includes(m[1]!), `${folder}/${file} reads ts.${m[1]}, which dist/parser.js lacks`);
      }
    }
  });
});
