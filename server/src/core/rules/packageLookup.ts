import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PackageInfo {
  name: string;
  dir: string;
}

/**
 * `packageOf(file)`: the nearest package.json above a file, memoised per folder so a scan of
 * thousands of files reads each package.json once. A package.json without a usable `name` still
 * counts (as its folder's name): it marks a package boundary. A package.json that cannot be parsed is
 * skipped, so a broken manifest does not hide the package above it.
 */
export function createPackageLookup(
  /** Told of every package.json looked for (what a kept result depends on: engine/resultCache.ts). */
  onRead?: (file: string) => void,
): (file: string) => PackageInfo | undefined {
  const byDir = new Map<string, PackageInfo | null>();
  const lookup = (dir: string): PackageInfo | undefined => {
    const known = byDir.get(dir);
    if (known !== undefined) return known ?? undefined;
    let found: PackageInfo | undefined;
    onRead?.(path.join(dir, 'package.json'));
    const manifest = readManifest(path.join(dir, 'package.json'));
    if (manifest) {
      found = {
        name: typeof manifest.name === 'string' && manifest.name.trim() !== '' ? manifest.name : path.basename(dir),
        dir,
      };
    } else {
      const parent = path.dirname(dir);
      found = parent === dir ? undefined : lookup(parent);
    }
    byDir.set(dir, found ?? null);
    return found;
  };
  return (file) => lookup(path.dirname(path.resolve(file)));
}

function readManifest(file: string): { name?: unknown } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
