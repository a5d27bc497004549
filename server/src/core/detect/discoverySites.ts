import * as path from 'node:path';
import type { Registry } from '../model';

/**
 * The compiler-free half of discovery (detect/discover.ts parses): one file's candidate sites and
 * facts, and how those of a workspace's files add up to proposals. A file's sites depend on its text
 * alone, so the scan keeps them in the analysis cache beside its facts (engine/cache.ts) and a warm
 * `flaglint check` proposes without parsing; what the scan already counts is left out only here,
 * when they are added up. The evidence a read gives (discoverEvidence.ts) is judged per file and
 * kept with the site; what needs the whole workspace (how many files treat a name as data, which
 * types say flags) is joined here.
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

/** A call or read that would propose an entry. */
export interface CandidateSite {
  kind: ScanProposal['kind'];
  name: string;
  keyArg?: number;
  /** 1-based line of the call or read. */
  line: number;
  why: string;
  /**
   * What the read says of its function or collection; absent: it supports it. `against`: the file
   * treats the collection as data, the member is an object, or the call is in a script reading its
   * command line; `neutral`: neither (`flags.mode`, a value as CLI options are).
   */
  evidence?: 'against' | 'neutral';
  /** A supporting read keyed by a flag constant (`FEATURE_FLAG.x`): enough on its own. */
  flagConstant?: true;
}

/**
 * One fact of a file for discovery, in the file's source order: candidate sites, and the facts that
 * are joined across files: a name the file treats as data (iterates, parses, fills by computed
 * keys), a type named like flags with its boolean members, a boolean test of a member of a value
 * declared with some types (`if (features.sso)` where `features: TLicenseFeatures`).
 */
export type DiscoverySite =
  | CandidateSite
  | { kind: 'data'; name: string }
  | { kind: 'flag-type'; name: string; members: string[] }
  | { kind: 'typed-read'; types: string[]; member: string; line: number };

/** A file's sites (absolute path), files in walk order. */
export interface FileDiscovery {
  file: string;
  sites: readonly DiscoverySite[];
}

/** Which texts the discovery parses: a call named like a flag read, a member of something named like flags, a flag type. */
export const DISCOVERY_PREFILTER =
  /(?:Flag|Feature|Toggle|flag|feature|toggle)\w*\s*(?:<[^()\n]{0,80}>)?\s*\(|(?:flags|features|toggles|Flags|Features|Toggles)\s*(?:\?\.|\.|\[|\))|(?:Flags|Features|Toggles)\s*(?:=|\{|<)/;

/**
 * Every text DISCOVERY_PREFILTER selects holds one of these (Flag, flags, Feature, features, Toggle,
 * toggles …): a file whose bytes hold none of them is never decoded for discovery.
 */
export const DISCOVERY_WORDS = ['lag', 'eature', 'oggle'];

/** Collection reads proposed only from this many places: one `flags.x` is not a pattern. */
const MIN_SITES = 2;

interface Tally {
  kind: ScanProposal['kind'];
  name: string;
  keyArg?: number;
  /** Reads that support it. */
  sites: number;
  against: number;
  neutral: number;
  flagConstant: boolean;
  example: string;
  why: string;
}

const TYPED_WHY =
  'a type named like flags whose members are booleans; values declared with it are tested member by member';

/**
 * The proposals of a workspace: sites at places the scan already counts (`known`, `file:line`)
 * propose nothing; an entry's key argument and reason are its first site's, its example its first
 * supporting site's (walk order).
 */
export function tallyProposals(
  root: string,
  files: Iterable<FileDiscovery>,
  known: ReadonlySet<string> = new Set(),
): ScanProposal[] {
  const tallies = new Map<string, Tally>();
  /** How many files treat each name as data. */
  const dataFiles = new Map<string, number>();
  /** Type name -> its boolean members (a later declaration of the name wins, as in a walk). */
  const flagTypes = new Map<string, Set<string>>();
  const typedReads: { types: string[]; member: string; file: string; line: number }[] = [];
  const where = (file: string, line: number): string =>
    `${path.relative(root, file).split(path.sep).join('/')}:${line}`;

  for (const { file, sites } of files) {
    for (const site of sites) {
      if (site.kind === 'data') dataFiles.set(site.name, (dataFiles.get(site.name) ?? 0) + 1);
      else if (site.kind === 'flag-type') flagTypes.set(site.name, new Set(site.members));
      else if (site.kind === 'typed-read') typedReads.push({ ...site, file });
      else if (!known.has(`${file}:${site.line}`)) tally(tallies, site, where(file, site.line));
    }
  }

  const against = (t: Tally): number =>
    // A bare name (`flags`) is whatever any file calls so; `decision.flags` is not the `flags` another file parses.
    t.against + (t.name.includes('.') ? 0 : (dataFiles.get(t.name) ?? 0));
  /**
   * Whether a collection's evidence outweighs what says it is data. One read of `featureFlags.x` or
   * one keyed by `FEATURE_FLAG.x` is telling; one of `features.x` is not. Half the reads at least
   * must look like flag reads: CLI options (`flags.mode`) are read as values.
   */
  const holds = (t: Tally): boolean =>
    t.sites >= (t.flagConstant || /flag|toggle/i.test(t.name) ? 1 : MIN_SITES) &&
    t.sites > against(t) &&
    t.sites >= t.neutral;
  const collectionWhy = (t: Tally): string => {
    const n = against(t);
    return `${t.why}; its members are read as flags (tested as booleans, keyed by flag constants or named like flags)${n ? `, against ${n} read${n === 1 ? '' : 's'} or use${n === 1 ? '' : 's'} as data or as an object` : ''}`;
  };

  const typed = typedTallies(flagTypes, typedReads, known, where).filter((t) => !tallies.has(`collection:${t.name}`));
  return (
    [...tallies.values(), ...typed]
      // A function read mostly in scripts that parse their command line reads CLI options (`readFlag('run')`).
      .filter((t) => (t.kind === 'function' ? t.sites > t.against : t.why === TYPED_WHY || holds(t)))
      .sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name))
      .map((t) => ({
        kind: t.kind,
        name: t.name,
        // keyArg 0 is left out, as the `scan.functions` entry leaves it out.
        ...(t.keyArg ? { keyArg: t.keyArg } : {}),
        sites: t.sites,
        example: t.example,
        why: t.kind === 'collection' && t.why !== TYPED_WHY ? collectionWhy(t) : t.why,
      }))
  );
}

function tally(tallies: Map<string, Tally>, site: CandidateSite, example: string): void {
  const id = `${site.kind}:${site.name}`;
  let t = tallies.get(id);
  if (!t) {
    t = {
      kind: site.kind,
      name: site.name,
      ...(site.keyArg !== undefined ? { keyArg: site.keyArg } : {}),
      sites: 0,
      against: 0,
      neutral: 0,
      flagConstant: false,
      example: '',
      why: site.why,
    };
    tallies.set(id, t);
  }
  // The example is the first read that supports the proposal, so that the comment shows why.
  if (site.evidence === undefined) {
    if (t.sites++ === 0) t.example = example;
    if (site.flagConstant) t.flagConstant = true;
  } else if (site.evidence === 'against') t.against++;
  else t.neutral++;
}

/** Types named like flags whose boolean members the code tests (discoverTypes.ts), from MIN_SITES reads. */
function typedTallies(
  flagTypes: ReadonlyMap<string, ReadonlySet<string>>,
  reads: readonly { types: string[]; member: string; file: string; line: number }[],
  known: ReadonlySet<string>,
  where: (file: string, line: number) => string,
): Tally[] {
  const byType = new Map<string, { file: string; line: number }[]>();
  for (const r of reads)
    for (const t of r.types)
      if (flagTypes.get(t)?.has(r.member) && !known.has(`${r.file}:${r.line}`))
        byType.set(t, [...(byType.get(t) ?? []), r]);
  const out: Tally[] = [];
  for (const [type, found] of byType) {
    const first = found[0];
    if (!first || found.length < MIN_SITES) continue;
    out.push({
      kind: 'collection',
      name: type,
      sites: found.length,
      against: 0,
      neutral: 0,
      flagConstant: false,
      example: where(first.file, first.line),
      why: TYPED_WHY,
    });
  }
  return out;
}

/** Whether a registry's `scan` section already names the project's own flag API (then `check` gives no hint). */
export function describesFlagApi(scan: Registry['scan']): boolean {
  return scan.functions.length > 0 || scan.properties.length > 0 || (scan.collections?.length ?? 0) > 0;
}
