import * as path from 'node:path';

/**
 * Loads the bundled compiler (dist/compiler.js, ~13 MB) for the CLI bundle, on the first parse.
 *
 * A plain `require`, measured against the V8 code cache this loader used to keep (a sealed
 * `.v8cache` in the user's cache folder, compiled through `vm.Script`): on 18,936 real files,
 * `check --no-cache` medians of 5 alternating runs were 3.90 s CPU / 212 MB peak with the code
 * cache and 4.02 s / 186 MB without. The ~0.1 s saved did not pay for 26 MB more peak memory while
 * the scan's data is alive (the wrapped source copy vm.Script needs, the cache read as a base64
 * string and decoded into a buffer, the deserialised code).
 */
export function loadCompiler(dir: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(dir, 'compiler.js')) as unknown;
}
