import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { ScanNote } from '../model';
import { REGISTRY_FILE_NAMES, REGISTRY_FOLDER_NAME, registryIn } from '../registry';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Folders that hold dependencies, build output or tool caches, skipped whatever .gitignore says. */
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.svelte-kit',
  '.vercel',
  '.output',
  '.yarn',
  'bower_components',
  'storybook-static',
  '.flaglint-cache',
  '.docusaurus',
  '.expo',
  '.angular',
]);

export interface WalkOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  /**
   * Told of every folder the walk lists (and whether it holds a registry's name), every .gitignore it
   * reads and every symbolic link it meets: walkCache.ts validates a cached walk by them.
   */
  observe?: {
    folder(dir: string, registryNamed: boolean): void;
    gitignore(file: string): void;
    link(entry: string): void;
  };
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
  return path
    .relative(root, path.dirname(file))
    .split(path.sep)
    .some((seg) => SKIPPED_DIRS.has(seg));
}

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file)) && !file.endsWith('.d.ts') && !/\.min\.[cm]?js$/.test(file);
}

/**
 * Lists the workspace's source files: .gitignore files (nested ones too) are honoured, each compiled
 * once for its folder; dependency and build folders skipped; the registry's include/exclude globs
 * applied relative to the root.
 *
 * Symbolic links are followed only while they stay inside the scanned root (compared by real path):
 * a link out of it is a note and is skipped, so a scan never reads (and `remove` never rewrites)
 * files elsewhere on the disk; a link to the root or a folder above it (a link to `/`) would walk
 * the tree again or the whole disk, and is a loop note; a folder reached twice is walked once.
 *
 * The walk stats nothing but links: readdir's file types say what each entry is, and each folder's
 * real path and root-relative path are carried down rather than recomputed per file.
 */
export function walkWorkspace(root: string, options: WalkOptions = {}): WalkResult {
  const result: WalkResult = { files: [], registries: [], packageManifests: [], notes: [] };
  const include = options.include?.length ? picomatch([...options.include], { dot: true }) : undefined;
  const exclude = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : undefined;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch (err) {
    result.notes.push({
      file: root,
      kind: 'unreadable',
      message: `cannot read folder ${root}: ${(err as Error).message}`,
    });
    return result;
  }
  const visited = new Set<string>();
  const sep = path.sep;
  /** Linked folders, walked after the tree so that a folder is listed under its real path when it has one. */
  const linked: { dir: string; real: string; rel: string; chain: readonly GitignoreScope[] }[] = [];

  /** `rel` is the folder's path below the root in posix form ('' for the root); `real`, its real path. */
  const walk = (dir: string, real: string, rel: string, ignores: readonly GitignoreScope[]): void => {
    if (visited.has(real)) {
      result.notes.push({
        file: dir,
        kind: 'symlink-loop',
        message: `${dir} leads back to a folder already scanned (a symbolic link loop); skipped`,
      });
      return;
    }
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      result.notes.push({
        file: dir,
        kind: 'unreadable',
        message: `cannot read folder ${dir}: ${(err as Error).message}`,
      });
      return;
    }
    let hasRegistry = false;
    let hasGitignore = false;
    for (const e of entries) {
      if (e.name === '.gitignore') hasGitignore = true;
      else if (e.name === REGISTRY_FOLDER_NAME || REGISTRY_FILE_NAMES.includes(e.name)) hasRegistry = true;
      else if (e.name === 'package.json' && dir !== root) result.packageManifests.push(path.join(dir, 'package.json'));
    }
    options.observe?.folder(dir, hasRegistry);
    if (hasGitignore) options.observe?.gitignore(path.join(dir, '.gitignore'));
    if (hasRegistry) {
      const reg = registryIn(dir);
      if (reg) result.registries.push(reg);
    }
    const local = hasGitignore ? readGitignore(dir, rel ? rel.length + 1 : 0) : undefined;
    const chain = local ? [...ignores, local] : ignores;
    const prefix = rel ? rel + '/' : '';
    const dirPrefix = dir.endsWith(sep) ? dir : dir + sep;
    const realPrefix = real.endsWith(sep) ? real : real + sep;
    for (const entry of entries) {
      const name = entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      // Cheap name checks first: most entries are dropped before anything else is computed.
      if (isDir && SKIPPED_DIRS.has(name)) continue;
      if (isFile && !isSourceFile(name)) continue;
      const full = dirPrefix + name;
      let entryReal = realPrefix + name;
      const isLink = entry.isSymbolicLink();
      if (isLink) {
        options.observe?.link(full);
        const target = followLink(full, realRoot, result.notes);
        if (!target) continue;
        ({ isDir, isFile } = target);
        entryReal = target.real;
        if (isDir && SKIPPED_DIRS.has(name)) continue;
        if (isFile && !isSourceFile(name)) continue;
      }
      const entryRel = prefix + name;
      if (isDir) {
        if (ignoredBy(chain, entryRel, name, true)) continue;
        if (exclude?.(entryRel) || exclude?.(`${entryRel}/`)) continue;
        if (isLink) linked.push({ dir: full, real: entryReal, rel: entryRel, chain });
        else walk(full, entryReal, entryRel, chain);
      } else if (isFile) {
        if (ignoredBy(chain, entryRel, name, false)) continue;
        if (exclude?.(entryRel)) continue;
        if (include && !include(entryRel)) continue;
        result.files.push(full);
      }
    }
  };
  walk(root, realRoot, '', []);
  for (let next = linked.shift(); next; next = linked.shift()) walk(next.dir, next.real, next.rel, next.chain);
  if (fs.existsSync(path.join(root, 'package.json'))) result.packageManifests.unshift(path.join(root, 'package.json'));
  result.files.sort();
  return result;
}

interface GitignoreScope {
  /** Length of the root-relative path of the .gitignore's folder plus its slash ('' → 0). */
  prefixLength: number;
  /** Every rule, judged on the path below the .gitignore's folder. */
  ig: Ignore;
  /** The same rules split so that most entries are judged by name alone (see splitRules); undefined: use `ig`. */
  split: SplitRules | undefined;
}

/**
 * The walk never enters an ignored folder, so an entry's folders are known not to be ignored and
 * only the rules that can match the entry itself matter. A rule without a slash (`*.log`, `dist/`,
 * `.env*`) matches a name at any depth, so its verdict depends on the entry's name alone and is
 * worked out once per name; rules naming a folder (`dist/`) never match a file. Rules with a slash
 * are tried on the path, but only they.
 */
interface SplitRules {
  /** Names re-included by a literal negation (`!.env.example`): entries so named get the whole list. */
  negatedNames: Set<string>;
  /** Paths below the .gitignore's folder re-included by a literal negation (`!.vscode/settings.json`): that entry gets the whole list. */
  negatedPaths: Set<string>;
  fileNames: Ignore | undefined;
  dirNames: Ignore | undefined;
  filePaths: PathRules | undefined;
  dirPaths: PathRules | undefined;
  fileMemo: Map<string, boolean>;
  dirMemo: Map<string, boolean>;
}

/**
 * Rules with a slash, by how many path segments they have. Such a rule (`/build`, `apps/web/.next/`,
 * `docs/*.md`) is anchored to its .gitignore's folder and its `*` and `?` stay within one segment, so
 * it matches only a path of exactly its own depth (or one below what it matched, which the walk never
 * enters). An entry is tried against the rules of its depth alone; `**` rules, which span any depth,
 * and character classes (which could name a slash) are tried on every entry. On 19k real files the
 * `ignore` package trying every path rule on every path was a third of the walk.
 */
interface PathRules {
  anyDepth: Ignore | undefined;
  byDepth: Map<number, Ignore>;
}

function pathRules(rules: string[]): PathRules | undefined {
  if (rules.length === 0) return undefined;
  const anyDepth: string[] = [];
  const byDepth = new Map<number, string[]>();
  for (const rule of rules) {
    const body = rule.replace(/^\//, '').replace(/\/$/, '');
    if (body.includes('**') || body.includes('[') || body.includes('//') || body === '') {
      anyDepth.push(rule);
      continue;
    }
    const depth = body.split('/').length;
    const list = byDepth.get(depth) ?? [];
    list.push(rule);
    byDepth.set(depth, list);
  }
  return {
    anyDepth: anyDepth.length ? ignore().add(anyDepth) : undefined,
    byDepth: new Map([...byDepth].map(([d, list]) => [d, ignore().add(list)])),
  };
}

function pathIgnored(rules: PathRules, sub: string, isDir: boolean): boolean {
  const subject = isDir ? `${sub}/` : sub;
  if (rules.anyDepth?.ignores(subject)) return true;
  let depth = 1;
  for (let i = sub.indexOf('/'); i !== -1; i = sub.indexOf('/', i + 1)) depth++;
  return rules.byDepth.get(depth)?.ignores(subject) ?? false;
}

/**
 * Where a symbolic link leads, if the walk may follow it: only to a file or folder inside the root
 * and not to the root itself or a folder above it. Anything else is a note and undefined.
 */
function followLink(
  link: string,
  realRoot: string,
  notes: ScanNote[],
): { real: string; isDir: boolean; isFile: boolean } | undefined {
  let real: string;
  let st: fs.Stats;
  try {
    real = fs.realpathSync(link);
    st = fs.statSync(real);
  } catch {
    // A dangling link points nowhere: nothing to scan.
    return undefined;
  }
  const isDir = st.isDirectory();
  if (isDir && (real === realRoot || isBelow(realRoot, real))) {
    notes.push({
      file: link,
      kind: 'symlink-loop',
      message: `${link} links to ${real}, the scanned folder or one above it (a symbolic link loop); skipped`,
    });
    return undefined;
  }
  if (!isBelow(real, realRoot)) {
    notes.push({
      file: link,
      kind: 'symlink-outside',
      message: `${link} links to ${real}, outside the scanned folder; not followed`,
    });
    return undefined;
  }
  return { real, isDir, isFile: st.isFile() };
}

/** Whether `inner` lies strictly inside `outer` (both real, absolute paths). */
function isBelow(inner: string, outer: string): boolean {
  const base = outer.endsWith(path.sep) ? outer : outer + path.sep;
  return inner.startsWith(base);
}

function readGitignore(dir: string, prefixLength: number): GitignoreScope | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { prefixLength, ig: ignore().add(text), split: splitRules(text) };
}

function splitRules(text: string): SplitRules | undefined {
  const names: string[] = [];
  const paths: string[] = [];
  const negatedNames = new Set<string>();
  const negatedPaths = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    // Escapes and odd spacing: leave the judgement to the full rule set.
    if (line.includes('\\') || line !== raw.replace(/\r$/, '')) return undefined;
    const body = (line.startsWith('!') ? line.slice(1) : line).replace(/\/$/, '');
    if (line.startsWith('!')) {
      // The last matching rule decides, which only the whole list can tell. A negation of one
      // literal name matters only for entries of that name, one of a literal path (`!.vscode/
      // settings.json`, anchored at the .gitignore's folder) only for the entry at that path; any
      // other negation needs the whole list.
      if (/[*?[]/.test(body)) return undefined;
      if (body.includes('/')) negatedPaths.add(body.replace(/^\//, '').toLowerCase());
      else negatedNames.add(body.toLowerCase());
      continue;
    }
    (body.includes('/') || body.includes('**') ? paths : names).push(line);
  }
  // Without negations (the entries they concern aside), an entry is ignored when any rule matches,
  // so the rules judged by name and those judged by path can be asked apart.
  const make = (rules: string[]): Ignore | undefined => (rules.length ? ignore().add(rules) : undefined);
  const forFiles = (rules: string[]): string[] => rules.filter((r) => !r.endsWith('/'));
  return {
    negatedNames,
    negatedPaths,
    fileNames: make(forFiles(names)),
    dirNames: make(names),
    filePaths: pathRules(forFiles(paths)),
    dirPaths: pathRules(paths),
    fileMemo: new Map(),
    dirMemo: new Map(),
  };
}

/** `rel` is root-relative posix, `name` its last segment; each .gitignore judges the part below its own folder. */
function ignoredBy(chain: readonly GitignoreScope[], rel: string, name: string, isDir: boolean): boolean {
  for (const { prefixLength, ig, split } of chain) {
    const sub = prefixLength ? rel.slice(prefixLength) : rel;
    if (!sub) continue;
    if (
      !split ||
      (split.negatedNames.size > 0 && split.negatedNames.has(name.toLowerCase())) ||
      (split.negatedPaths.size > 0 && split.negatedPaths.has(sub.toLowerCase()))
    ) {
      if (ig.ignores(isDir ? `${sub}/` : sub)) return true;
      continue;
    }
    const byName = isDir ? split.dirNames : split.fileNames;
    if (byName) {
      const memo = isDir ? split.dirMemo : split.fileMemo;
      let verdict = memo.get(name);
      if (verdict === undefined) memo.set(name, (verdict = byName.ignores(isDir ? `${name}/` : name)));
      if (verdict) return true;
    }
    const byPath = isDir ? split.dirPaths : split.filePaths;
    if (byPath && pathIgnored(byPath, sub, isDir)) return true;
  }
  return false;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
