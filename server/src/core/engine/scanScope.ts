import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Registry } from '../model';
import { toPosix } from './fileWalker';

/**
 * Applies each registry's `scan.include` / `scan.exclude` globs to the files it governs, relative
 * to the registry's folder (so a package's registry can say `src/**` and mean its own src).
 */
export function filterByRegistryScan(
  files: readonly string[],
  registryFor: (file: string) => Registry,
  registries: readonly Registry[],
): string[] {
  const matchers = new Map<Registry, { include?: picomatch.Matcher; exclude?: picomatch.Matcher }>();
  const matcherOf = (r: Registry): { include?: picomatch.Matcher; exclude?: picomatch.Matcher } => {
    let m = matchers.get(r);
    if (!m) {
      m = {
        ...(r.scan.include.length ? { include: picomatch(r.scan.include, { dot: true }) } : {}),
        ...(r.scan.exclude.length ? { exclude: picomatch(r.scan.exclude, { dot: true }) } : {}),
      };
      matchers.set(r, m);
    }
    return m;
  };
  // The common case, and a large workspace's hot path: no registry restricts the scan.
  if (registries.every((r) => r.scan.include.length === 0 && r.scan.exclude.length === 0)) return [...files];
  return files.filter((file) => {
    const registry = registryFor(file);
    const { include, exclude } = matcherOf(registry);
    if (!include && !exclude) return true;
    const rel = toPosix(path.relative(registry.root, file));
    if (rel.startsWith('..')) return true;
    if (exclude?.(rel)) return false;
    return include ? include(rel) : true;
  });
}
