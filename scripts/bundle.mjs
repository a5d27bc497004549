#!/usr/bin/env node
// Bundles the extension and its language server with esbuild, so the .vsix ships self-contained
// files and no node_modules:
//   client/src/extension.ts -> dist/extension.js  ('vscode' is provided by the editor)
//   server/src/lsp/main.ts  -> dist/server.js     (the language server) and
//   server/src/cli/main.ts  -> dist/cli-main.js   (the CLI, run by the launcher dist/cli.js, package.json's
//                              bin, with V8's code cache: cli/launcher.ts), both with ts-morph in a file
//                              dist/compiler.js    of its own: the server loads it with V8's code
//                                                  cache, the CLI with a plain require (see the
//                                                  entries below); the CLI requires it only when it
//                                                  parses a file, so a warm run never reads its 13 MB
//                              dist/parser.js      the scanner and parser alone (scripts/parser-bundle.mjs),
//                                                  which the CLI loads instead unless it type-checks
// Usage: node scripts/bundle.mjs [--minify] [--sourcemap] [--check]
//   --check also starts dist/server.js and asks it to initialize over stdio, and runs dist/cli.js on
//   the example workspace, to prove the bundles load.
//
// ts-morph: @ts-morph/common ships the TypeScript compiler (dist/typescript.js) and embeds the
// standard lib .d.ts texts in its own JS, so the bundle needs no files beside it, also for the
// type-checking that flag removal runs. esbuild only warns about TypeScript's optional dynamic
// requires (source-map-support, inspector, ...) that are guarded at run time.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parserBundleSource } from './parser-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const minify = args.has('--minify');
const sourcemap = args.has('--sourcemap');

/**
 * `require('ts-morph')` (and `@ts-morph/common`) in the server and CLI bundles loads dist/compiler.js beside it at run time, through
 * server/src/cli/compilerLoader.ts (which keeps V8's code cache of it unless told `codeCache: false`).
 */
const compilerBeside = (cacheOptions = {}) => ({
  name: 'compiler-beside',
  setup(build) {
    build.onResolve({ filter: /^(ts-morph|@ts-morph\/common)$/ }, () => ({
      path: 'ts-morph',
      namespace: 'compiler-beside',
    }));
    // An ES module with named exports, not `module.exports = …`: esbuild reads a CommonJS module's
    // names through a getter on every access, and the detectors read `ts.…` millions of times a scan.
    // Only the names the sources import are exported (scripts/compiler-entry.cjs has them all); a
    // new one fails the build ("No matching export") rather than going missing at run time.
    build.onLoad({ filter: /.*/, namespace: 'compiler-beside' }, () => ({
      contents: [
        `import { loadCompiler } from ${JSON.stringify(path.join(root, 'server/src/cli/compilerLoader.ts'))};`,
        `const compiler = loadCompiler(__dirname, ${JSON.stringify(cacheOptions)});`,
        'export const ts = compiler.ts;',
        'export const getLibFiles = compiler.getLibFiles;',
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
});

const entries = [
  { entry: 'client/src/extension.ts', outfile: 'dist/extension.js', external: ['vscode'] },
  // The language server parses the open file at once, so it needs the compiler before its first
  // answer too; taking it from dist/compiler.js gives it V8's code cache (issue #12: the
  // compile of the 13 MB was most of the start-up's module loading). Written 20 s after the load,
  // when the first scan has compiled what a start-up runs (see compilerLoader.ts).
  {
    entry: 'server/src/lsp/main.ts',
    outfile: 'dist/server.js',
    external: [],
    plugins: [compilerBeside({ saveAfterMs: 20_000 })],
  },
  // The CLI: dist/cli.js (package.json's bin) is a small launcher that runs dist/cli-main.js with
  // V8's code cache (cli/launcher.ts); the compiler is required plainly, only when a file is parsed,
  // and it is dist/parser.js (below) unless the command type-checks (cli/compilerLoader.ts).
  {
    entry: 'server/src/cli/main.ts',
    outfile: 'dist/cli-main.js',
    external: [],
    plugins: [compilerBeside({ codeCache: false, parserOnly: true })],
  },
  { entry: 'server/src/cli/launcher.ts', outfile: 'dist/cli.js', external: [] },
  { entry: 'scripts/compiler-entry.cjs', outfile: 'dist/compiler.js', external: [] },
];

let missing = 0;
for (const { entry, outfile, external, plugins = [] } of entries) {
  const entryPath = path.join(root, entry);
  if (!fs.existsSync(entryPath)) {
    console.error(`bundle: ${entry} does not exist yet; ${outfile} not built`);
    missing++;
    continue;
  }
  const started = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entryPath],
    outfile: path.join(root, outfile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external,
    plugins,
    minify,
    sourcemap,
    legalComments: 'none',
    // TypeScript's `require` of optional modules (guarded by try/catch) is fine to leave dynamic.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-dynamic-import': 'silent' },
    logLevel: 'warning',
    metafile: true,
  });
  const bytes = fs.statSync(path.join(root, outfile)).size;
  console.log(
    `bundle: ${outfile} ${(bytes / 1024 / 1024).toFixed(1)} MB in ${Date.now() - started} ms (${result.warnings.length} warnings)`,
  );
}

if (missing > 0) process.exit(1);

{
  // The scanner and parser alone, for the CLI's commands that do not type-check (issue #12).
  const started = Date.now();
  const outfile = path.join(root, 'dist', 'parser.js');
  fs.writeFileSync(outfile, parserBundleSource());
  const bytes = fs.statSync(outfile).size;
  console.log(`bundle: dist/parser.js ${(bytes / 1024 / 1024).toFixed(1)} MB in ${Date.now() - started} ms`);
}

if (args.has('--check')) {
  await checkServer(path.join(root, 'dist', 'server.js'));
  await checkCli(path.join(root, 'dist', 'cli.js'));
}

/** Runs the bundled CLI on the example workspace: it must load, find the compiler beside it and report. */
async function checkCli(cliPath) {
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(
    process.execPath,
    [cliPath, 'list', path.join(root, 'examples', 'shop'), '--no-cache', '--format', 'json'],
    { encoding: 'utf8' },
  );
  const inventory = run.status === 0 ? JSON.parse(run.stdout) : undefined;
  if (!Array.isArray(inventory?.inventory) || inventory.inventory.length === 0)
    throw new Error(`dist/cli.js list failed (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  console.log('bundle: dist/cli.js lists the example workspace');
}

/** Starts the bundled server over stdio and waits for its answer to `initialize`. */
async function checkServer(serverPath) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const message = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { processId: process.pid, rootUri: null, capabilities: {} },
  });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
  const answer = await new Promise((resolve, reject) => {
    let data = '';
    const timer = setTimeout(() => reject(new Error('dist/server.js did not answer initialize within 20 s')), 20_000);
    child.stdout.on('data', (chunk) => {
      data += chunk;
      if (data.includes('"id":1')) {
        clearTimeout(timer);
        resolve(data);
      }
    });
    child.on('exit', (code) => reject(new Error(`dist/server.js exited with ${code} before answering initialize`)));
  }).finally(() => child.kill());
  if (!answer.includes('"capabilities"'))
    throw new Error(`dist/server.js answered initialize without capabilities: ${answer.slice(0, 500)}`);
  console.log('bundle: dist/server.js answers initialize');
}
