import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { ScanNote } from '../model';
import { REGISTRY_FILE_NAMES, REGISTRY_FOLDER_NAME, registryIn } from '../registry';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Folders that hold dependencies, build output or tool caches, skipped whatever .gitignore says. */
const SKIPPED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.turbo', '.cache', '.parcel-cache',
  '.svelte-kit', '.vercel', '.output', '.yarn', 'bower_components', 'storybook-static', '.flaglint-cache', '.docusaurus', '.expo', '.angular',
]);

export interface WalkOptions {
  include?: readonly string[];
  exclude?: readonly string[];
}

export interface WalkResult {
  files: string[];
  /** Registry files or folders met on the way. */
  registries: string[];
  /** Workspace package.json files (for package-name module resolution and blast radius). */
  packageManifests: string[];
  notes: ScanNote[];
}

/** Whether a path lies in a dependency, build-output or cache folder the walk never enters. */
export function isInSkippedDir(root: string, file: string): boolean {
  return path.relative(root, path.dirname(file)).split(path.sep).some((seg) => SKIPPED_DIRS.has(seg));
}

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file)) && !file.endsWith('.d.ts') && !/\.min\.[cm]?js$/.test(file);
}

/**
 * Lists the workspace's source files: .gitignore files (nested ones too) are honoured, dependency
 * and build folders skipped, symlinked folders followed once (a loop is a note, not a hang), and
 * the registry's include/exclude globs applied relative to the root.
 */
export function walkWorkspace(root: string, options: WalkOptions = {}): WalkResult {
  const result: WalkResult = { files: [], registries: [], packageManifests: [], notes: [] };
  const include = options.include?.length ? picomatch([...options.include], { dot: true }) : undefined;
  const exclude = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : undefined;
  const visited = new Set<string>();

  const walk = (dir: string, ignores: { base: string; ig: Ignore }[]): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) {
      result.notes.push({ file: dir, kind: 'symlink-loop', message: `${dir} leads back to a folder already scanned (a symbolic link loop); skipped` });
      return;
    }
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      result.notes.push({ file: dir, kind: 'unreadable', message: `cannot read folder ${dir}: ${(err as Error).message}` });
      return;
    }
    const local = readGitignore(dir);
    const chain = local ? [...ignores, { base: dir, ig: local }] : ignores;
    const names = new Set(entries.map((e) => e.name));
    if (REGISTRY_FILE_NAMES.some((n) => names.has(n)) || names.has(REGISTRY_FOLDER_NAME)) {
      const reg = registryIn(dir);
      if (reg) result.registries.push(reg);
    }
    if (names.has('package.json') && dir !== root) result.packageManifests.push(path.join(dir, 'package.json'));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name) || ignoredBy(chain, full, true)) continue;
        const rel = toPosix(path.relative(root, full));
        if (exclude?.(rel) || exclude?.(`${rel}/`)) continue;
        walk(full, chain);
      } else if (isFile && isSourceFile(entry.name)) {
        if (ignoredBy(chain, full, false)) continue;
        const rel = toPosix(path.relative(root, full));
        if (exclude?.(rel)) continue;
        if (include && !include(rel)) continue;
        result.files.push(full);
      }
    }
  };
  walk(root, []);
  if (fs.existsSync(path.join(root, 'package.json'))) result.packageManifests.unshift(path.join(root, 'package.json'));
  result.files.sort();
  return result;
}

function readGitignore(dir: string): Ignore | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return ignore().add(text);
}

function ignoredBy(chain: { base: string; ig: Ignore }[], full: string, isDir: boolean): boolean {
  for (const { base, ig } of chain) {
    // `full` always lies below `base` (the walk descends from it): slicing beats path.relative here.
    const rel = path.sep === '/' ? full.slice(base.length + 1) : toPosix(full.slice(base.length + 1));
    if (rel && ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
