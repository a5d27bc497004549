/** The package a file belongs to (nearest package.json up to the workspace root), for blast-radius display. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from './paths';

export class PackageLocator {
  private readonly cache = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** The package folder relative to the root (`.` for the root package), with the package's name when it has one. */
  packageOf(file: string): string {
    return this.lookup(path.dirname(file));
  }

  private lookup(dir: string): string {
    const cached = this.cache.get(dir);
    if (cached !== undefined) return cached;
    let answer: string;
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) || dir === this.root || !isInside(this.root, dir)) {
      answer = this.label(dir, manifest);
    } else {
      answer = this.lookup(path.dirname(dir));
    }
    this.cache.set(dir, answer);
    return answer;
  }

  private label(dir: string, manifest: string): string {
    try {
      const name = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
      if (typeof name === 'string' && name) return name;
    } catch {
      // no manifest or not JSON: fall back to the folder
    }
    const rel = path.relative(this.root, dir).split(path.sep).join('/');
    return rel || '.';
  }
}
