import * as fs from 'node:fs';
import * as path from 'node:path';
import { nonFileKind } from '../fileKind';

/** Registry file names looked for in each folder, in this order of preference. */
export const REGISTRY_FILE_NAMES: readonly string[] = ['flags.yaml', 'flags.yml', 'flags.json'];
/** The folder form's default name: one YAML file per flag. */
export const REGISTRY_FOLDER_NAME = 'flags';
/** The folder form's optional file for `owners`, `policy` and `scan`. */
export const FOLDER_SETTINGS_FILES: readonly string[] = ['_registry.yaml', '_registry.yml'];

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|d\.ts)$/i;
const YAML_FILE = /\.ya?ml$/i;

function listDir(dir: string): fs.Dirent[] | undefined {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
}

function isFile(p: string): boolean {
  return kindOf(p) === 'file';
}

/** 'file', 'missing', or what else the path is (a folder, a FIFO, …): stat only, never opened. */
function kindOf(p: string): string {
  try {
    return nonFileKind(fs.statSync(p)) ?? 'file';
  } catch {
    return 'missing';
  }
}

/**
 * Whether a folder holds a folder registry. `src/flags/` code folders are common, so a folder only
 * counts when it has a `_registry.yaml`, or YAML files and no source files at all.
 */
export function isRegistryFolder(dir: string): boolean {
  const entries = listDir(dir);
  if (!entries) return false;
  let yaml = false;
  for (const e of entries) {
    if (!e.isFile()) continue;
    if (FOLDER_SETTINGS_FILES.includes(e.name)) return true;
    if (SOURCE_FILE.test(e.name)) return false;
    if (YAML_FILE.test(e.name)) yaml = true;
  }
  return yaml;
}

/**
 * `flags.json` is a common name for unrelated data (fixtures, i18n, app config); it only counts as
 * a registry when it has a top-level `flags` member (Flaglint's or an OpenFeature manifest).
 */
function looksLikeJsonRegistry(file: string): boolean {
  try {
    return /"flags"\s*:/.test(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** The registry directly in `dir` (a file, or the `flags/` folder form), if any. */
export function registryIn(dir: string): string | undefined {
  for (const name of REGISTRY_FILE_NAMES) {
    const candidate = path.join(dir, name);
    const kind = kindOf(candidate);
    if (kind === 'missing') continue;
    // A flags.yaml that is a folder, FIFO or device is still the registry the user meant: loading it
    // says what it is, where skipping it would call every flag "not in the registry".
    if (kind !== 'file') return candidate;
    if (name.endsWith('.json') && !looksLikeJsonRegistry(candidate)) continue;
    return candidate;
  }
  const folder = path.join(dir, REGISTRY_FOLDER_NAME);
  return isRegistryFolder(folder) ? folder : undefined;
}

/**
 * The nearest registry at or above `fromDir` (the one that governs files there), stopping after
 * `stopAt` (inclusive) or at the file-system root.
 */
export function findNearestRegistry(fromDir: string, stopAt?: string): string | undefined {
  return new RegistryLocator().nearest(fromDir, stopAt);
}

/** `findNearestRegistry` with a per-folder memo, for callers that ask for thousands of files. */
export class RegistryLocator {
  private readonly memo = new Map<string, string | null>();

  nearest(fromDir: string, stopAt?: string): string | undefined {
    const stop = stopAt === undefined ? undefined : path.resolve(stopAt);
    let dir = path.resolve(fromDir);
    const visited: string[] = [];
    let found: string | undefined;
    for (;;) {
      const known = this.memo.get(dir);
      if (known !== undefined) {
        found = known ?? undefined;
        // A memo hit below `stop` is only valid if the registry is not above `stop`.
        if (found && stop && !isInside(path.dirname(found), stop)) found = undefined;
        break;
      }
      visited.push(dir);
      found = registryIn(dir);
      if (found) break;
      const parent = path.dirname(dir);
      if (dir === stop || parent === dir) break;
      dir = parent;
    }
    // Only folders whose answer does not depend on `stop` are memoised.
    if (found || !stop) for (const v of visited) this.memo.set(v, found ?? null);
    return found;
  }

  /** Forget everything (a registry was created, deleted or renamed). */
  clear(): void {
    this.memo.clear();
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The registry a file belongs to, if the file is part of one: a registry file by its usual name, a
 * folder registry itself, or a YAML file inside a folder registry (whose registry is the folder).
 */
export function registryContaining(file: string): string | undefined {
  const abs = path.resolve(file);
  const name = path.basename(abs);
  if (REGISTRY_FILE_NAMES.includes(name)) {
    // A vanished file is answered by its name (a watcher reporting a deleted registry needs that).
    if (name.endsWith('.json') && isFile(abs) && !looksLikeJsonRegistry(abs)) return undefined;
    return abs;
  }
  if (path.basename(abs) === REGISTRY_FOLDER_NAME && isRegistryFolder(abs)) return abs;
  if (YAML_FILE.test(abs)) {
    for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
      if (path.basename(dir) === REGISTRY_FOLDER_NAME && isRegistryFolder(dir)) return dir;
      if (path.dirname(dir) === dir || dir.endsWith(`${path.sep}node_modules`)) break;
    }
  }
  return undefined;
}

/** Whether a path is (part of) a registry by its name and place, as file watchers need to know. */
export function isRegistryPath(p: string): boolean {
  return registryContaining(p) !== undefined;
}
