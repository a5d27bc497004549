import type { FileFacts } from '../detect/facts';
import type { ScanNote } from '../model';
import { analyzeFile, LazyLiveTrees } from './lazyAnalysis';
import type { DetectorConfig } from '../detect/detectorConfig';
import { readSource } from './sourceText';

/**
 * The file-analysis part of the index: each file's facts (its calls, imports, exports, constants),
 * the open editor buffers that win over the disk, and the notes of files that could not be read.
 * It knows nothing of registries or keys across files; the index decides what to analyse and when.
 */
export class FileAnalyses {
  /** Files the prefilter selected (or that call a wrapper), analysed in full: their calls count. */
  private readonly analysed = new Map<string, FileFacts>();
  /** Files parsed only to look up a constant or an export: their calls are not references. */
  private readonly looked = new Map<string, FileFacts>();
  /** Open editor buffers, which win over the disk. */
  private readonly overlays = new Map<string, string>();
  private readonly readNotes = new Map<string, ScanNote>();
  /** Incrementally re-parsed trees of the buffers being typed in. */
  private readonly liveTrees = new LazyLiveTrees();

  /** A new scan: every analysis and note goes; the buffers stay (they are still open). */
  clear(): void {
    this.analysed.clear();
    this.looked.clear();
    this.readNotes.clear();
  }

  /** The facts of a file analysed in full or looked up, if either. */
  factsOf(file: string): FileFacts | undefined {
    return this.analysed.get(file) ?? this.looked.get(file);
  }

  /** The facts of a file whose calls count as references. */
  analysedFacts(file: string): FileFacts | undefined {
    return this.analysed.get(file);
  }

  isAnalysed(file: string): boolean {
    return this.analysed.has(file);
  }

  isKnown(file: string): boolean {
    return this.analysed.has(file) || this.looked.has(file);
  }

  analysedFiles(): IterableIterator<string> {
    return this.analysed.keys();
  }

  allAnalysed(): IterableIterator<FileFacts> {
    return this.analysed.values();
  }

  /** Records a file's facts: `matched` (its calls count) or only looked up; its facts' notes with them. */
  record(file: string, matched: boolean, facts: FileFacts): void {
    if (matched) {
      this.analysed.set(file, facts);
      this.looked.delete(file);
    } else this.looked.set(file, facts);
    for (const note of facts.notes) this.readNotes.set(file, note);
  }

  /**
   * Analyses a file's new text in full: an editor buffer through its live tree (a keystroke costs a
   * re-parse of what changed), a file on disk from scratch (and its live tree goes).
   */
  reanalyse(file: string, text: string, fromBuffer: boolean, config: DetectorConfig): FileFacts {
    const facts = fromBuffer ? this.liveTrees.analyze(file, text, config) : analyzeFile(file, text, config);
    if (!fromBuffer) this.liveTrees.forget(file);
    this.readNotes.delete(file);
    this.record(file, true, facts);
    return facts;
  }

  /** Sets (text) or drops (undefined) the editor buffer of a file. */
  setOverlay(file: string, text: string | undefined): void {
    if (text === undefined) this.overlays.delete(file);
    else this.overlays.set(file, text);
  }

  overlay(file: string): string | undefined {
    return this.overlays.get(file);
  }

  /** Whether any editor buffer wins over the disk. */
  hasOverlays(): boolean {
    return this.overlays.size > 0;
  }

  hasOverlay(file: string): boolean {
    return this.overlays.has(file);
  }

  /** The text a file has for the index: its buffer, else the disk (undefined when unreadable). */
  textOf(file: string): string | undefined {
    const overlay = this.overlays.get(file);
    if (overlay !== undefined) return overlay;
    const r = readSource(file);
    return 'text' in r ? r.text : undefined;
  }

  noteUnreadable(file: string, note: ScanNote): void {
    this.readNotes.set(file, note);
  }

  notes(): IterableIterator<ScanNote> {
    return this.readNotes.values();
  }

  /** A file vanished or became unreadable: its facts, tree and notes go. */
  forget(file: string): void {
    this.liveTrees.forget(file);
    this.analysed.delete(file);
    this.looked.delete(file);
    this.readNotes.delete(file);
  }
}
