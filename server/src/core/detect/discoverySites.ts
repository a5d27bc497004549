import * as path from 'node:path';
import type { Registry } from '../model';

/**
 * The compiler-free half of discovery (detect/discover.ts parses): one file's candidate sites, and
 * how the sites of a workspace's files add up to proposals. A file's sites depend on its text alone,
 * so the scan keeps them in the analysis cache beside its facts (engine/cache.ts) and a warm
 * `flaglint check` proposes without parsing; what the scan already counts is left out only here,
 * when they are added up.
 */
export interface ScanProposal {
  kind: 'function' | 'collection';
  /** The `scan.functions` name or `scan.collections` path. */
  name: string;
  keyArg?: number;
  /** How many places would become references. */
  sites: number;
  /** The first such place, `file:line` relative to the root. */
  example: string;
  why: string;
}

/** One place that would propose an entry, in the file's source order. */
export interface DiscoverySite {
  kind: ScanProposal['kind'];
  name: string;
  keyArg?: number;
  /** 1-based line of the call or read. */
  line: number;
  why: string;
}

/** A file's sites (absolute path), files in walk order. */
export interface FileDiscovery {
  file: string;
  sites: readonly DiscoverySite[];
}

/** Which texts the discovery parses: a call named like a flag read, or a member of something named like flags. */
export const DISCOVERY_PREFILTER =
  /(?:Flag|Feature|Toggle|flag|feature|toggle)\w*\s*(?:<[^()\n]{0,80}>)?\s*\(|(?:flags|features|toggles|Flags|Features|Toggles)\s*(?:\?\.|\.|\[|\))/;

/**
 * Every text DISCOVERY_PREFILTER selects holds one of these (Flag, flags, Feature, features, Toggle,
 * toggles …): a file whose bytes hold none of them is never decoded for discovery.
 */
export const DISCOVERY_WORDS = ['lag', 'eature', 'oggle'];

/** Collection reads proposed only from this many places: one `flags.x` is not a pattern. */
const MIN_SITES = 2;

/**
 * The proposals of a workspace: sites at places the scan already counts (`known`, `file:line`)
 * propose nothing; an entry's example, key argument and reason are its first site's (walk order).
 */
export function tallyProposals(
  root: string,
  files: Iterable<FileDiscovery>,
  known: ReadonlySet<string> = new Set(),
): ScanProposal[] {
  const tallies = new Map<string, ScanProposal>();
  for (const { file, sites } of files) {
    for (const site of sites) {
      if (known.has(`${file}:${site.line}`)) continue;
      const id = `${site.kind}:${site.name}`;
      const t = tallies.get(id);
      if (t) {
        t.sites++;
        continue;
      }
      const example = `${path.relative(root, file).split(path.sep).join('/')}:${site.line}`;
      tallies.set(id, {
        kind: site.kind,
        name: site.name,
        ...(site.keyArg !== undefined ? { keyArg: site.keyArg } : {}),
        sites: 1,
        example,
        why: site.why,
      });
    }
  }
  return (
    [...tallies.values()]
      // One read of `featureFlags.x` is telling; one of `features.x` is not.
      .filter((t) => t.sites >= MIN_SITES || t.kind === 'function' || /flag|toggle/i.test(t.name))
      .sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name))
      .map((t) => ({
        kind: t.kind,
        name: t.name,
        // keyArg 0 is left out, as the `scan.functions` entry leaves it out.
        ...(t.keyArg ? { keyArg: t.keyArg } : {}),
        sites: t.sites,
        example: t.example,
        why: t.why,
      }))
  );
}

/** Whether a registry's `scan` section already names the project's own flag API (then `check` gives no hint). */
export function describesFlagApi(scan: Registry['scan']): boolean {
  return scan.functions.length > 0 || scan.properties.length > 0 || (scan.collections?.length ?? 0) > 0;
}
