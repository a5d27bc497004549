import * as fs from 'node:fs';
import * as path from 'node:path';

/** The nearest tsconfig.json (or jsconfig.json) above a file, cached per folder. */
export class TsconfigLookup {
  private readonly byDir = new Map<string, string | null>();

  nearest(file: string): string | undefined {
    return this.forDir(path.dirname(file)) ?? undefined;
  }

  private forDir(dir: string): string | null {
    const hit = this.byDir.get(dir);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) {
        found = candidate;
        break;
      }
    }
    if (!found) {
      const parent = path.dirname(dir);
      found = parent === dir ? null : this.forDir(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }
}
