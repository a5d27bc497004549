import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from '../detect/facts';

/** Bump when FileFacts or the analysis changes shape: older caches are then ignored. */
const CACHE_VERSION = 4;
const CACHE_FILE = 'index.json';

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** Whether the prefilter selected the file (its calls were analysed). */
  matched: boolean;
  /** Facts of an analysed file, or of a file read only to resolve a constant; null when never parsed. */
  facts: FileFacts | null;
}

/** Wrapper names known when the entries were made: unmatched files were prefiltered with them. */
export interface WrapperNames {
  functions: string[];
  methods: string[];
}

interface CacheFile {
  version: number;
  /** The detector configuration the entries were computed with. */
  fingerprint: string;
  wrappers: WrapperNames;
  /** When the cache was written (ms since the epoch). */
  writtenAt: number;
  entries: Record<string, CacheEntry>;
}

/**
 * A file modified this close to the cache write may have changed again within the same mtime tick
 * (git's "racy clean" problem): such entries are checked against the content hash, never trusted.
 */
const RACY_WINDOW_MS = 2000;

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * The persistent per-file analysis cache. An entry is trusted only while the file's size and
 * mtime are unchanged, or, when they changed, while its content hash is the same; and only for the
 * detector configuration it was made with. A corrupt or foreign cache file is ignored, never fatal.
 */
export class AnalysisCache {
  private entries = new Map<string, CacheEntry>();
  private dirty = false;
  private writtenAt = 0;

  constructor(
    private readonly dir: string | undefined,
    private readonly root: string,
  ) {}

  /** Loads entries made with this detector configuration; returns the wrapper names they assume. */
  load(fingerprint: string): WrapperNames | undefined {
    this.entries.clear();
    if (!this.dir) return undefined;
    try {
      const data = JSON.parse(fs.readFileSync(path.join(this.dir, CACHE_FILE), 'utf8')) as CacheFile;
      if (data.version !== CACHE_VERSION || data.fingerprint !== fingerprint) return undefined;
      this.writtenAt = data.writtenAt;
      for (const [rel, entry] of Object.entries(data.entries)) {
        const abs = path.join(this.root, rel);
        if (entry.facts) entry.facts.file = abs;
        this.entries.set(abs, entry);
      }
      return data.wrappers;
    } catch {
      // No cache yet, or an unreadable one: a cold scan rebuilds it.
      return undefined;
    }
  }

  get(file: string): CacheEntry | undefined {
    return this.entries.get(file);
  }

  /** Whether an entry can be used without reading the file: same size and mtime, and not racy. */
  isFresh(entry: CacheEntry, stat: { size: number; mtimeMs: number }): boolean {
    return entry.size === stat.size && entry.mtimeMs === stat.mtimeMs && stat.mtimeMs < this.writtenAt - RACY_WINDOW_MS;
  }

  set(file: string, entry: CacheEntry): void {
    this.entries.set(file, entry);
    this.dirty = true;
  }

  delete(file: string): void {
    if (this.entries.delete(file)) this.dirty = true;
  }

  /** Drops entries of files no longer in the workspace. */
  retain(files: ReadonlySet<string>): void {
    for (const f of this.entries.keys()) {
      if (!files.has(f)) {
        this.entries.delete(f);
        this.dirty = true;
      }
    }
  }

  save(fingerprint: string, wrappers: WrapperNames, force = false): void {
    if (!this.dir || (!this.dirty && !force)) return;
    const entries: Record<string, CacheEntry> = {};
    for (const [abs, entry] of this.entries) {
      const rel = path.relative(this.root, abs);
      entries[rel] = entry.facts ? { ...entry, facts: { ...entry.facts, file: rel } } : entry;
    }
    const data: CacheFile = { version: CACHE_VERSION, fingerprint, wrappers, writtenAt: Date.now(), entries };
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      // A cache folder inside a repository must not be committed.
      const gi = path.join(this.dir, '.gitignore');
      if (!fs.existsSync(gi)) fs.writeFileSync(gi, '*\n');
      const tmp = path.join(this.dir, `${CACHE_FILE}.${process.pid}.tmp`);
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, path.join(this.dir, CACHE_FILE));
      this.dirty = false;
    } catch {
      // A read-only checkout still scans; it just cannot remember.
    }
  }
}
