import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DiscoverySite } from '../detect/discoverySites';
import type { FileFacts } from '../detect/facts';
import { prepareForWrite, readSealed, writeSealed, type CacheFolder } from './cacheFolder';

/** Bump when FileFacts or the analysis changes shape: older caches are then ignored. */
// 7: discovery sites carry their evidence and the file's data names, flag types and typed reads.
const CACHE_VERSION = 7;
const CACHE_FILE = 'index.jsonl';

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** Whether the prefilter selected the file (its calls were analysed). */
  matched: boolean;
  /** Facts of an analysed file, or of a file read only to resolve a constant; null when never parsed. */
  facts: FileFacts | null;
  /**
   * Discovery's sites in the file (detect/discoverySites.ts), undefined when no scan that wanted
   * them has read this content: they depend on the text alone, like the facts.
   */
  discovery?: DiscoverySite[];
}

/** Wrapper names known when the entries were made: unmatched files were prefiltered with them. */
export interface WrapperNames {
  functions: string[];
  methods: string[];
}

interface CacheHeader {
  version: number;
  /** The detector configuration the entries were computed with. */
  fingerprint: string;
  wrappers: WrapperNames;
  /** When the cache was written (ms since the epoch). */
  writtenAt: number;
}

/** An entry as loaded: its facts stay JSON text until a scan asks for them. */
interface StoredEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  matched: boolean;
  facts: FileFacts | null | undefined;
  factsJson: string;
  /** The sites as JSON text ('-': not computed), parsed with the facts. */
  discoveryJson: string;
  discovery?: DiscoverySite[];
}

/**
 * A file modified this close to the cache write may have changed again within the same mtime tick
 * (git's "racy clean" problem): such entries are checked against the content hash, never trusted.
 */
const RACY_WINDOW_MS = 2000;

/** The hash of a text, or of its UTF-8 bytes (the same hash for valid UTF-8, without encoding the text again). */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}

/**
 * The persistent per-file analysis cache. An entry is trusted only while the file's size and
 * mtime are unchanged, or, when they changed, while its content hash is the same; and only for the
 * detector configuration it was made with. A corrupt, foreign or forged cache file is ignored,
 * never fatal (see cacheFolder.ts for where it lives and how it is sealed).
 *
 * The file is line-delimited: a header line, then one line per source file whose facts are kept as
 * JSON text and parsed only when the scan uses them, so loading costs little more than a split.
 */
export class AnalysisCache {
  private entries = new Map<string, StoredEntry>();
  private dirty = false;
  private writtenAt = 0;

  /** `folder` undefined: no cache (--no-cache, or a folder that was refused). */
  constructor(
    private readonly folder: CacheFolder | undefined,
    private readonly root: string,
  ) {}

  /** Loads entries made with this detector configuration; returns the wrapper names they assume. */
  load(fingerprint: string): WrapperNames | undefined {
    this.entries.clear();
    if (!this.folder) return undefined;
    const body = readSealed(this.folder, CACHE_FILE);
    if (body === undefined) return undefined;
    try {
      const lines = body.split('\n');
      const header = JSON.parse(lines[0] ?? '') as CacheHeader;
      if (header.version !== CACHE_VERSION || header.fingerprint !== fingerprint) return undefined;
      this.writtenAt = header.writtenAt;
      const prefix = this.root.endsWith(path.sep) ? this.root : this.root + path.sep;
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i];
        if (!line) continue;
        // rel (a JSON string: no raw tabs) \t size \t mtime \t hash \t matched \t discovery JSON or - \t facts JSON or null
        const t1 = line.indexOf('\t');
        const t2 = line.indexOf('\t', t1 + 1);
        const t3 = line.indexOf('\t', t2 + 1);
        const t4 = line.indexOf('\t', t3 + 1);
        const t5 = line.indexOf('\t', t4 + 1);
        const t6 = line.indexOf('\t', t5 + 1);
        const rel = JSON.parse(line.slice(0, t1)) as string;
        const factsJson = line.slice(t6 + 1);
        this.entries.set(prefix + rel, {
          size: Number(line.slice(t1 + 1, t2)),
          mtimeMs: Number(line.slice(t2 + 1, t3)),
          hash: line.slice(t3 + 1, t4),
          matched: line.slice(t4 + 1, t5) === '1',
          facts: factsJson === 'null' ? null : undefined,
          factsJson,
          discoveryJson: line.slice(t5 + 1, t6),
        });
      }
      return header.wrappers;
    } catch {
      // A cache written by something else: a cold scan rebuilds it.
      this.entries.clear();
      return undefined;
    }
  }

  /** Whether entries are kept at all (--no-cache, or a refused folder: nothing to hash or store). */
  get enabled(): boolean {
    return this.folder !== undefined;
  }

  get(file: string): CacheEntry | undefined {
    const stored = this.entries.get(file);
    if (!stored) return undefined;
    if (stored.facts === undefined || (stored.discovery === undefined && stored.discoveryJson !== '-')) {
      try {
        if (stored.facts === undefined) {
          const facts = JSON.parse(stored.factsJson) as FileFacts;
          facts.file = file;
          stored.facts = facts;
        }
        if (stored.discoveryJson !== '-') stored.discovery = JSON.parse(stored.discoveryJson) as DiscoverySite[];
      } catch {
        this.entries.delete(file);
        return undefined;
      }
    }
    return stored as CacheEntry;
  }

  /** The size and mtime an entry was made from, without parsing its facts (the result cache's check). */
  statOf(file: string): { size: number; mtimeMs: number } | undefined {
    const stored = this.entries.get(file);
    return stored && { size: stored.size, mtimeMs: stored.mtimeMs };
  }

  /** Whether an entry can be used without reading the file: same size and mtime, and not racy. */
  isFresh(entry: CacheEntry, stat: { size: number; mtimeMs: number }): boolean {
    return entry.size === stat.size && entry.mtimeMs === stat.mtimeMs && stat.mtimeMs < this.writtenAt - RACY_WINDOW_MS;
  }

  set(file: string, entry: CacheEntry): void {
    if (!this.folder) return;
    const old = this.entries.get(file);
    // Same facts object as loaded (only size or mtime moved): its stored JSON text is still right.
    const factsJson = old && old.facts === entry.facts ? old.factsJson : '';
    // Sites depend on the content alone: an entry remade for the same content keeps them.
    const sameContent = old !== undefined && old.hash === entry.hash;
    const discovery = entry.discovery ?? (sameContent ? old.discovery : undefined);
    const discoveryJson = sameContent && old.discovery === discovery ? old.discoveryJson : '';
    this.entries.set(file, { ...entry, factsJson, discovery, discoveryJson });
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
    if (!this.folder || (!this.dirty && !force)) return;
    const header: CacheHeader = { version: CACHE_VERSION, fingerprint, wrappers, writtenAt: Date.now() };
    const lines = [JSON.stringify(header)];
    for (const [abs, e] of this.entries) {
      const rel = path.relative(this.root, abs);
      const factsJson = e.factsJson || (e.facts ? JSON.stringify({ ...e.facts, file: rel }) : 'null');
      const discoveryJson = e.discoveryJson || (e.discovery ? JSON.stringify(e.discovery) : '-');
      lines.push(
        `${JSON.stringify(rel)}\t${e.size}\t${e.mtimeMs}\t${e.hash}\t${e.matched ? 1 : 0}\t${discoveryJson}\t${factsJson}`,
      );
    }
    try {
      if (!prepareForWrite(this.folder, this.root)) return;
      // A cache folder inside a repository must not be committed.
      const gi = path.join(this.folder.dir, '.gitignore');
      if (!fs.existsSync(gi)) fs.writeFileSync(gi, '*\n', { flag: 'wx' });
      writeSealed(this.folder, CACHE_FILE, lines.join('\n'));
      this.dirty = false;
    } catch {
      // A read-only location still scans; it just cannot remember.
    }
  }
}
