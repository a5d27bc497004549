import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Registry } from '../model';

/** Bump when the registry loader's output changes shape or meaning. */
const REGISTRY_CACHE_VERSION = 1;
const FILE = 'registries.json';

type Stored = Omit<Registry, 'flags'> & { flags: [string, Registry['flags'] extends Map<string, infer E> ? E : never][] };

/**
 * Parsed registry files by content hash: parsing and schema-checking a registry of hundreds of
 * flags costs more than a warm scan of thousands of files, and its text rarely changes between runs.
 */
export class RegistryCache {
  private entries = new Map<string, { hash: string; registry: Stored }>();
  private dirty = false;

  constructor(private readonly dir: string | undefined) {
    if (!dir) return;
    try {
      const data = JSON.parse(fs.readFileSync(path.join(dir, FILE), 'utf8')) as { version: number; entries: Record<string, { hash: string; registry: Stored }> };
      if (data.version === REGISTRY_CACHE_VERSION) this.entries = new Map(Object.entries(data.entries));
    } catch {
      // Nothing cached yet, or an unreadable cache: registries are parsed.
    }
  }

  get(file: string, text: string): Registry | undefined {
    const hit = this.entries.get(file);
    if (!hit || hit.hash !== hashOf(text)) return undefined;
    return { ...hit.registry, flags: new Map(hit.registry.flags) };
  }

  set(file: string, text: string, registry: Registry): void {
    if (!this.dir) return;
    this.entries.set(file, { hash: hashOf(text), registry: { ...registry, flags: [...registry.flags] } });
    this.dirty = true;
  }

  save(): void {
    if (!this.dir || !this.dirty) return;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const tmp = path.join(this.dir, `${FILE}.${process.pid}.tmp`);
      fs.writeFileSync(tmp, JSON.stringify({ version: REGISTRY_CACHE_VERSION, entries: Object.fromEntries(this.entries) }));
      fs.renameSync(tmp, path.join(this.dir, FILE));
      this.dirty = false;
    } catch {
      // A read-only location only means registries are parsed again next time.
    }
  }
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
