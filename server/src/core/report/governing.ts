import * as path from 'node:path';
import type { Registry } from '../model';

function inside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Which of a scan's registries a file belongs to: the registry itself (its file, or a file in its
 * folder), else the registry with the deepest root above the file, as in a monorepo.
 */
export function registryGoverning(registries: readonly Registry[], file: string): Registry | undefined {
  for (const reg of registries) {
    if (file === reg.path || (reg.format === 'folder' && inside(file, reg.path))) return reg;
  }
  let best: Registry | undefined;
  for (const reg of registries) {
    if (inside(file, reg.root) && (!best || reg.root.length > best.root.length)) best = reg;
  }
  // With an explicit registry (`--registry`) the one registry governs everything scanned.
  return best ?? (registries.length === 1 ? registries[0] : undefined);
}
