import type { Finding } from '../model';

/**
 * The findings part of the index: the whole workspace's findings, and one source file's alone
 * (an editor asks for the file it shows; running every rule over the workspace per keystroke would
 * not stay fast). Both are derived data: whoever changes references or registries invalidates.
 */
export class FindingsCache {
  private whole: Finding[] | undefined;
  private readonly perFile = new Map<string, Finding[]>();

  /** The workspace's findings, computed on first ask after an invalidation. */
  all(compute: () => Finding[]): Finding[] {
    return (this.whole ??= compute());
  }

  /**
   * One file's findings: taken from the workspace's when those are current (they are the same
   * findings), else computed for the file alone and kept until the file or a registry changes.
   */
  forFile(file: string, compute: () => Finding[]): Finding[] {
    if (this.whole) return this.whole.filter((f) => f.location.file === file);
    let cached = this.perFile.get(file);
    if (!cached) this.perFile.set(file, (cached = compute()));
    return cached;
  }

  /** A file's references changed: its own findings and the workspace's (which include it) go. */
  invalidateFile(file: string): void {
    this.perFile.delete(file);
    this.whole = undefined;
  }

  /** Registries or every file changed. */
  invalidateAll(): void {
    this.perFile.clear();
    this.whole = undefined;
  }
}
