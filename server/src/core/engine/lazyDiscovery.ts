/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Discover from '../detect/discover';
import { DISCOVERY_PREFILTER, DISCOVERY_WORDS, type DiscoverySite } from '../detect/discoverySites';
import { isTestFile } from '../detect/testFiles';
import { bytesInclude } from './sourceText';

/**
 * Discovery's sites of one file the scan has read, its parser loaded on first use (as
 * lazyAnalysis.ts loads the analysis): most files fail the byte and text gates, and a warm scan
 * takes every file's sites from the cache, so neither needs the compiler.
 */
let discover: typeof Discover | undefined;
let parsed = 0;

/**
 * `bytes` are the file's bytes when the scan has them (the gate words are looked for there first, so
 * most files are never decoded for it); `text` is asked for only when they hold a word.
 */
export function discoverySitesOf(
  file: string,
  root: string,
  bytes: Buffer | undefined,
  text: () => string | undefined,
): DiscoverySite[] {
  // Tests mock flag clients with made-up keys: what they call says nothing about the flag API.
  if (isTestFile(file, undefined, root)) return [];
  if (bytes && !DISCOVERY_WORDS.some((w) => bytesInclude(bytes, w))) return [];
  const source = text();
  if (source === undefined || !DISCOVERY_PREFILTER.test(source)) return [];
  parsed++;
  discover ??= require('../detect/discover') as typeof Discover;
  return discover.discoverySites(file, source);
}

/** Files discovery parsed since the process started (a warm scan parses none). */
export function discoveryParses(): number {
  return parsed;
}
