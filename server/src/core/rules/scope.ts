import * as path from 'node:path';
import picomatch from 'picomatch';

/** Decides whether a file lies within a flag's declared `scope` (folders, globs or package names). */
export class ScopeMatcher {
  private readonly folders: string[] = [];
  private readonly packages = new Set<string>();
  private readonly globs: ((p: string) => boolean)[] = [];

  constructor(scope: readonly string[]) {
    for (const raw of scope) {
      if (typeof raw !== 'string' || raw.trim() === '') continue;
      const item = raw.trim().replace(/^\.\//, '').replace(/\/+$/, '');
      // An item may name a package or a folder ("web" can be either), so both readings are kept.
      this.packages.add(raw.trim());
      if (picomatch.scan(item).isGlob) this.globs.push(picomatch(item, { dot: true }));
      else this.folders.push(item);
    }
  }

  /**
   * `relative` is the file's path from the registry root (posix separators); `packageName` the
   * nearest package.json's name. A glob matches the file or any folder above it, so `packages/*`
   * covers everything inside each package.
   */
  contains(relative: string, packageName: string | undefined): boolean {
    if (packageName !== undefined && this.packages.has(packageName)) return true;
    if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
    if (this.folders.some((f) => f === '' || f === '.' || relative === f || relative.startsWith(`${f}/`))) return true;
    if (this.globs.length === 0) return false;
    for (let p = relative; p !== '.' && p !== ''; p = path.posix.dirname(p)) {
      if (this.globs.some((g) => g(p))) return true;
    }
    return false;
  }
}

/** A file's path from `root` with forward slashes. */
export function relativePosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
