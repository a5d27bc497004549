import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/** Flaglint's own version from its package.json (bundled: dist/ → ..; compiled: out/server/src/core/engine → five up). */
export function toolVersion(): string {
  if (cached) return cached;
  for (const candidate of ['../package.json', '../../../../../package.json']) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, candidate), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'flaglint' && manifest.version) return (cached = manifest.version);
    } catch {
      continue;
    }
  }
  return (cached = '0.0.0');
}
