import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDetectorConfig, prefilterRegex, type DetectorConfig } from '../detect/detectorConfig';
import { trieAlternation } from '../detect/wordTrie';
import type { FileFacts, KeyExpr } from '../detect/facts';
import type { DynamicReference, Finding, FlagReference, Registry, ScanNote } from '../model';
import { readCodeowners } from '../registry';
import { createPackageLookup } from '../rules';
import { KeyResolver } from '../resolve/keyResolver';
import { ModuleResolver } from '../resolve/moduleResolver';
import { referencesOf, type FileReferences } from '../resolve/references';
import { WrapperTable } from '../resolve/wrappers';
import { AnalysisCache, contentHash, type WrapperNames } from './cache';
import { defaultCacheDir, openCacheFolder } from './cacheFolder';
import { computeFindings } from './findings';
import { isLargeGeneratedFile } from './generatedFiles';
import { walkWorkspace, isInSkippedDir, isSourceFile, type WalkResult } from './fileWalker';
import { analyzeFile, LazyLiveTrees, parseTime, resetParseTime } from './lazyAnalysis';
import { readPackageNames } from './packages';
import { filterByRegistryScan } from './scanScope';
import { RegistryCache } from './registryCache';
import { RegistrySet } from './registrySet';
import { readSource } from './sourceText';
import type { EngineOptions, FileResult, ScanResult, ScanStats, ScanTimings } from './types';

/**
 * The workspace's flag index: one analysis per file, cross-file key resolution, and the rules.
 *
 * Speed comes from doing little: a cheap text prefilter picks the files that can hold a flag call
 * (SDK names, custom functions, known wrappers), only those are parsed, other files are parsed
 * only when a key constant has to be looked up in them, and the persistent cache skips even that
 * for unchanged files. An edit re-analyses its file and re-resolves only the files that used what
 * it exports.
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
  /** Files the prefilter selected, analysed in full. */
  private readonly analysed = new Map<string, FileFacts>();
  /** Files parsed only to look up a constant or an export. */
  private readonly looked = new Map<string, FileFacts>();
  /** Open editor buffers, which win over the disk. */
  private readonly overlays = new Map<string, string>();
  private readonly readNotes = new Map<string, ScanNote>();
  private readonly liveTrees = new LazyLiveTrees();
  /** Whether the prefilter has run over every file (so unanalysed files hold no flag calls). */
  private prefiltered = false;
  /** Files the prefilter skipped: whether each re-exports anything (see mayHoldWrapper). */
  private readonly reexports = new Map<string, boolean>();
  private readonly perFile = new Map<string, FileReferences>();
  private readonly dependents = new Map<string, Set<string>>();
  private modules: ModuleResolver;
  private resolver: KeyResolver;
  private wrappers = new WrapperTable();
  private findings: Finding[] | undefined;
  private readonly fileFindings = new Map<string, Finding[]>();
  private codeowners: string[] = [];
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

  constructor(readonly options: EngineOptions) {
    this.root = path.resolve(options.root);
    this.now = options.now ?? nowFromEnv();
    const cacheDir = options.cacheDir === false ? undefined : path.resolve(options.cacheDir ?? defaultCacheDir(this.root));
    const folder = cacheDir ? openCacheFolder(cacheDir, this.root) : undefined;
    if (folder && 'note' in folder) this.cacheNote = folder.note;
    const usable = folder && !('note' in folder) ? folder : undefined;
    this.registryCache = new RegistryCache(usable, this.root);
    this.registries = new RegistrySet(this.root, options.registryPath ? path.resolve(options.registryPath) : undefined, this.registryCache);
    this.cache = new AnalysisCache(usable, this.root);
    this.config = createDetectorConfig([]);
    this.modules = new ModuleResolver(this.root, this.files, new Map());
    this.resolver = new KeyResolver((f) => this.factsOf(f), this.modules, (f) => this.mayHoldWrapper(f));
  }

  /** Scans the workspace (cache-aware) and returns everything found. */
  async scan(): Promise<ScanResult> {
    this.scanning = true;
    try {
      return await this.runScan();
    } finally {
      this.scanning = false;
    }
  }

  private async runScan(): Promise<ScanResult> {
    const started = performance.now();
    this.options.onProgress?.({ phase: 'listing', done: 0, total: 0 });
    // The caller's globs apply while walking; each registry's own (relative to its folder) after it.
    resetParseTime();
    this.walk = walkWorkspace(this.root, { include: this.options.include ?? [], exclude: this.options.exclude ?? [] });
    this.registries.init(this.walk.registries);
    this.walk.files = filterByRegistryScan(this.walk.files, (f) => this.registries.for(f), this.registries.all());
    this.files = new Set(this.walk.files);
    this.config = createDetectorConfig(this.registries.all().map((r) => r.scan));
    this.modules = new ModuleResolver(this.root, this.files, readPackageNames(this.walk.packageManifests));
    this.resolver = new KeyResolver((f) => this.factsOf(f), this.modules, (f) => this.mayHoldWrapper(f));
    this.packageOf = createPackageLookup();
    this.codeowners = this.registries.all().some((r) => r.policy.useCodeowners) ? readCodeowners(this.root) : [];
    this.analysed.clear();
    this.looked.clear();
    this.readNotes.clear();
    this.stats = { files: this.walk.files.length, parsed: 0, cached: 0, ms: 0 };

    const walked = performance.now();
    this.timings.walk = walked - started;
    this.prefiltered = false;
    this.reexports.clear();
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
    const prefiltered = performance.now();
    this.timings.prefilter = prefiltered - walked;
    this.cache.retain(this.files);
    this.resolveAll();
    this.timings.resolve = performance.now() - prefiltered;
    this.timings.parse = parseTime();
    this.cache.save(this.config.fingerprint, this.wrapperNames(), !sameNames(cachedNames ?? { functions: [], methods: [] }, this.wrapperNames()));
    this.registryCache.save();
    if (this.options.beforeFindings) {
      await this.options.beforeFindings(this.registries.all());
      this.findings = undefined;
    }
    this.scanned = true;
    this.stats.ms = Math.round(performance.now() - started);
    return this.result();
  }

  /** The current state (after the last scan and any updates since). */
  result(): ScanResult {
    const references: FlagReference[] = [];
    const dynamic: DynamicReference[] = [];
    for (const r of this.perFile.values()) {
      references.push(...r.references);
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
    };
  }

  /**
   * A source file's text changed (open editor buffer) or, with `text` undefined, changed on disk or
   * was deleted. Re-analyses that file and, only when its exported keys or wrappers changed, the
   * files that depend on it. Returns the files whose references may have changed.
   */
  updateFile(file: string, text?: string): string[] {
    const abs = path.resolve(file);
    this.reexports.delete(abs);
    // A JSON module read for its keys is not a listed source file, but its importers depend on it.
    if (!this.files.has(abs) && !this.looked.has(abs) && !this.belongsToWorkspace(abs)) return [];
    if (text !== undefined) this.overlays.set(abs, text);
    else this.overlays.delete(abs);
    const source = text !== undefined ? { text } : readSource(abs);
    const before = this.analysed.get(abs) ?? this.looked.get(abs);
    const affected = new Set<string>([abs]);
    if ('note' in source) {
      this.forget(abs);
      if (source.note.kind !== 'vanished') this.readNotes.set(abs, source.note);
    } else {
      if (!this.files.has(abs)) {
        this.files.add(abs);
        this.modules.invalidate();
      }
      this.readNotes.delete(abs);
      const facts = text !== undefined ? this.liveTrees.analyze(abs, text, this.config) : analyzeFile(abs, source.text, this.config);
      if (text === undefined) this.liveTrees.forget(abs);
      this.analysed.set(abs, facts);
      this.looked.delete(abs);
      this.stats.parsed++;
    }
    const after = this.analysed.get(abs);
    if (!before || !after || moduleSignature(before) !== moduleSignature(after)) {
      for (const d of this.dependents.get(abs) ?? []) affected.add(d);
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
        return [...this.perFile.keys()];
      }
    }
    for (const f of affected) this.resolveFile(f);
    this.findings = undefined;
    return [...affected];
  }

  /**
   * A registry file changed (editor buffer text, or undefined to re-read it from disk). Everything
   * is re-checked at once; when its `scan` section changed what counts as a flag call, the files
   * are re-analysed too, and the returned promise settles when that rescan is done. `parsed` is the
   * registry when the caller already loaded it (the language server does, to compare settings).
   */
  async updateRegistry(registryPath: string, text?: string, parsed?: Registry): Promise<void> {
    const before = this.config.fingerprint;
    this.registries.reload(registryPath, text, parsed);
    this.findings = undefined;
    this.fileFindings.clear();
    const config = createDetectorConfig(this.registries.all().map((r) => r.scan));
    if (config.fingerprint !== before && this.scanned) await this.scan();
  }

  /** One file's references and findings; works before `scan()` has finished (for open documents). */
  fileResult(file: string, text?: string): FileResult {
    const abs = path.resolve(file);
    if (text !== undefined && text !== this.overlays.get(abs)) this.updateFile(abs, text);
    else if (!this.perFile.has(abs)) {
      if (!this.scanned) this.prepareForSingleFile(abs);
      this.updateFile(abs, text);
    }
    if (!this.scanned && !this.scanning) this.followWrappersOf(abs);
    const refs = this.perFile.get(abs) ?? { references: [], dynamic: [], deps: new Set<string>() };
    const findings = this.scanned
      ? this.findingsFor(abs)
      : computeFindings(this.registryGroups([abs]), this.now, this.codeowners, this.packageOf).filter((f) => f.location.file === abs);
    return { file: abs, references: refs.references, dynamic: refs.dynamic, findings, notes: this.notes().filter((n) => n.file === abs) };
  }

  /** The registry that governs a file (nearest up the tree, or an empty default). */
  registryFor(file: string): Registry {
    return this.registries.for(path.resolve(file));
  }

  referencesTo(registryKey: string): FlagReference[] {
    const out: FlagReference[] = [];
    this.currentFindings();
    for (const r of this.perFile.values()) for (const ref of r.references) if ((ref.registryKey ?? ref.key) === registryKey) out.push(ref);
    return out;
  }

  /**
   * One file's findings. For a source file only its own references go through the rules (code
   * findings depend on the reference and its registry entry alone), so this stays fast however
   * large the workspace; registry files get the findings of the whole workspace.
   */
  findingsFor(file: string): Finding[] {
    const abs = path.resolve(file);
    if (this.findings || !this.perFile.has(abs)) return this.currentFindings().filter((f) => f.location.file === abs);
    let cached = this.fileFindings.get(abs);
    if (!cached) {
      cached = computeFindings(this.registryGroups([abs]), this.now, this.codeowners, this.packageOf).filter((f) => f.location.file === abs);
      this.fileFindings.set(abs, cached);
    }
    return cached;
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

  // ---- scanning ----------------------------------------------------------------------------

  /** Reads (or takes from the cache) every file and analyses the ones the prefilter selects. */
  private async prefilterPass(): Promise<void> {
    const regex = prefilterRegex(this.config);
    const total = this.walk.files.length;
    let done = 0;
    for (const file of this.walk.files) {
      if (++done % 500 === 0) {
        this.options.onProgress?.({ phase: 'scanning', done, total });
        await new Promise((r) => setImmediate(r));
      }
      const overlay = this.overlays.get(file);
      const entry = overlay === undefined ? this.cache.get(file) : undefined;
      if (entry) {
        const st = statOf(file);
        if (st && this.cache.isFresh(entry, st)) {
          this.useEntry(file, entry.matched, entry.facts);
          continue;
        }
      }
      const source = overlay !== undefined ? { text: overlay, size: overlay.length, mtimeMs: 0 } : readSource(file);
      if ('note' in source) {
        this.readNotes.set(file, source.note);
        this.cache.delete(file);
        continue;
      }
      // Hashing every file costs a third of the read: only worth it when there is a cache to compare with.
      const hash = this.cache.enabled ? contentHash(source.text) : '';
      if (entry && entry.hash === hash) {
        this.useEntry(file, entry.matched, entry.facts);
        if (overlay === undefined) this.cache.set(file, { ...entry, size: source.size, mtimeMs: source.mtimeMs });
        continue;
      }
      const matched = !isLargeGeneratedFile(file, source.text) && regex.test(source.text);
      const facts = matched ? analyzeFile(file, source.text, this.config) : null;
      if (matched) this.stats.parsed++;
      this.useEntry(file, matched, facts, false);
      if (overlay === undefined && this.cache.enabled) this.cache.set(file, { size: source.size, mtimeMs: source.mtimeMs, hash, matched, facts });
    }
    this.options.onProgress?.({ phase: 'scanning', done: total, total });
  }

  private useEntry(file: string, matched: boolean, facts: FileFacts | null, fromCache = true): void {
    if (fromCache) this.stats.cached++;
    if (!facts) return;
    if (matched) this.analysed.set(file, facts);
    else this.looked.set(file, facts);
    for (const note of facts.notes) this.readNotes.set(file, note);
  }

  /**
   * New wrapper names: analyse the files that call them, and re-analyse method calls of new method
   * wrappers. The files that call them are read again rather than kept from the prefilter pass: keeping the
   * unmatched texts of 15k files cost 115 MB of peak memory and saved no measurable time.
   */
  private catchUpOnNewWrappers(before: WrapperNames, after: WrapperNames): void {
    const added = [...after.functions.filter((n) => !before.functions.includes(n)), ...after.methods.filter((n) => !before.methods.includes(n))];
    if (added.length === 0) return;
    const regex = new RegExp(`\\b(?:${trieAlternation(added)})\\b`);
    const newMethods = after.methods.filter((n) => !before.methods.includes(n));
    for (const file of this.walk.files) {
      const isAnalysed = this.analysed.has(file);
      if (isAnalysed && newMethods.length === 0) continue;
      const text = this.overlays.get(file) ?? readText(file);
      // indexOf first: it is many times faster than any regex, and most files hold none of the few new names.
      if (text === undefined || !added.some((n) => text.includes(n)) || isLargeGeneratedFile(file, text) || !regex.test(text)) continue;
      const facts = analyzeFile(file, text, this.config);
      this.stats.parsed++;
      this.looked.delete(file);
      this.useEntry(file, true, facts, false);
      const st = this.cache.enabled ? statOf(file) : undefined;
      if (st && !this.overlays.has(file)) this.cache.set(file, { size: st.size, mtimeMs: st.mtimeMs, hash: contentHash(text), matched: true, facts });
    }
  }

  private inferWrappers(): WrapperNames {
    this.wrappers = WrapperTable.infer(this.analysed.values(), this.resolver);
    return { functions: this.wrappers.functionNames(), methods: this.wrappers.methodNames() };
  }

  private wrapperNames(): WrapperNames {
    return { functions: [...this.config.functionWrappers].sort(), methods: [...this.config.methodWrappers].sort() };
  }

  private setWrapperNames(names: WrapperNames): void {
    this.config.functionWrappers = new Set(names.functions);
    this.config.methodWrappers = new Set(names.methods);
  }

  /**
   * After the prefilter, a file it skipped calls no flag function or wrapper, so it cannot define a
   * wrapper; it matters for wrappers only if it re-exports one (a barrel). Telling that from the
   * text spares parsing large library-like modules just to learn they hold no wrapper.
   */
  private mayHoldWrapper(file: string): boolean {
    if (!this.prefiltered || this.analysed.has(file) || this.looked.has(file)) return true;
    let verdict = this.reexports.get(file);
    if (verdict === undefined) {
      const text = this.overlays.get(file) ?? readText(file);
      verdict = text !== undefined && REEXPORT.test(text);
      this.reexports.set(file, verdict);
    }
    return verdict;
  }

  /** Facts of any workspace file, parsing it on demand when the prefilter skipped it. */
  private factsOf(file: string): FileFacts | undefined {
    const known = this.analysed.get(file) ?? this.looked.get(file);
    if (known) return known;
    const text = this.overlays.get(file) ?? readText(file);
    if (text === undefined) return undefined;
    const facts = analyzeFile(file, text, this.config);
    this.stats.parsed++;
    this.useEntry(file, false, facts, false);
    const st = this.cache.enabled ? statOf(file) : undefined;
    if (st && this.files.has(file) && !this.overlays.has(file)) this.cache.set(file, { size: st.size, mtimeMs: st.mtimeMs, hash: contentHash(text), matched: false, facts });
    return facts;
  }

  private resolveAll(): void {
    this.fileFindings.clear();
    this.perFile.clear();
    this.dependents.clear();
    for (const file of this.analysed.keys()) this.resolveFile(file);
    this.findings = undefined;
  }

  private resolveFile(file: string): void {
    this.fileFindings.delete(file);
    const old = this.perFile.get(file);
    if (old) for (const d of old.deps) this.dependents.get(d)?.delete(file);
    const facts = this.analysed.get(file);
    if (!facts) {
      this.perFile.delete(file);
      return;
    }
    const refs = referencesOf(facts, this.resolver, this.wrappers);
    this.perFile.set(file, refs);
    for (const d of refs.deps) {
      let set = this.dependents.get(d);
      if (!set) this.dependents.set(d, (set = new Set()));
      set.add(file);
    }
  }

  private forget(file: string): void {
    this.liveTrees.forget(file);
    this.analysed.delete(file);
    this.looked.delete(file);
    this.perFile.delete(file);
    this.readNotes.delete(file);
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
    const facts = this.analysed.get(file);
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
    if (!this.findings) {
      const t0 = performance.now();
      this.findings = computeFindings(this.registryGroups(), this.now, this.codeowners, this.packageOf);
      this.timings.findings = performance.now() - t0;
    }
    return this.findings;
  }

  /** References and dynamic keys grouped by the registry that governs their file. */
  private registryGroups(only?: string[]): Map<Registry, { references: FlagReference[]; dynamic: DynamicReference[] }> {
    const groups = new Map<Registry, { references: FlagReference[]; dynamic: DynamicReference[] }>();
    for (const r of this.registries.all()) groups.set(r, { references: [], dynamic: [] });
    const files = only ?? [...this.perFile.keys()];
    for (const file of files) {
      const refs = this.perFile.get(file);
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
    return [...this.walk.notes, ...(this.cacheNote ? [this.cacheNote] : []), ...this.readNotes.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
}

/** `export * from`, `export { x } from`, `export * as ns from`, or a CommonJS module's exports (which may pass a require on). */
const REEXPORT = /\bexport\s*(?:\*|\{[^}]*\}|type\s*\{[^}]*\})\s*(?:as\s+\w+\s*)?from\b|\bmodule\.exports\b|\bexports\.[\w$]+\s*=|\bexport\s*\{[^}]*\}\s*;?/;

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

function readText(file: string): string | undefined {
  const r = readSource(file);
  return 'text' in r ? r.text : undefined;
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
  const forwarding = f.calls.filter((c) => (isParam(c.key) || c.args?.some((a) => isParam(a.key) || Object.values(a.props ?? {}).some((p) => isParam(p.key)))));
  return JSON.stringify(forwarding.map((c) => [c.enclosingFn, c.source, c.callee, c.valueType, isParam(c.key) ? c.key : null, c.target, c.method, c.args?.map((a) => (isParam(a.key) ? a.key : Object.entries(a.props ?? {}).filter(([, p]) => isParam(p.key)).map(([n, p]) => [n, p.key])))]));
}
