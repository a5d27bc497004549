import * as fs from 'node:fs';
import type { ScanNote } from '../model';
import { registryIn } from '../registry';
import { prepareForWrite, readSealed, writeSealed, type CacheFolder } from './cacheFolder';
import { walkWorkspace, type WalkOptions, type WalkResult } from './fileWalker';
import { engineBuild } from './resultCache';

/** Bump when the walk's rules or this file's shape change: older walks are then ignored. */
const WALK_CACHE_VERSION = 1;
const FILE = 'walk.jsonl';

/** See cache.ts: a folder or file changed this close to the walk may change again within its mtime tick. */
const RACY_WINDOW_MS = 2000;

interface WalkHeader {
  version: number;
  root: string;
  /** The engine's build and the caller's include/exclude globs, as JSON. */
  globs: string;
  /** When the walk started (ms since the epoch): what changed after it is never trusted. */
  startedAt: number;
  registries: string[];
  packageManifests: string[];
  files: number;
  /** The walk's notes (symbolic links it did not follow): the links' states decide them. */
  notes: ScanNote[];
}

/**
 * The workspace walk of the last run, kept while nothing it saw changed (a warm `check` then lists
 * no folder and matches no .gitignore rule).
 *
 * A folder's mtime changes whenever an entry is added to it, removed from it or renamed in it, so
 * the walk's listing stands while every folder it listed keeps its mtime, every .gitignore it read
 * keeps its size and mtime, and every folder that holds a registry's name still holds the same
 * registry (a flags.json's content decides whether it is one), and every symbolic link it met still
 * leads to the same kind of thing at the same real path (a dangling link whose target appears
 * changes no mtime). Folders the walk skipped (ignored, node_modules) are entries of a listed folder:
 * their appearing or going changes that folder's mtime, their contents do not matter. A walk that
 * could not read a folder is not kept. Anything changed, racy or unreadable: the walk runs again.
 *
 * Sealed like the rest of the cache (cacheFolder.ts): a forged listing could hide files.
 */
export function walkWithCache(
  root: string,
  options: Pick<WalkOptions, 'include' | 'exclude'>,
  folder: CacheFolder | undefined,
): { walk: WalkResult; reused: boolean } {
  const globs = JSON.stringify([engineBuild(), options.include ?? [], options.exclude ?? []]);
  if (!folder) return { walk: walkWorkspace(root, options), reused: false };
  const cached = loadWalk(folder, root, globs);
  if (cached) return { walk: cached, reused: true };
  const startedAt = Date.now();
  const folders: { dir: string; registryNamed: boolean }[] = [];
  const gitignores: string[] = [];
  const links: string[] = [];
  const walk = walkWorkspace(root, {
    ...options,
    observe: {
      folder: (dir, registryNamed) => folders.push({ dir, registryNamed }),
      gitignore: (file) => gitignores.push(file),
      link: (entry) => links.push(entry),
    },
  });
  if (walk.notes.every((n) => n.kind === 'symlink-loop' || n.kind === 'symlink-outside'))
    saveWalk(folder, root, globs, startedAt, walk, folders, gitignores, links);
  return { walk, reused: false };
}

function saveWalk(
  folder: CacheFolder,
  root: string,
  globs: string,
  startedAt: number,
  walk: WalkResult,
  folders: readonly { dir: string; registryNamed: boolean }[],
  gitignores: readonly string[],
  links: readonly string[],
): void {
  const header: WalkHeader = {
    version: WALK_CACHE_VERSION,
    root,
    globs,
    startedAt,
    registries: walk.registries,
    packageManifests: walk.packageManifests,
    files: walk.files.length,
    notes: walk.notes,
  };
  const lines = [JSON.stringify(header)];
  // D <mtime> <registry named: 1/0> <folder>; G <size> <mtime> <.gitignore>; then the files, one a line.
  for (const { dir, registryNamed } of folders) {
    const st = fs.statSync(dir, { throwIfNoEntry: false });
    if (!st?.isDirectory() || st.mtimeMs >= startedAt - RACY_WINDOW_MS) return;
    lines.push(`D\t${st.mtimeMs}\t${registryNamed ? 1 : 0}\t${dir}`);
  }
  for (const file of gitignores) {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st || st.mtimeMs >= startedAt - RACY_WINDOW_MS) return;
    lines.push(`G\t${st.size}\t${st.mtimeMs}\t${file}`);
  }
  for (const link of links) {
    const state = linkState(link);
    if (/[\t\n]/.test(link + state)) return;
    lines.push(`L\t${state}\t${link}`);
  }
  for (const file of walk.files) {
    // A name with a line break cannot be a line; such a walk is simply not kept.
    if (file.includes('\n')) return;
    lines.push(file);
  }
  try {
    if (!prepareForWrite(folder, root)) return;
    writeSealed(folder, FILE, lines.join('\n'));
  } catch {
    // Only speed is lost.
  }
}

/** Where a symbolic link leads: its real path and what is there, or '-' when it leads nowhere. */
function linkState(link: string): string {
  try {
    const real = fs.realpathSync(link);
    const st = fs.statSync(real);
    return `${st.isDirectory() ? 'd' : st.isFile() ? 'f' : 'o'}:${real}`;
  } catch {
    return '-';
  }
}

function loadWalk(folder: CacheFolder, root: string, globs: string): WalkResult | undefined {
  const body = readSealed(folder, FILE);
  if (body === undefined) return undefined;
  try {
    const lines = body.split('\n');
    const header = JSON.parse(lines[0] ?? '') as WalkHeader;
    if (header.version !== WALK_CACHE_VERSION || header.root !== root || header.globs !== globs) return undefined;
    const trustedBefore = header.startedAt - RACY_WINDOW_MS;
    const registryDirs: string[] = [];
    let i = 1;
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      const kind = line.charCodeAt(0);
      if (kind === 68 /* D */ && line.charCodeAt(1) === 9) {
        const t1 = line.indexOf('\t', 2);
        const t2 = line.indexOf('\t', t1 + 1);
        const mtimeMs = Number(line.slice(2, t1));
        const dir = line.slice(t2 + 1);
        const st = fs.statSync(dir, { throwIfNoEntry: false });
        if (!st?.isDirectory() || st.mtimeMs !== mtimeMs || mtimeMs >= trustedBefore) return undefined;
        if (line.slice(t1 + 1, t2) === '1') registryDirs.push(dir);
      } else if (kind === 71 /* G */ && line.charCodeAt(1) === 9) {
        const t1 = line.indexOf('\t', 2);
        const t2 = line.indexOf('\t', t1 + 1);
        const st = fs.statSync(line.slice(t2 + 1), { throwIfNoEntry: false });
        if (!st || st.size !== Number(line.slice(2, t1)) || st.mtimeMs !== Number(line.slice(t1 + 1, t2)))
          return undefined;
        if (st.mtimeMs >= trustedBefore) return undefined;
      } else if (kind === 76 /* L */ && line.charCodeAt(1) === 9) {
        // A link decides by where it leads, which changes no mtime when its target appears or goes.
        const tab = line.lastIndexOf('\t');
        if (linkState(line.slice(tab + 1)) !== line.slice(2, tab)) return undefined;
      } else break;
    }
    // The registries the folders hold, found again (a flags.json that starts or stops looking like one changes no mtime).
    const registries: string[] = [];
    for (const dir of registryDirs) {
      const reg = registryIn(dir);
      if (reg) registries.push(reg);
    }
    if (registries.join('\n') !== header.registries.join('\n')) return undefined;
    const files = lines.slice(i);
    if (files.length !== header.files) return undefined;
    return { files, registries, packageManifests: header.packageManifests, notes: header.notes };
  } catch {
    return undefined;
  }
}
