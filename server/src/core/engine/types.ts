import type { FileDiscovery } from '../detect/discoverySites';
import type { DynamicReference, Finding, FlagReference, Registry, ScanNote } from '../model';

export interface ScanProgress {
  phase: 'listing' | 'scanning' | 'resolving';
  done: number;
  total: number;
}

export interface EngineOptions {
  /** The folder to scan (absolute). */
  root: string;
  /** An explicit registry file or folder; otherwise every registry found in or above the root governs its subtree. */
  registryPath?: string;
  /** Cache folder; default: one per root in the user's cache folder (cacheFolder.ts); false disables the cache. */
  cacheDir?: string | false;
  /** "Today" for staleness rules; default: FLAGLINT_NOW (YYYY-MM-DD) or the clock. */
  now?: Date;
  /** Extra include/exclude globs (relative to root), on top of each registry's `scan` section. */
  include?: string[];
  exclude?: string[];
  onProgress?(progress: ScanProgress): void;
  /**
   * Called once per scan with the loaded registries, before the rules judge them; front ends use it
   * to attach facts the engine does not gather itself (the git history). It returns the registries
   * the rules judge: new objects for those it added to, the others as given (matched by path).
   * The given ones must not be changed: they may be the registry cache's.
   */
  beforeFindings?(registries: readonly Registry[]): Promise<readonly Registry[]>;
  /**
   * Gather discovery's sites (detect/discoverySites.ts) from the files the scan reads, kept in the
   * analysis cache: 'always' (`flaglint init`), or 'undescribed' (`check`'s hint: only when no
   * registry describes the project's own flag API). Off by default: a cold scan then parses more.
   */
  discover?: 'always' | 'undescribed';
  /**
   * For one-shot scans (the CLI): keep the whole result in the cache and, when nothing it depends on
   * changed, return it without reading, parsing or resolving anything (engine/resultCache.ts). The
   * index then answers `result()` only: updates and per-file questions throw.
   */
  reuseResults?: boolean;
}

export interface ScanStats {
  /** Source files listed. */
  files: number;
  /** Files parsed in this run. */
  parsed: number;
  /** Files whose analysis came from the cache. */
  cached: number;
  ms: number;
}

export interface ScanResult {
  root: string;
  registries: Registry[];
  references: FlagReference[];
  dynamic: DynamicReference[];
  /** Every rule's findings (code and registry), sorted by file, line, column. */
  findings: Finding[];
  notes: ScanNote[];
  stats: ScanStats;
  /** The sites discovery found, per file in walk order, when the scan gathered them (EngineOptions.discover). */
  discovery?: FileDiscovery[];
}

/** What one file contributes, for editors that need one file's answer before the workspace scan ends. */
export interface FileResult {
  file: string;
  references: FlagReference[];
  dynamic: DynamicReference[];
  findings: Finding[];
  notes: ScanNote[];
}

/** Milliseconds per phase of the last scan: walk (list files, registries), prefilter (read or stat every file, analyse the selected ones; `parse` is the analysis part of it and of resolution), resolve (keys across files), findings (the rules). */
export interface ScanTimings {
  walk: number;
  prefilter: number;
  parse: number;
  resolve: number;
  findings: number;
}
