import * as fs from 'node:fs';
import * as path from 'node:path';

/** Workspace package name → folder, from the package.json files of a monorepo. */
export function readPackageNames(manifests: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of manifests) {
    try {
      const name = (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown }).name;
      if (typeof name === 'string' && name && !out.has(name)) out.set(name, path.dirname(file));
    } catch {
      // A broken package.json only means its package cannot be imported by name.
    }
  }
  return out;
}
