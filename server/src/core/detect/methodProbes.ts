import type { FileFacts } from './facts';

/**
 * The method names whose calls an analysis asked the detector configuration's `methodWrappers`
 * about, per facts object made in this process. Those calls are the only part of a file's facts
 * that the wrapper names decide (detect/callCollector.ts; function wrappers only widen the
 * prefilter), so a new method wrapper that none of them names leaves the facts as they are, and the
 * index need not parse the file again to learn that (issue #12: most re-analyses of the wrapper
 * catch-up on real code). Facts from the cache have no entry: their files are tested as before.
 * No compiler here: the index reads it on every scan, a warm one too.
 */
const probes = new WeakMap<FileFacts, ReadonlySet<string>>();

export function noteMethodProbes(facts: FileFacts, methods: ReadonlySet<string>): void {
  probes.set(facts, methods);
}

/** The method names `facts`' analysis looked up as wrappers, when it was made in this process. */
export function methodProbesOf(facts: FileFacts): ReadonlySet<string> | undefined {
  return probes.get(facts);
}
