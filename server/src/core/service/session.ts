/**
 * A session over a workspace: one FlagIndex per workspace folder, the open documents that override
 * files on disk, the settings, and the debounced flow of edits into the indexes. It decides when a
 * registry change rebuilds a folder (core/service/registryRefresh.ts) and when the date has turned
 * (core/service/today.ts). Paths and core positions only: the language server adapts URIs and its
 * documents to it (docs/architecture.md, "The service layer").
 */
import { attachTimelines } from '../history';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSourceFile } from '../engine/fileWalker';
import { FlagIndex } from '../engine/flagIndex';
import { isRegistryPath, loadRegistry, registryContaining, registryIn } from '../registry';
import type { EngineOptions, FileResult, ScanProgress, ScanResult } from '../engine/types';
import type { Finding, FlagEntry, FlagReference, Registry, SeveritySetting } from '../model';
import { Emitter } from './events';
import { PackageLocator } from './packages';
import { isInside } from './paths';
import { registryRefresh } from './registryRefresh';
import { defaultSettings, sameScanScope, type FlaglintSettings } from './settings';
import { currentDay, sameDay } from './today';

/** What the session asks of its front end: logging, messages to the user and progress. */
export interface SessionHost {
  showMessage(type: 'error' | 'warning' | 'info', message: string): void;
  log(type: 'error' | 'warning' | 'info' | 'log', message: string): void;
  createProgress(title: string): Promise<ProgressReporter>;
}

export interface ProgressReporter {
  report(message: string, percentage?: number): void;
  done(): void;
}

/** An editor buffer: its text wins over the file on disk. */
export interface OpenDocument {
  file: string;
  text: string;
  version: number;
}

export interface FolderInfo {
  uri: string;
  name: string;
  /** Absolute path. */
  root: string;
}

export type ScanState = 'pending' | 'scanning' | 'ready' | 'failed';

/** What changed in a folder, for features that refresh views. */
export interface FolderUpdate {
  folder: FolderState;
  /** Files whose findings may have changed; undefined = every file (scan, registry or settings change). */
  files: string[] | undefined;
}

export class FolderState {
  state: ScanState = 'pending';
  /** Bumped on every change, so derived tables know when to rebuild. */
  version = 0;
  index: FlagIndex;
  readonly packages: PackageLocator;
  private byFile: { version: number; map: Map<string, FlagReference[]> } | undefined;
  private existing: { version: number; list: Registry[] } | undefined;
  private byKey: { version: number; map: Map<string, Finding[]> } | undefined;
  private early: FlagIndex | undefined;
  /** Open documents the early index has answered, with the version it answered. */
  readonly earlyAnswers = new Map<string, number>();

  constructor(
    readonly info: FolderInfo,
    public settings: FlaglintSettings,
    /** The extension's cache folder, if the client gave one. */
    readonly cacheBase?: string,
  ) {
    // The full scan gathers discovery's sites with its own reads (and caches them), so that the
    // Explorer's "own flag API" hint needs no second walk of the workspace.
    this.index = FolderState.createIndex(info, settings, cacheBase, 'undescribed');
    this.packages = new PackageLocator(info.root);
  }

  static createIndex(
    info: FolderInfo,
    settings: FlaglintSettings,
    cacheBase?: string,
    discover?: EngineOptions['discover'],
  ): FlagIndex {
    const registryPath = settings.registryPath.trim();
    return new FlagIndex({
      ...(discover ? { discover } : {}),
      root: info.root,
      // The session's day, so hovers, lenses and drafted entries judge by the rules' date.
      now: currentDay(),
      // Never the workspace itself: the server writes only what the user asks for.
      cacheDir: cacheBase
        ? path.join(cacheBase, createHash('sha1').update(info.root).digest('hex').slice(0, 16))
        : false,
      registryPath: registryPath ? path.resolve(info.root, registryPath) : undefined,
      include: settings.include.length ? settings.include : undefined,
      exclude: settings.exclude.length ? settings.exclude : undefined,
      // The registry's git history, as `flaglint check` reads it: `created` inferred from git and the
      // history-based rules, so that the editor's findings are the CLI's; hovers show who changed what.
      beforeFindings: async (registries) => (await attachTimelines(registries)).registries,
    });
  }

  /**
   * The index that answers open documents before the scan ends: one of its own, never the scanning
   * index, so that an answer given mid-scan cannot change what the scan finds (and the findings
   * after the scan stay the CLI's). It loads the registry and parses the open files and what their
   * calls lead to, nothing else; dropped once the scan is done.
   */
  earlyIndex(): FlagIndex {
    this.early ??= FolderState.createIndex(this.info, this.settings);
    return this.early;
  }

  /** The scan has answered for every file (or the settings changed): the early index goes. */
  dropEarlyIndex(): void {
    this.early = undefined;
    this.earlyAnswers.clear();
  }

  get root(): string {
    return this.info.root;
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  /** The full result, once the first scan has finished. */
  result(): ScanResult | undefined {
    return this.ready ? this.index.result() : undefined;
  }

  /** The registries that exist (the engine's empty default for a folder without one is left out). */
  registries(): Registry[] {
    if (this.existing?.version === this.version && this.ready) return this.existing.list;
    let all: Registry[];
    try {
      all = this.result()?.registries ?? [this.index.registryFor(path.join(this.root, '__flaglint__.ts'))];
    } catch {
      all = [];
    }
    const list = all.filter((r) => r.flags.size > 0 || fs.existsSync(r.path));
    this.existing = { version: this.version, list };
    return list;
  }

  /** A flag's registry entry, as the registry governing `file` records it. */
  entryFor(file: string, registryKey: string): { registry: Registry; entry: FlagEntry } | undefined {
    const registry = this.index.registryFor(file);
    const entry = registry.flags.get(registryKey);
    return entry ? { registry, entry } : undefined;
  }

  /** Every registry entry with this key (a monorepo may have several registries). */
  entriesNamed(key: string): { registry: Registry; entry: FlagEntry }[] {
    const found: { registry: Registry; entry: FlagEntry }[] = [];
    for (const registry of this.registries()) {
      const entry = registry.flags.get(key);
      if (entry) found.push({ registry, entry });
    }
    return found;
  }

  /** References in one file from the index (after the scan) — callers pass open text separately. */
  referencesInIndexedFile(file: string): FlagReference[] {
    const result = this.result();
    if (!result) return [];
    if (!this.byFile || this.byFile.version !== this.version) {
      const map = new Map<string, FlagReference[]>();
      for (const ref of result.references) {
        const list = map.get(ref.location.file);
        if (list) list.push(ref);
        else map.set(ref.location.file, [ref]);
      }
      this.byFile = { version: this.version, map };
    }
    return this.byFile.map.get(file) ?? [];
  }

  /** A finding's severity in the editor: the user's `flaglint.severity` setting wins over the registry's policy. */
  severityOf(finding: Finding): SeveritySetting {
    return this.settings.severity[finding.ruleId] ?? finding.severity;
  }

  /** Counts for the status bar and the tree: findings that are not turned off. */
  problemCounts(): { problems: number; errors: number; warnings: number } {
    let problems = 0;
    let errors = 0;
    let warnings = 0;
    for (const finding of this.result()?.findings ?? []) {
      const level = this.severityOf(finding);
      if (level === 'off') continue;
      problems++;
      if (level === 'error') errors++;
      else if (level === 'warning') warnings++;
    }
    return { problems, errors, warnings };
  }

  /** A flag's findings (code and registry), with the user's severity overrides applied. */
  problemsOf(registryKey: string): Finding[] {
    const result = this.result();
    if (!result) return [];
    if (!this.byKey || this.byKey.version !== this.version) {
      const map = new Map<string, Finding[]>();
      for (const finding of result.findings) {
        if (finding.flagKey === undefined) continue;
        const level = this.severityOf(finding);
        if (level === 'off') continue;
        const adjusted = level === finding.severity ? finding : { ...finding, severity: level };
        const list = map.get(finding.flagKey);
        if (list) list.push(adjusted);
        else map.set(finding.flagKey, [adjusted]);
      }
      this.byKey = { version: this.version, map };
    }
    return this.byKey.map.get(registryKey) ?? [];
  }

  referencesTo(registryKey: string): FlagReference[] {
    return this.ready ? this.index.referencesTo(registryKey) : [];
  }

  /** Whether a path is (or is inside) a registry of this folder, or is named like one. */
  isRegistryFile(file: string): boolean {
    if (isRegistryPath(file)) return true;
    const configured = this.settings.registryPath.trim();
    if (configured) {
      const resolved = path.resolve(this.root, configured);
      if (isInside(resolved, file)) return true;
    }
    return this.registries().some((r) => (r.format === 'folder' ? isInside(r.path, file) : r.path === file));
  }
}

export interface WorkspaceOptions {
  client: SessionHost;
  /** The open documents (editor buffers). */
  openDocuments(): OpenDocument[];
  trusted: boolean;
  /** The folder for analysis caches (one subfolder per workspace folder); none = no cache. */
  cacheDir?: string;
  /** Debounce of edits in milliseconds. */
  debounceMs?: number;
}

export class Workspace {
  readonly folders: FolderState[] = [];
  readonly onDidUpdate = new Emitter<FolderUpdate>();
  /** Fires when a document's findings were computed from its buffer before the folder's scan ended. */
  readonly onEarlyResult = new Emitter<{ folder: FolderState; file: string; result: FileResult }>();
  readonly onScanStateChanged = new Emitter<FolderState>();
  readonly trusted: boolean;
  private readonly client: SessionHost;
  private readonly debounceMs: number;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Open documents whose buffer differs from disk (or may), by file; applied to the index after a scan. */
  private readonly dirty = new Set<string>();
  /** Files changed on disk while their folder was being scanned. */
  private readonly changedDuringScan = new Set<string>();
  /** Running scans by index (a rebuilt folder gets a new index, and a scan of its own). */
  private readonly scans = new Map<FlagIndex, Promise<void>>();

  private dayTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: WorkspaceOptions) {
    this.client = options.client;
    this.trusted = options.trusted;
    this.debounceMs = options.debounceMs ?? 150;
    this.scheduleDayCheck();
  }

  // ----- today -----------------------------------------------------------------------------

  /** The date the session judges by: the folders' index date, which `refreshDay` keeps current. */
  today(): Date {
    return this.folders[0]?.index.now ?? currentDay();
  }

  /**
   * Rebuilds every folder whose index was made on an earlier day, so that staleness findings,
   * lenses and hovers move on at midnight together. Returns the folders rebuilt.
   */
  refreshDay(): FolderState[] {
    const day = currentDay();
    const stale = this.folders.filter((f) => f.state !== 'pending' && !sameDay(f.index.now, day));
    for (const folder of stale) void this.rebuild(folder);
    return stale;
  }

  /** Checks the date just after each UTC midnight (the timer does not keep the process alive). */
  private scheduleDayCheck(): void {
    const now = Date.now();
    const nextMidnight = currentDay(() => new Date(now)).getTime() + 24 * 60 * 60 * 1000;
    const wait = Math.max(1000, Math.min(nextMidnight - now + 1000, 24 * 60 * 60 * 1000));
    this.dayTimer = setTimeout(() => {
      this.refreshDay();
      this.scheduleDayCheck();
    }, wait);
    this.dayTimer.unref();
  }

  // ----- folders ---------------------------------------------------------------------------

  addFolder(info: FolderInfo, settings: FlaglintSettings = defaultSettings()): FolderState {
    const folder = new FolderState(info, settings, this.options.cacheDir);
    this.folders.push(folder);
    // Deepest first, so a nested workspace folder wins over its parent.
    this.folders.sort((a, b) => b.root.length - a.root.length);
    return folder;
  }

  removeFolder(uri: string): FolderState | undefined {
    const at = this.folders.findIndex((f) => f.info.uri === uri);
    return at >= 0 ? this.folders.splice(at, 1)[0] : undefined;
  }

  folderFor(file: string): FolderState | undefined {
    return this.folders.find((f) => isInside(f.root, file));
  }

  /**
   * The folder a command is about: the one holding `file` when given; else the first that knows
   * `key` (in its registry or its code); else the outermost folder.
   */
  folderForCommand(file: string | undefined, key?: string): FolderState | undefined {
    if (file) return this.folderFor(file);
    if (key !== undefined) {
      const knowing = this.folders.find((f) => f.entriesNamed(key).length > 0 || f.referencesTo(key).length > 0);
      if (knowing) return knowing;
    }
    return this.folders[this.folders.length - 1];
  }

  /** Replaces a folder's settings; a change of what is scanned rebuilds its index. */
  updateSettings(folder: FolderState, settings: FlaglintSettings, force = false): boolean {
    const before = folder.settings;
    folder.settings = settings;
    const rescan = force || !sameScanScope(before, settings);
    if (rescan) {
      folder.index = FolderState.createIndex(folder.info, settings, folder.cacheBase, 'undescribed');
      folder.dropEarlyIndex();
      folder.state = 'pending';
      folder.version++;
    }
    return rescan;
  }

  get scanning(): boolean {
    return this.folders.some((f) => f.state === 'scanning' || f.state === 'pending');
  }

  /** Scans a folder (once at a time); open documents' buffers are applied when it ends. */
  scan(folder: FolderState): Promise<void> {
    const index = folder.index;
    const running = this.scans.get(index);
    if (running) return running;
    const run = this.runScan(folder).finally(() => this.scans.delete(index));
    this.scans.set(index, run);
    return run;
  }

  private async runScan(folder: FolderState): Promise<void> {
    const index = folder.index;
    folder.state = 'scanning';
    this.onScanStateChanged.fire(folder, (e) => this.logError(e));
    const progress = await this.client.createProgress(`Flaglint: scanning ${folder.info.name}`);
    // Open documents first: their findings from the buffer and the registry, published before the
    // walk of the workspace starts (the scan replaces them when it ends).
    // A document answered when it opened is not answered again for the same version.
    for (const doc of this.openFiles())
      if (this.folderFor(doc.file) === folder && folder.earlyAnswers.get(doc.file) !== doc.version)
        this.answerEarly(doc.file);
    // The walk below is synchronous: let the diagnostics just published leave the process first.
    await new Promise((resolve) => setImmediate(resolve));
    if (folder.index !== index) {
      progress.done();
      return;
    }
    let lastPercent = -1;
    const onProgress = (p: ScanProgress): void => {
      const percent = p.total ? Math.floor((100 * p.done) / p.total) : 0;
      if (percent === lastPercent) return;
      lastPercent = percent;
      progress.report(p.phase === 'scanning' ? `${p.done}/${p.total} files` : p.phase, percent);
    };
    try {
      const result = await index.scan(onProgress);
      if (folder.index !== index) return; // settings changed meanwhile; the new index scans itself
      folder.state = 'ready';
      folder.dropEarlyIndex();
      folder.version++;
      this.client.log(
        'info',
        `Scanned ${folder.info.name}: ${result.stats.files} files (${result.stats.parsed} parsed, ${result.stats.cached} from cache), ${result.references.length} references, ${result.findings.length} findings in ${result.stats.ms} ms`,
      );
      for (const note of result.notes) this.client.log('log', `${note.file}: ${note.kind}: ${note.message}`);
      for (const file of [...this.changedDuringScan]) {
        if (this.folderFor(file) !== folder) continue;
        this.changedDuringScan.delete(file);
        this.fileChangedOnDisk(file);
      }
      // The scan has just read the disk: applying the buffers must not ask for another rebuild.
      for (const file of [...this.dirty]) {
        if (this.folderFor(file) === folder) this.applyToIndex(folder, file, false);
      }
    } catch (error) {
      if (folder.index !== index) return;
      folder.state = 'failed';
      const message = error instanceof Error ? error.message : String(error);
      this.client.log(
        'error',
        `Scan of ${folder.root} failed: ${error instanceof Error ? (error.stack ?? message) : message}`,
      );
      this.client.showMessage('error', `Flaglint could not scan ${folder.info.name}: ${message}`);
    } finally {
      progress.done();
    }
    // Diagnostics first, so that a client told "scan finished" already has them.
    this.onDidUpdate.fire({ folder, files: undefined }, (e) => this.logError(e));
    this.onScanStateChanged.fire(folder, (e) => this.logError(e));
  }

  // ----- documents -----------------------------------------------------------------------

  text(file: string): string | undefined {
    return this.documentFor(file)?.text;
  }

  openFiles(): OpenDocument[] {
    return this.options.openDocuments();
  }

  documentFor(file: string): OpenDocument | undefined {
    return this.options.openDocuments().find((d) => d.file === file);
  }

  /** The open buffers by file, for refactors that read many files. */
  buffers(): Map<string, string> {
    return new Map(this.openFiles().map((f) => [f.file, f.text]));
  }

  /** Text of a file: the open buffer, else the disk (undefined when unreadable). */
  readText(file: string): string | undefined {
    const open = this.text(file);
    if (open !== undefined) return open;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  documentOpened(file: string): void {
    let onDisk: string | undefined;
    try {
      onDisk = fs.readFileSync(file, 'utf8');
    } catch {
      onDisk = undefined;
    }
    if (onDisk !== this.text(file)) this.documentChanged(file);
    else this.answerEarly(file);
  }

  documentChanged(file: string): void {
    this.dirty.add(file);
    const timer = this.pending.get(file);
    if (timer) clearTimeout(timer);
    this.pending.set(
      file,
      setTimeout(() => {
        this.pending.delete(file);
        this.sync(file);
      }, this.debounceMs),
    );
  }

  /** A closed document reverts to what is on disk. */
  documentClosed(file: string): void {
    const timer = this.pending.get(file);
    if (timer) clearTimeout(timer);
    this.pending.delete(file);
    if (this.dirty.delete(file)) this.fileChangedOnDisk(file);
  }

  /** Applies a pending edit at once (before answering a request about that document). */
  flush(file: string): void {
    const timer = this.pending.get(file);
    if (!timer) return;
    clearTimeout(timer);
    this.pending.delete(file);
    this.sync(file);
  }

  /**
   * A file watcher's event. A registry appearing or vanishing, or a changed package, ownership or
   * ignore file, changes which registry governs which file: that folder's index is rebuilt (its
   * cache keeps this cheap). Anything else is an update of one file.
   */
  fileEvent(file: string, kind: 'created' | 'changed' | 'deleted'): void {
    const folder = this.folderFor(file);
    if (!folder) return;
    const base = path.basename(file);
    const structural =
      (kind !== 'changed' && folder.isRegistryFile(file)) ||
      base === 'package.json' ||
      base === 'CODEOWNERS' ||
      base === '.gitignore';
    if (structural) void this.rebuild(folder);
    else this.fileChangedOnDisk(file);
  }

  /** A file changed, appeared or vanished on disk (file watcher); open buffers win over the disk. */
  fileChangedOnDisk(file: string): void {
    const folder = this.folderFor(file);
    if (!folder) return;
    if (!folder.ready) {
      // The running scan may have read the file already: apply the change when it ends.
      this.changedDuringScan.add(file);
      return;
    }
    const isRegistry = folder.isRegistryFile(file);
    if (!isRegistry && !isSourceFile(file)) return;
    if (this.dirty.has(file)) {
      // An open buffer wins; but a saved registry may now apply scan settings that waited for the save.
      if (isRegistry && this.text(file) === readDisk(file)) this.registryChanged(folder, file, this.text(file), true);
      return;
    }
    try {
      if (isRegistry) this.registryChanged(folder, file, undefined, true);
      else this.changed(folder, folder.index.updateFile(file));
    } catch (error) {
      this.logError(error);
    }
  }

  /** Rebuilds a folder's index from scratch (a registry appeared, its scan settings changed, …). */
  rebuild(folder: FolderState): Promise<void> {
    this.updateSettings(folder, { ...folder.settings }, true);
    return this.scan(folder);
  }

  /**
   * A registry's text changed. Its flags, owners and policy apply at once; a change of its `scan`
   * section (what counts as a flag call, which files) rebuilds the index, which reads the disk, so
   * an unsaved change of that section waits for the save.
   */
  private registryChanged(
    folder: FolderState,
    file: string,
    text: string | undefined,
    fromDisk: boolean,
    mayRebuild = true,
  ): void {
    const configured = folder.settings.registryPath.trim();
    const registryPath = configured ? path.resolve(folder.root, configured) : (registryContaining(file) ?? file);
    const folderForm = registryPath !== file;
    const next = folderForm
      ? loadRegistry(registryPath, undefined, { buffers: this.buffers() })
      : loadRegistry(registryPath, text);
    const previous = folder.registries().find((r) => r.path === registryPath);
    if (!previous) {
      // Governs nothing yet: a registry just written (its folder is rebuilt once it is on disk), or
      // a file that only looks like one (a flags.json of translations), which is left alone.
      const saved = fromDisk || text === readDisk(file);
      const real = configured ? fs.existsSync(registryPath) : registryIn(path.dirname(registryPath)) === registryPath;
      if (saved && real && mayRebuild) void this.rebuild(folder);
      return;
    }
    const decision = registryRefresh(previous, next, { saved: fromDisk || text === readDisk(file), mayRebuild });
    if (decision.action === 'rebuild') {
      void this.rebuild(folder);
      return;
    }
    if (decision.action === 'wait')
      this.client.log('info', `${file}: the changed scan settings take effect when the registry is saved`);
    // Parsed once, here: the engine takes this registry (with a folder registry's unsaved files too).
    void folder.index.updateRegistry(registryPath, folderForm ? undefined : text, decision.registry);
    this.changed(folder, undefined);
  }

  private sync(file: string): void {
    const folder = this.folderFor(file);
    if (!folder) return;
    if (folder.ready) this.applyToIndex(folder, file);
    else this.answerEarly(file);
  }

  /** Before the scan ends: one open document's findings from its buffer alone. */
  private answerEarly(file: string): void {
    const folder = this.folderFor(file);
    if (!folder || folder.ready || !isSourceFile(file)) return;
    try {
      const doc = this.documentFor(file);
      const result = folder.earlyIndex().fileResult(file, doc?.text);
      if (doc) folder.earlyAnswers.set(file, doc.version);
      this.onEarlyResult.fire({ folder, file, result }, (e) => this.logError(e));
    } catch (error) {
      this.logError(error);
    }
  }

  private applyToIndex(folder: FolderState, file: string, mayRebuild = true): void {
    const text = this.text(file);
    if (text === undefined) this.dirty.delete(file);
    try {
      if (folder.isRegistryFile(file)) {
        this.registryChanged(folder, file, text, false, mayRebuild);
      } else if (isSourceFile(file)) {
        const files = folder.index.updateFile(file, text);
        this.changed(folder, files.includes(file) ? files : [file, ...files]);
      }
    } catch (error) {
      this.logError(error);
    }
  }

  private changed(folder: FolderState, files: string[] | undefined): void {
    folder.version++;
    this.onDidUpdate.fire({ folder, files }, (e) => this.logError(e));
  }

  /** References in a file: the open buffer's (fresh) or the index's. */
  referencesIn(file: string): FlagReference[] {
    const folder = this.folderFor(file);
    if (!folder) return [];
    this.flushFile(file);
    if (folder.ready) return folder.referencesInIndexedFile(file);
    if (!isSourceFile(file)) return [];
    try {
      return folder.earlyIndex().fileResult(file, this.text(file)).references;
    } catch (error) {
      this.logError(error);
      return [];
    }
  }

  private flushFile(file: string): void {
    this.flush(file);
  }

  logError(error: unknown): void {
    this.client.log('error', error instanceof Error ? (error.stack ?? error.message) : String(error));
  }

  dispose(): void {
    if (this.dayTimer) clearTimeout(this.dayTimer);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}

function readDisk(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
