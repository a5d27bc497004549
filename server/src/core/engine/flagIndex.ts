import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDetectorConfig, type DetectorConfig } from '../detect/detectorConfig';
import { Prefilter } from '../detect/prefilter';
import { describesFlagApi, type DiscoverySite, type FileDiscovery } from '../detect/discoverySites';
import { methodProbesOf } from '../detect/methodProbes';
import type { FileFacts, KeyExpr } from '../detect/facts';
import type { DynamicReference, Finding, FlagReference, Registry, ScanNote } from '../model';
import { createPackageLookup } from '../rules';
import { KeyResolver } from '../resolve/keyResolver';
import { ModuleResolver } from '../resolve/moduleResolver';
import { referencesOf } from '../resolve/references';
import { WrapperTable } from '../resolve/wrappers';
import { AnalysisCache, contentHash, type WrapperNames } from './cache';
import { defaultCacheDir, openCacheFolder, type CacheFolder } from './cacheFolder';
import { FileAnalyses } from './fileAnalyses';
import { computeFindings } from './findings';
import { FindingsCache } from './findingsCache';
import { isLargeGeneratedFile } from './generatedFiles';
import { isInSkippedDir, isSourceFile, type WalkResult } from './fileWalker';
import {
  engineBuild,
  InputLog,
  judgedKey,
  listingHash,
  loadResult,
  RACY_WINDOW_MS,
  resultKey,
  saveResult,
  type StoredResult,
} from './resultCache';
import { walkWithCache } from './walkCache';
import { WrapperCatchUp, type LearntWrapper } from './wrapperCatchUp';
import { CalledNames, nameHash } from './calledNames';
import { analyzeFile, parseTime, resetParseTime } from './lazyAnalysis';
import { discoverySitesOf } from './lazyDiscovery';
import { readPackageNames } from './packages';
import { ReferenceTable } from './referenceTable';
import { filterByRegistryScan } from './scanScope';
import { RegistryCache } from './registryCache';
import { RegistrySet } from './registrySet';
import { decodeSource, ReadScratch, readListedSourceBytes, readSource, utf16Bom } from './sourceText';
import type { EngineOptions, FileResult, ScanProgress, ScanResult, ScanStats, ScanTimings } from './types';

/**
 * The workspace's flag index: one analysis per file, cross-file key resolution, and the rules.
 *
 * Speed comes from doing little: a cheap text prefilter picks the files that can hold a flag call
 * (SDK names, custom functions, known wrappers), only those are parsed, other files are parsed
 * only when a key constant has to be looked up in them, and the persistent cache skips even that
 * for unchanged files. An edit re-analyses its file and re-resolves only the files that used what
 * it exports.
 *
 * Its parts, each with its own reason to change (docs/architecture.md, "The index"): the registries
 * (RegistrySet), the files' facts and buffers (FileAnalyses), the references resolved across files
 * and bound to their registry keys (ReferenceTable), and the findings derived from both
 * (FindingsCache). The index itself decides what to analyse, when, and what an update invalidates.
 */
export class FlagIndex {
  readonly root: string;
  readonly now: Date;
  private readonly registries: RegistrySet;
  private readonly cache: AnalysisCache;
  private readonly registryCache: RegistryCache;
  private config: DetectorConfig;
  private files = new Set<string>();
  private walk: WalkResult = { files: [], registries: [], packageManifests: [], notes: [] };
  private readonly analyses = new FileAnalyses();
  private readonly references = new ReferenceTable();
  private readonly findings = new FindingsCache();
  /** Whether the prefilter has run over every file (so unanalysed files hold no flag calls). */
  private prefiltered = false;
  /** Files the prefilter skipped: whether each re-exports anything (see mayHoldWrapper). */
  private readonly reexports = new Map<string, boolean>();
  /**
   * During a scan, what each file the prefilter skipped calls (calledNames.ts): the rounds of
   * wrapper names learnt later read only the files that call one. Dropped when the scan ends.
   */
  private readonly called = new CalledNames();
  private modules: ModuleResolver;
  private resolver: KeyResolver;
  private wrappers = new WrapperTable();
  /** Nearest package.json per file, memoised for one scan (a new scan sees renamed packages). */
  private packageOf = createPackageLookup();
  private stats: ScanStats = { files: 0, parsed: 0, cached: 0, ms: 0 };
  /** Where the last scan's time went (ms), for the bench; not part of any report. */
  readonly timings: ScanTimings = { walk: 0, prefilter: 0, parse: 0, resolve: 0, findings: 0 };
  private scanned = false;
  /** Why the configured cache folder is not used, if it is not. */
  private cacheNote: ScanNote | undefined;
  /** A scan is under way: updates answer for their own file and leave the wrappers to the scan. */
  private scanning = false;
  /** Where the running scan reports progress (the options' listener, unless the scan was given one). */
  private progress: ((progress: ScanProgress) => void) | undefined;
  /** Whether this scan gathers discovery's sites (options.discover), and the files that have any, in walk order. */
  private discovering = false;
  private discovered: FileDiscovery[] = [];
  /** The usable cache folder (undefined: --no-cache or refused). */
  private readonly cacheFolder: CacheFolder | undefined;
  /** Files this scan looked at outside the listed sources (options.reuseResults only). */
  private inputs: InputLog | undefined;
  /** The result the last scan took from the result cache: the index then holds nothing else. */
  private reused: ScanResult | undefined;

  constructor(readonly options: Readonly<EngineOptions>) {
    this.root = path.resolve(options.root);
    this.now = options.now ?? nowFromEnv();
    const cacheDir =
      options.cacheDir === false ? undefined : path.resolve(options.cacheDir ?? defaultCacheDir(this.root));
    const folder = cacheDir ? openCacheFolder(cacheDir, this.root) : undefined;
    if (folder && 'note' in folder) this.cacheNote = folder.note;
    const usable = folder && !('note' in folder) ? folder : undefined;
    this.cacheFolder = usable;
    this.registryCache = new RegistryCache(usable, this.root);
    this.registries = new RegistrySet(
      this.root,
      options.registryPath ? path.resolve(options.registryPath) : undefined,
      this.registryCache,
    );
    this.cache = new AnalysisCache(usable, this.root);
    this.config = createDetectorConfig([]);
    this.modules = new ModuleResolver(this.root, this.files, new Map());
    this.resolver = new KeyResolver(
      (f) => this.factsOf(f),
      this.modules,
      (f) => this.mayHoldWrapper(f),
    );
  }

  /**
   * Scans the workspace (cache-aware) and returns everything found. `onProgress` hears this scan's
   * progress (the editor shows each scan in its own progress report), instead of the options' listener.
   */
  async scan(onProgress?: (progress: ScanProgress) => void): Promise<ScanResult> {
    this.reused = undefined;
    this.scanning = true;
    this.progress = onProgress ?? this.options.onProgress?.bind(this.options);
    try {
      return await this.runScan();
    } finally {
      this.scanning = false;
      this.progress = undefined;
    }
  }

  private async runScan(): Promise<ScanResult> {
    const started = performance.now();
    this.progress?.({ phase: 'listing', done: 0, total: 0 });
    // The caller's globs apply while walking; each registry's own (relative to its folder) after it.
    resetParseTime();
    const startedAt = Date.now();
    const globs = { include: this.options.include ?? [], exclude: this.options.exclude ?? [] };
    this.walk = walkWithCache(this.root, globs, this.cacheFolder).walk;
    this.registries.init(this.walk.registries);
    this.walk.files = filterByRegistryScan(this.walk.files, (f) => this.registries.for(f), this.registries.all());
    this.config = createDetectorConfig(this.registries.all().map((r) => r.scan));
    this.discovering =
      this.options.discover === 'always' ||
      (this.options.discover === 'undescribed' && !this.registries.all().some((r) => describesFlagApi(r.scan)));
    this.discovered = [];
    this.stats = { files: this.walk.files.length, parsed: 0, cached: 0, ms: 0 };
    this.files = new Set(this.walk.files);

    // A one-shot scan of an unchanged tree: the last run's result, if everything it depends on is as it was.
    const folder = this.options.reuseResults ? this.cacheFolder : undefined;
    const keep = folder !== undefined && !this.analyses.hasOverlays() && !this.registries.hasTexts();
    const before = keep ? this.resultKey(globs) : '';
    const listing = keep ? listingHash(this.walk.files, this.walk.registries, this.walk.packageManifests) : '';
    let completed: readonly Registry[] | undefined;
    if (keep) {
      const stored = loadResult(folder, this.root, this.discovering, before, listing, this.walk.files);
      if (stored) {
        if (this.options.beforeFindings) {
          completed = await this.options.beforeFindings(this.registries.all());
          this.registries.replace(completed);
        }
        const items =
          stored.after === judgedKey(this.registries.all(), this.registries.codeowners()) && stored.result();
        if (items) return this.reuse(items, started, performance.now() - started);
      }
    }
    this.inputs = keep ? new InputLog() : undefined;
    for (const manifest of this.walk.packageManifests) this.inputs?.note(manifest);
    this.modules = new ModuleResolver(
      this.root,
      this.files,
      readPackageNames(this.walk.packageManifests),
      this.inputs?.note,
    );
    this.resolver = new KeyResolver(
      (f) => this.factsOf(f),
      this.modules,
      (f) => this.mayHoldWrapper(f),
    );
    this.packageOf = createPackageLookup(this.inputs?.note);
    this.analyses.clear();

    const walked = performance.now();
    this.timings.walk = walked - started;
    this.prefiltered = false;
    this.reexports.clear();
    this.called.clear();
    const cachedNames = this.cache.load(this.config.fingerprint);
    this.setWrapperNames(cachedNames ?? { functions: [], methods: [] });
    await this.prefilterPass();
    this.prefiltered = true;
    let names = this.inferWrappers();
    for (let round = 0; round < 4 && !sameNames(names, this.wrapperNames()); round++) {
      const before = this.wrapperNames();
      this.setWrapperNames(names);
      this.catchUpOnNewWrappers(before, names);
      names = this.inferWrappers();
    }
    this.called.clear();
    const prefiltered = performance.now();
    this.timings.prefilter = prefiltered - walked;
    this.cache.retain(this.files);
    this.resolveAll();
    this.timings.resolve = performance.now() - prefiltered;
    this.timings.parse = parseTime();
    this.cache.save(
      this.config.fingerprint,
      this.wrapperNames(),
      !sameNames(cachedNames ?? { functions: [], methods: [] }, this.wrapperNames()),
    );
    this.registryCache.save();
    if (this.options.beforeFindings) {
      // Already asked when a kept result was looked at (its registries then differed): not twice.
      this.registries.replace(completed ?? (await this.options.beforeFindings(this.registries.all())));
      this.references.rebind((f) => this.registries.for(f));
      this.findings.invalidateAll();
    }
    this.scanned = true;
    this.stats.ms = Math.round(performance.now() - started);
    const result = this.result();
    if (keep) this.keepResult(result, before, listing, startedAt);
    this.inputs = undefined;
    return result;
  }

  /** What a kept result depends on that is known before any file is looked at (resultCache.ts). */
  private resultKey(globs: { include: string[]; exclude: string[] }): string {
    return resultKey([
      engineBuild(),
      this.root,
      this.now.toISOString(),
      this.options.registryPath ?? null,
      globs,
      this.discovering,
      this.config.fingerprint,
      this.registries.all(),
    ]);
  }

  /** Stores this scan's result for the next run, when every listed file has the analysis it was made from. */
  private keepResult(result: ScanResult, before: string, listing: string, startedAt: number): void {
    const stats: { size: number; mtimeMs: number }[] = [];
    const skipped = new Map(result.notes.map((n) => [n.file, n.kind]));
    let cached = 0;
    for (const file of this.walk.files) {
      let st = this.cache.statOf(file);
      if (st) cached++;
      else {
        // Not analysed: too large or binary, which its size and content (so its mtime) decide. An
        // unreadable file may become readable without changing either: no result is kept then.
        const kind = skipped.get(file);
        if (kind !== 'too-large' && kind !== 'binary') return;
        st = statOf(file);
        if (!st || st.mtimeMs >= startedAt - RACY_WINDOW_MS) return;
      }
      stats.push(st);
    }
    // The rules ran (result() above), so every package.json they looked for is noted.
    const stored: StoredResult = {
      references: result.references,
      dynamic: result.dynamic,
      findings: result.findings,
      notes: result.notes,
      cached,
      ...(result.discovery ? { discovery: result.discovery } : {}),
    };
    saveResult(this.cacheFolder!, {
      root: this.root,
      discovering: this.discovering,
      before,
      after: judgedKey(this.registries.all(), this.registries.codeowners()),
      listing,
      stats,
      startedAt,
      inputs: this.inputs!.states,
      result: stored,
    });
  }

  /** A kept result as this scan's: nothing was read, parsed or resolved. */
  private reuse(items: StoredResult, started: number, walkMs: number): ScanResult {
    const files = this.walk.files.length;
    // As a scan from the analysis cache counts: every analysed file's entry used, nothing parsed.
    this.stats = { files, parsed: 0, cached: items.cached, ms: Math.round(performance.now() - started) };
    Object.assign(this.timings, { walk: walkMs, prefilter: 0, parse: 0, resolve: 0, findings: 0 });
    this.scanned = true;
    this.reused = {
      root: this.root,
      registries: this.registries.all(),
      references: items.references,
      dynamic: items.dynamic,
      findings: items.findings,
      notes: items.notes,
      stats: { ...this.stats },
      ...(this.discovering ? { discovery: items.discovery ?? [] } : {}),
    };
    return this.reused;
  }

  /** The current state (after the last scan and any updates since). */
  result(): ScanResult {
    if (this.reused) return { ...this.reused, stats: { ...this.reused.stats } };
    const references: FlagReference[] = [];
    const dynamic: DynamicReference[] = [];
    // A table row that two files evaluate (both import the table) is one reference.
    const dataRows = new Set<string>();
    // In walk order, whenever each file was analysed (the first pass, a round of learnt wrappers, on
    // demand): what a removal or the Explorer lists first must not depend on the scan's schedule.
    for (const file of this.references.files().sort()) {
      const r = this.references.of(file);
      if (!r) continue;
      for (const ref of r.references) {
        if (ref.shape === 'data') {
          const at = `${ref.location.file}:${ref.location.range.start.line}:${ref.location.range.start.character}:${ref.key}`;
          if (dataRows.has(at)) continue;
          dataRows.add(at);
        }
        references.push(ref);
      }
      dynamic.push(...r.dynamic);
    }
    return {
      root: this.root,
      registries: this.registries.all(),
      references,
      dynamic,
      findings: this.currentFindings(),
      notes: this.notes(),
      stats: { ...this.stats },
      ...(this.discovering ? { discovery: this.discovered } : {}),
    };
  }

  /**
   * A source file's text changed (open editor buffer) or, with `text` undefined, changed on disk or
   * was deleted. Re-analyses that file and, only when its exported keys or wrappers changed, the
   * files that depend on it. Returns the files whose references may have changed.
   */
  updateFile(file: string, text?: string): string[] {
    this.refuseIfReused();
    const abs = path.resolve(file);
    this.reexports.delete(abs);
    // A JSON module read for its keys is not a listed source file, but its importers depend on it.
    if (!this.files.has(abs) && !this.analyses.isKnown(abs) && !this.belongsToWorkspace(abs)) return [];
    this.analyses.setOverlay(abs, text);
    const source = text !== undefined ? { text } : readSource(abs);
    const before = this.analyses.factsOf(abs);
    const affected = new Set<string>([abs]);
    if ('note' in source) {
      this.forget(abs);
      if (source.note.kind !== 'vanished') this.analyses.noteUnreadable(abs, source.note);
    } else {
      if (!this.files.has(abs)) {
        this.files.add(abs);
        this.modules.invalidate();
      }
      this.analyses.reanalyse(abs, source.text, text !== undefined, this.config);
      this.stats.parsed++;
    }
    const after = this.analyses.analysedFacts(abs);
    if (!before || !after || moduleSignature(before) !== moduleSignature(after)) {
      for (const d of this.references.dependentsOf(abs)) affected.add(d);
    }
    if (!this.scanning && callSignature(before) !== callSignature(after)) {
      const oldWrappers = this.wrappers.signature();
      const names = this.inferWrappers();
      if (this.wrappers.signature() !== oldWrappers) {
        // A wrapper appeared, went or changed: calls to it anywhere may change meaning.
        if (!sameNames(names, this.wrapperNames())) {
          const previous = this.wrapperNames();
          this.setWrapperNames(names);
          this.catchUpOnNewWrappers(previous, names);
        }
        this.resolveAll();
        return this.references.files();
      }
    }
    for (const f of affected) this.resolveFile(f);
    return [...affected];
  }

  /**
   * A registry file changed (editor buffer text, or undefined to re-read it from disk). Everything
   * is re-checked at once; when its `scan` section changed what counts as a flag call, the files
   * are re-analysed too, and the returned promise settles when that rescan is done. `parsed` is the
   * registry when the caller already loaded it (the language server does, to compare settings).
   */
  async updateRegistry(registryPath: string, text?: string, parsed?: Registry): Promise<void> {
    this.refuseIfReused();
    const before = this.config.fingerprint;
    this.registries.reload(registryPath, text, parsed);
    // The keys stay resolved; which entry each names (aliases, case variants) is bound anew.
    this.references.rebind((f) => this.registries.for(f));
    this.findings.invalidateAll();
    const config = createDetectorConfig(this.registries.all().map((r) => r.scan));
    if (config.fingerprint !== before && this.scanned) await this.scan();
  }

  /** One file's references and findings; works before `scan()` has finished (for open documents). */
  fileResult(file: string, text?: string): FileResult {
    this.refuseIfReused();
    const abs = path.resolve(file);
    const changed = text !== undefined && text !== this.analyses.overlay(abs);
    if (changed || !this.references.has(abs)) {
      // Before any scan the registry that governs the file decides what counts as a flag call (its
      // scan section: functions, collections): an editor buffer is analysed under it as a file on disk is.
      if (!this.scanned && !this.scanning) this.prepareForSingleFile(abs);
      this.updateFile(abs, text);
    }
    if (!this.scanned && !this.scanning) this.followWrappersOf(abs);
    const refs = this.references.of(abs);
    const findings = this.scanned
      ? this.findingsFor(abs)
      : this.computeFindings([abs]).filter((f) => f.location.file === abs);
    return {
      file: abs,
      references: [...(refs?.references ?? [])],
      dynamic: [...(refs?.dynamic ?? [])],
      findings,
      notes: this.notes().filter((n) => n.file === abs),
    };
  }

  /** The registry that governs a file (nearest up the tree, or an empty default). */
  registryFor(file: string): Registry {
    return this.registries.for(path.resolve(file));
  }

  /** The references of a registry key (aliases and case variants included), without running the rules. */
  referencesTo(registryKey: string): FlagReference[] {
    return this.references.to(registryKey);
  }

  /**
   * One file's findings. For a source file only its own references go through the rules (code
   * findings depend on the reference and its registry entry alone), so this stays fast however
   * large the workspace; registry files get the findings of the whole workspace.
   */
  findingsFor(file: string): Finding[] {
    const abs = path.resolve(file);
    if (!this.references.has(abs)) return this.currentFindings().filter((f) => f.location.file === abs);
    return this.findings.forFile(abs, () => this.computeFindings([abs]).filter((f) => f.location.file === abs));
  }

  /** Files of the workspace as the last scan listed them. */
  sourceFiles(): string[] {
    return [...this.files];
  }

  /** A file the walk did not list (new, or opened from elsewhere) counts only if the walk would have listed it. */
  private belongsToWorkspace(file: string): boolean {
    const rel = path.relative(this.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    if (!isSourceFile(file) || isInSkippedDir(this.root, file)) return false;
    return filterByRegistryScan([file], (f) => this.registries.for(f), this.registries.all()).length === 1;
  }

  /** An index whose scan took a kept result holds no facts or references to update (options.reuseResults). */
  private refuseIfReused(): void {
    if (this.reused) throw new Error('this index reused a kept scan result (reuseResults): it answers result() only');
  }

  // ---- scanning ----------------------------------------------------------------------------

  /** Reads (or takes from the cache) every file and analyses the ones the prefilter selects. */
  private async prefilterPass(): Promise<void> {
    const prefilter = new Prefilter(this.config);
    // Each file's bytes are decoded, hashed and searched before the next file is read.
    const scratch = new ReadScratch();
    const total = this.walk.files.length;
    let done = 0;
    for (const file of this.walk.files) {
      if (++done % 500 === 0) {
        this.progress?.({ phase: 'scanning', done, total });
        await new Promise((r) => setImmediate(r));
      }
      const overlay = this.analyses.overlay(file);
      const entry = overlay === undefined ? this.cache.get(file) : undefined;
      if (entry) {
        const st = statOf(file);
        // Sites the cache lacks (no earlier scan wanted them) need the text: the entry is checked by its hash below.
        if (st && this.cache.isFresh(entry, st) && (!this.discovering || entry.discovery)) {
          this.useEntry(file, entry.matched, entry.facts);
          if (entry.discovery) this.discoveredIn(file, entry.discovery);
          continue;
        }
      }
      const read = overlay !== undefined ? undefined : readListedSourceBytes(file, scratch);
      const source = read === undefined ? { text: overlay!, size: overlay!.length, mtimeMs: 0 } : decodeSource(read);
      if ('note' in source) {
        this.analyses.noteUnreadable(file, source.note);
        this.cache.delete(file);
        continue;
      }
      // Hashing every file costs a third of the read: only worth it when there is a cache to compare with.
      // The bytes, where there are any, spare encoding the text back to UTF-8 for the hash.
      const hash = this.cache.enabled
        ? contentHash(read && 'bytes' in read && !utf16Bom(read.bytes) ? read.bytes : source.text)
        : '';
      const bytes = read && 'bytes' in read ? read.bytes : undefined;
      const sites = (known: DiscoverySite[] | undefined): DiscoverySite[] | undefined =>
        !this.discovering ? known : (known ?? discoverySitesOf(file, this.root, bytes, () => source.text));
      if (entry && entry.hash === hash) {
        this.useEntry(file, entry.matched, entry.facts);
        if (!entry.matched && overlay === undefined) this.called.add(file, source.text);
        const discovery = sites(entry.discovery);
        if (discovery) this.discoveredIn(file, discovery);
        if (overlay === undefined)
          this.cache.set(file, {
            ...entry,
            size: source.size,
            mtimeMs: source.mtimeMs,
            ...(discovery ? { discovery } : {}),
          });
        continue;
      }
      const matched = !isLargeGeneratedFile(file, source.text) && prefilter.selects(source.text);
      const facts = matched ? analyzeFile(file, source.text, this.config) : null;
      if (!matched && overlay === undefined) this.called.add(file, source.text);
      if (matched) this.stats.parsed++;
      this.useEntry(file, matched, facts, false);
      const discovery = sites(undefined);
      if (discovery) this.discoveredIn(file, discovery);
      if (overlay === undefined && this.cache.enabled)
        this.cache.set(file, {
          size: source.size,
          mtimeMs: source.mtimeMs,
          hash,
          matched,
          facts,
          ...(discovery ? { discovery } : {}),
        });
    }
    this.progress?.({ phase: 'scanning', done: total, total });
  }

  private discoveredIn(file: string, sites: readonly DiscoverySite[]): void {
    if (sites.length > 0) this.discovered.push({ file, sites });
  }

  private useEntry(file: string, matched: boolean, facts: FileFacts | null, fromCache = true): void {
    if (fromCache) this.stats.cached++;
    if (facts) this.analyses.record(file, matched, facts);
  }

  /**
   * New wrapper names: analyse the files that call them, and re-analyse method calls of new method
   * wrappers. The files that call them are read again rather than kept from the prefilter pass: keeping the
   * unmatched texts of 15k files cost 115 MB of peak memory and saved no measurable time.
   */
  private catchUpOnNewWrappers(before: WrapperNames, after: WrapperNames): void {
    const newFunctions = after.functions.filter((n) => !before.functions.includes(n));
    const newMethods = after.methods.filter((n) => !before.methods.includes(n));
    if (newFunctions.length + newMethods.length === 0) return;
    const learnt = (name: string, method: boolean): LearntWrapper => {
      const props = this.wrappers.keyPropsOf(name);
      return { name, method, ...(props ? { props } : {}) };
    };
    const wanted = new WrapperCatchUp([
      ...newFunctions.map((n) => learnt(n, false)),
      ...newMethods.map((n) => learnt(n, true)),
    ]);
    const scratch = new ReadScratch();
    // Names `\b` splits (`$`, non-ASCII) cannot be looked up in the lists: then every file is read.
    const hashes = [...newFunctions, ...newMethods].map(nameHash);
    const lookup = hashes.every((h) => h !== undefined) ? hashes : undefined;
    for (const file of this.walk.files) {
      const isAnalysed = this.analyses.isAnalysed(file);
      if (isAnalysed && newMethods.length === 0) continue;
      if (!isAnalysed && lookup && this.called.mayCall(file, lookup) === false) continue;
      // An analysed file whose analysis asked about none of the new method names would get the same facts.
      const probed = isAnalysed ? this.analysedProbes(file) : undefined;
      if (probed && !newMethods.some((m) => probed.has(m))) continue;
      // The bytes are searched before they are decoded: most files hold none of the few new names,
      // and decoding every file again cost more than reading it (each round of new names reads them all).
      const overlay = this.analyses.overlay(file);
      const read = overlay === undefined ? readListedSourceBytes(file, scratch) : undefined;
      if (read && ('note' in read || !wanted.mayBeIn(read.bytes))) continue;
      const decoded = read ? decodeSource(read) : undefined;
      const text = overlay ?? (decoded && 'text' in decoded ? decoded.text : undefined);
      if (text === undefined || !wanted.wants(text) || isLargeGeneratedFile(file, text)) continue;
      const facts = analyzeFile(file, text, this.config);
      this.stats.parsed++;
      this.useEntry(file, true, facts, false);
      const st = this.cache.enabled ? statOf(file) : undefined;
      if (st && !this.analyses.hasOverlay(file))
        this.cache.set(file, { size: st.size, mtimeMs: st.mtimeMs, hash: contentHash(text), matched: true, facts });
    }
  }

  /** The method names an analysed file's analysis looked up as wrappers, when it ran in this process. */
  private analysedProbes(file: string): ReadonlySet<string> | undefined {
    const facts = this.analyses.factsOf(file);
    return facts ? methodProbesOf(facts) : undefined;
  }

  private inferWrappers(): WrapperNames {
    this.wrappers = WrapperTable.infer(this.analyses.allAnalysed(), this.resolver);
    return { functions: this.wrappers.functionNames(), methods: this.wrappers.methodNames() };
  }

  private wrapperNames(): WrapperNames {
    return { functions: [...this.config.functionWrappers].sort(), methods: [...this.config.methodWrappers].sort() };
  }

  private setWrapperNames(names: WrapperNames): void {
    // A new config object rather than a changed one: analyses under way keep the one they started with.
    this.config = {
      ...this.config,
      functionWrappers: new Set(names.functions),
      methodWrappers: new Set(names.methods),
    };
  }

  /**
   * After the prefilter, a file it skipped calls no flag function or wrapper, so it cannot define a
   * wrapper; it matters for wrappers only if it re-exports one (a barrel). Telling that from the
   * text spares parsing large library-like modules just to learn they hold no wrapper.
   */
  private mayHoldWrapper(file: string): boolean {
    if (!this.prefiltered || this.analyses.isKnown(file)) return true;
    let verdict = this.reexports.get(file);
    if (verdict === undefined) {
      const text = this.analyses.textOf(file);
      verdict = text !== undefined && REEXPORT.test(text);
      this.reexports.set(file, verdict);
    }
    return verdict;
  }

  /** Facts of any workspace file, parsing it on demand when the prefilter skipped it. */
  private factsOf(file: string): FileFacts | undefined {
    const known = this.analyses.factsOf(file);
    if (known) return known;
    // A JSON module, or a file the walk did not list: what a kept result depends on.
    if (!this.files.has(file)) this.inputs?.note(file);
    const text = this.analyses.textOf(file);
    if (text === undefined) return undefined;
    const facts = analyzeFile(file, text, this.config);
    this.stats.parsed++;
    this.useEntry(file, false, facts, false);
    const st = this.cache.enabled ? statOf(file) : undefined;
    if (st && this.files.has(file) && !this.analyses.hasOverlay(file))
      this.cache.set(file, { size: st.size, mtimeMs: st.mtimeMs, hash: contentHash(text), matched: false, facts });
    return facts;
  }

  private resolveAll(): void {
    this.findings.invalidateAll();
    this.references.clear();
    for (const file of this.analyses.analysedFiles()) this.resolveFile(file);
  }

  /** Resolves one file's keys and binds them to its registry; its findings (and the workspace's) go. */
  private resolveFile(file: string): void {
    this.findings.invalidateFile(file);
    const facts = this.analyses.analysedFacts(file);
    if (!facts) this.references.delete(file);
    else this.references.set(file, referencesOf(facts, this.resolver, this.wrappers), this.registries.for(file));
  }

  private forget(file: string): void {
    this.analyses.forget(file);
    this.references.delete(file);
    this.cache.delete(file);
    if (this.files.delete(file)) this.modules.invalidate();
  }

  /** Before the first scan, an open file can still be answered: load the registry that governs it. */
  private prepareForSingleFile(file: string): void {
    this.registries.for(file);
    this.config = createDetectorConfig(this.registries.all().map((r) => r.scan));
  }

  /**
   * Before the first scan, the wrappers an open file calls are unknown (they are inferred over the
   * whole workspace). Follow the targets of its calls instead, a few imports deep, infer wrappers
   * over those files alone and re-resolve the file: its `isFeatureOn(FLAGS.X)` is then a reference
   * at once, as the scan will find it. Targeted: only the files its calls lead to are parsed.
   */
  private followWrappersOf(file: string): void {
    const facts = this.analyses.analysedFacts(file);
    if (!facts) return;
    const seen = new Map<string, FileFacts>([[file, facts]]);
    let frontier = [facts];
    for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
      const next: FileFacts[] = [];
      for (const from of frontier) {
        for (const call of from.calls) {
          if (call.source !== 'candidate' || !call.target) continue;
          const target = this.resolver.target(from.file, call.target.name, call.target.path);
          if (!target || !('file' in target) || seen.has(target.file)) continue;
          const found = this.factsOf(target.file);
          if (!found) continue;
          seen.set(target.file, found);
          next.push(found);
        }
      }
      frontier = next;
    }
    this.wrappers = WrapperTable.infer(seen.values(), this.resolver);
    this.resolveFile(file);
  }

  // ---- findings ----------------------------------------------------------------------------

  private currentFindings(): Finding[] {
    return this.findings.all(() => {
      const t0 = performance.now();
      const all = this.computeFindings();
      this.timings.findings = performance.now() - t0;
      return all;
    });
  }

  /** Runs the rules over the given files' references (default: every file) and every registry. */
  private computeFindings(only?: string[]): Finding[] {
    return computeFindings(this.registryGroups(only), this.now, this.registries.codeowners(), this.packageOf);
  }

  /** References and dynamic keys grouped by the registry that governs their file. */
  private registryGroups(only?: string[]): Map<Registry, { references: FlagReference[]; dynamic: DynamicReference[] }> {
    const groups = new Map<Registry, { references: FlagReference[]; dynamic: DynamicReference[] }>();
    for (const r of this.registries.all()) groups.set(r, { references: [], dynamic: [] });
    const files = only ?? this.references.files();
    for (const file of files) {
      const refs = this.references.of(file);
      if (!refs) continue;
      const registry = this.registries.for(file);
      let group = groups.get(registry);
      if (!group) groups.set(registry, (group = { references: [], dynamic: [] }));
      group.references.push(...refs.references);
      group.dynamic.push(...refs.dynamic);
    }
    return groups;
  }

  private notes(): ScanNote[] {
    return [...this.walk.notes, ...(this.cacheNote ? [this.cacheNote] : []), ...this.analyses.notes()].sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
    );
  }
}

/** `export * from`, `export { x } from`, `export * as ns from`, or a CommonJS module's exports (which may pass a require on). */
const REEXPORT =
  /\bexport\s*(?:\*|\{[^}]*\}|type\s*\{[^}]*\})\s*(?:as\s+\w+\s*)?from\b|\bmodule\.exports\b|\bexports\.[\w$]+\s*=|\bexport\s*\{[^}]*\}\s*;?/;

function nowFromEnv(): Date {
  const env = process.env.FLAGLINT_NOW;
  if (env && /^\d{4}-\d{2}-\d{2}$/.test(env)) return new Date(`${env}T00:00:00Z`);
  return new Date();
}

function statOf(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    const st = fs.statSync(file);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

function sameNames(a: WrapperNames, b: WrapperNames): boolean {
  return a.functions.join(',') === b.functions.join(',') && a.methods.join(',') === b.methods.join(',');
}

function moduleSignature(f: FileFacts): string {
  return JSON.stringify([f.imports, f.exports, f.starExports, f.values]);
}

/** What of a file's calls can make or unmake a wrapper: calls that forward a parameter (positions left out). */
function callSignature(f: FileFacts | undefined): string {
  if (!f) return '';
  const isParam = (k: KeyExpr): boolean => k.k === 'param';
  const forwarding = f.calls.filter(
    (c) =>
      isParam(c.key) || c.args?.some((a) => isParam(a.key) || Object.values(a.props ?? {}).some((p) => isParam(p.key))),
  );
  return JSON.stringify(
    forwarding.map((c) => [
      c.enclosingFn,
      c.source,
      c.callee,
      c.valueType,
      isParam(c.key) ? c.key : null,
      c.target,
      c.method,
      c.args?.map((a) =>
        isParam(a.key)
          ? a.key
          : Object.entries(a.props ?? {})
              .filter(([, p]) => isParam(p.key))
              .map(([n, p]) => [n, p.key]),
      ),
    ]),
  );
}
