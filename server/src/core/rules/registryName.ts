import * as path from 'node:path';
import type { Registry } from '../model';

/** How messages name the registry: its file name (`flags.yaml`), or the folder for the one-file-per-flag form. */
export function registryName(registry: Registry): string {
  const base = path.basename(registry.path);
  return registry.format === 'folder' ? `${base}/` : base;
}
