/* eslint-disable @typescript-eslint/no-require-imports */
import type * as RemoveModule from '../remove';

let loaded: typeof RemoveModule | undefined;

/**
 * The removal refactor (core/remove), loaded on first use: it pulls in the TypeScript compiler
 * (about half a second), which a `flaglint check` served from the cache never needs. `require`, not
 * `import`, keeps it lazy in the compiled output and in the esbuild bundles alike.
 */
export function removalModule(): typeof RemoveModule {
  return (loaded ??= require('../remove') as typeof RemoveModule);
}
