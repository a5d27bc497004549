import { createHash } from 'node:crypto';
import type { Registry } from '../model';
import { prepareForWrite, readSealed, writeSealed, type CacheFolder } from './cacheFolder';

/** Bump when the registry loader's output changes shape or meaning. */
const REGISTRY_CACHE_VERSION = 2;
const FILE = 'registries.json';

type Stored = Omit<Registry, 'flags'> & {
  flags: [string, Registry['flags'] extends Map<string, infer E> ? E : never][];
};

/**
 * Parsed registry files by content hash: parsing and schema-checking a registry of hundreds of
 * flags costs more than a warm scan of thousands of files, and its text rarely changes between runs.
 */
export class RegistryCache {
  private entries = new Map<string, { hash: string; registry: Stored }>();
  private dirty = false;

  constructor(
    private readonly folder: CacheFolder | undefined,
    private readonly root: string,
  ) {
    // Sealed like the analysis cache: a forged registry would change every finding.
    const body = folder ? readSealed(folder, FILE) : undefined;
    if (body === undefined) return;
    try {
      const data = JSON.parse(body) as { version: number; entries: Record<string, { hash: string; registry: Stored }> };
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
    if (!this.folder) return;
    this.entries.set(file, { hash: hashOf(text), registry: { ...registry, flags: [...registry.flags] } });
    this.dirty = true;
  }

  save(): void {
    if (!this.folder || !this.dirty) return;
    try {
      if (!prepareForWrite(this.folder, this.root)) return;
      writeSealed(
        this.folder,
        FILE,
        JSON.stringify({ version: REGISTRY_CACHE_VERSION, entries: Object.fromEntries(this.entries) }),
      );
      this.dirty = false;
    } catch {
      // A read-only location only means registries are parsed again next time.
    }
  }
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
