import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as vm from 'node:vm';
// This module runs before the rest of the CLI is loaded (it installs the compiler's loader), so it
// takes these two small modules directly instead of the whole of core/service.
// eslint-disable-next-line no-restricted-imports
import {
  openCacheFolder,
  prepareForWrite,
  readSealed,
  userCacheBase,
  writeSealed,
  type CacheFolder,
} from '../core/engine/cacheFolder';
// eslint-disable-next-line no-restricted-imports
import { toolVersion } from '../core/engine/toolVersion';

/** When the code cache is written, given to `loadCompiler`. */
export interface CompilerCacheOptions {
  /**
   * Write it this long after the load instead of at exit. The language server passes it: it runs
   * until the editor closes, and a client that kills it after the `exit` notification would cut a
   * write at exit short. By then its first scan has compiled the functions a start-up needs.
   */
  saveAfterMs?: number;
  /**
   * false: a plain `require`, no code cache. The CLI passes it: on 18,936 real files, `check
   * --no-cache` medians of 5 alternating runs were 3.90 s CPU / 212 MB peak with the code cache and
   * 4.02 s / 186 MB without; the ~0.1 s saved did not pay for 26 MB more peak while the scan's data
   * is alive (vm.Script's wrapped copy of the source, the cache as a base64 string and a buffer).
   */
  codeCache?: boolean;
  /**
   * Load dist/parser.js (the scanner and parser alone, scripts/parser-bundle.mjs) unless the process
   * asked for the type checker first (`needTypeChecker`). The CLI passes it: a check only parses,
   * and the full 13.5 MB took most of a cold run's module loading and ~35 MB of its peak (issue #12).
   */
  parserOnly?: boolean;
}

/** Whether a command that type-checks asked for the full compiler before anything was parsed. */
let typeCheckerNeeded = false;
/** Whether the parser-only compiler is loaded: the full one can then no longer be had. */
let parserOnlyLoaded = false;

/**
 * Called by a command that type-checks (`flaglint remove` verifies its result) before its first
 * parse: the compiler loaded is then the full one. One compiler per process, so that every tree
 * the removal reads and prints came from the same `ts`; asking after the parser-only one is loaded
 * is a programming error, thrown so that a test finds it rather than a user.
 */
export function needTypeChecker(): void {
  if (parserOnlyLoaded)
    throw new Error('the parser-only compiler is already loaded: needTypeChecker() must come before the first parse');
  typeCheckerNeeded = true;
}

/**
 * Loads the bundled compiler (dist/compiler.js, ~13 MB) for the CLI and server bundles, with V8's code cache.
 * Compiling it costs a quarter of a second on every cold run that parses a file; with the code
 * that V8 made last time (kept in the user's cache folder, sealed like the analysis cache, since
 * code from a forged file would run) it is mostly deserialised instead. Node 20 has no built-in
 * compile cache for CommonJS (22 has `module.enableCompileCache`). Any failure falls back to require.
 */
export function loadCompiler(dir: string, options: CompilerCacheOptions = {}): unknown {
  const parser = path.join(dir, 'parser.js');
  if (options.parserOnly && !typeCheckerNeeded && fs.existsSync(parser)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ts } = require(parser) as { ts: unknown };
    parserOnlyLoaded = true;
    return { ts, getLibFiles: typeCheckerMissing };
  }
  const file = path.join(dir, 'compiler.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (options.codeCache === false) return require(file) as unknown;
  return loadWithCodeCache(file, 'compiler', options.saveAfterMs);
}

/** The parser-only compiler's stand-in for what only a type check reads. */
function typeCheckerMissing(): never {
  throw new Error('the type checker was not loaded: call needTypeChecker() before the first parse');
}

/**
 * Runs a bundled CommonJS file as `require` would, compiled with the code V8 made of it last time
 * (`<name>-<version>-<node>-<arch>.v8cache` in the user's cache folder, sealed like the analysis
 * cache: V8 checks that the code fits the source, not where it came from, and code from a forged
 * file would run). Without a usable cache the file is compiled and the cache written at exit (or
 * `saveAfterMs` after the load), so that it holds the functions the run compiled lazily too. Any
 * failure of the cache falls back to a plain require; the file's own exceptions propagate.
 */
export function loadWithCodeCache(file: string, name: string, saveAfterMs?: number): unknown {
  let script: vm.Script;
  let usable: CacheFolder | undefined;
  let stored: string | undefined;
  let cacheName = '';
  let base = '';
  try {
    base = userCacheBase();
    const folder = openCacheFolder(base, base);
    usable = 'note' in folder ? undefined : folder;
    cacheName = `${name}-${toolVersion()}-${process.version}-${process.arch}.v8cache`;
    stored = usable ? readSealed(usable, cacheName) : undefined;
    const text = fs.readFileSync(file, 'utf8');
    // A hashbang line (the CLI bundle's) is no JavaScript inside the wrapper; require drops it too.
    const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
    const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
    script = new vm.Script(wrapper, {
      filename: file,
      ...(stored ? { cachedData: Buffer.from(stored, 'base64') } : {}),
    });
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as unknown;
  }
  const mod = { exports: {} as unknown, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: typeof mod, f: string, d: string) => void)(
    mod.exports,
    createRequire(file),
    mod,
    file,
    path.dirname(file),
  );
  mod.loaded = true;
  if (usable && (!stored || script.cachedDataRejected)) {
    const folder = usable;
    // Written late, the cache also holds the functions this run compiled lazily.
    let written = false;
    const save = () => {
      if (written) return;
      written = true;
      try {
        if (prepareForWrite(folder, base)) writeSealed(folder, cacheName, script.createCachedData().toString('base64'));
      } catch {
        // Only speed is lost.
      }
    };
    process.once('exit', save);
    if (saveAfterMs !== undefined) setTimeout(save, saveAfterMs).unref();
  }
  return mod.exports;
}
