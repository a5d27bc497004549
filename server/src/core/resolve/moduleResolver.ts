import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as TsMorph from 'ts-morph';
import { isRelativeSpecifier } from '../detect/plainSyntax';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TypeScript ESM writes `./flags.js` for `./flags.ts`. */
const JS_TO_TS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

interface PathsConfig {
  /** Folder `paths` patterns are relative to. */
  base: string;
  paths: Record<string, string[]>;
}

/**
 * Resolves import specifiers to workspace files the way the TypeScript compiler would for the cases
 * that matter to flag keys: relative paths (with ESM `.js` endings), tsconfig/jsconfig `baseUrl` and
 * `paths` (following `extends`), and packages of the same monorepo by their package.json name.
 * Anything else (a real npm package) resolves to undefined.
 */
export class ModuleResolver {
  private readonly configByDir = new Map<string, PathsConfig | null>();
  private readonly existsCache = new Map<string, boolean>();
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly root: string,
    private readonly knownFiles: ReadonlySet<string>,
    /** Workspace package name → its folder. */
    private readonly packages: ReadonlyMap<string, string>,
    /** Told of every file looked at on disk outside `knownFiles` (what a kept result depends on: engine/resultCache.ts). */
    private readonly onInput?: (file: string) => void,
  ) {}

  resolve(fromFile: string, spec: string): string | undefined {
    const dir = path.dirname(fromFile);
    const cacheKey = isRelativeSpecifier(spec) ? `${dir}\0${spec}` : `${this.pathsConfigFor(dir)?.base ?? ''}\0${spec}`;
    const hit = this.cache.get(cacheKey);
    if (hit !== undefined) return hit ?? undefined;
    const found = this.resolveUncached(dir, spec);
    this.cache.set(cacheKey, found ?? null);
    return found;
  }

  /** Forget lookups (files were added or removed). */
  invalidate(): void {
    this.cache.clear();
    this.existsCache.clear();
  }

  private resolveUncached(dir: string, spec: string): string | undefined {
    if (isRelativeSpecifier(spec)) return this.probe(path.resolve(dir, spec));
    const config = this.pathsConfigFor(dir);
    if (config) {
      for (const [pattern, targets] of Object.entries(config.paths)) {
        const star = matchPattern(pattern, spec);
        if (star === undefined) continue;
        for (const target of targets) {
          const found = this.probe(path.resolve(config.base, target.replace('*', star)));
          if (found) return found;
        }
      }
    }
    return this.resolvePackage(spec);
  }

  private resolvePackage(spec: string): string | undefined {
    const parts = spec.split('/');
    const nameLength = spec.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLength).join('/');
    const dir = this.packages.get(name);
    if (!dir) return undefined;
    const sub = parts.slice(nameLength).join('/');
    if (sub) return this.probe(path.join(dir, sub)) ?? this.probe(path.join(dir, 'src', sub));
    this.onInput?.(path.join(dir, 'package.json'));
    for (const entry of packageEntries(dir)) {
      const found = this.probe(path.resolve(dir, entry));
      if (found) return found;
    }
    return this.probe(path.join(dir, 'src', 'index')) ?? this.probe(path.join(dir, 'index'));
  }

  /** The file a path names, trying TypeScript's extension and index rules. */
  private probe(base: string): string | undefined {
    const ext = path.extname(base);
    // JSON modules are imported with their extension (resolveJsonModule); they can hold keys.
    if (ext === '.json') return this.exists(base) ? base : undefined;
    if (EXTENSIONS.includes(ext)) {
      for (const alt of JS_TO_TS[ext] ?? []) {
        const swapped = base.slice(0, -ext.length) + alt;
        if (this.exists(swapped)) return swapped;
      }
      if (this.exists(base)) return base;
    }
    for (const e of EXTENSIONS) if (this.exists(base + e)) return base + e;
    for (const e of EXTENSIONS) if (this.exists(path.join(base, 'index' + e))) return path.join(base, 'index' + e);
    return undefined;
  }

  private exists(file: string): boolean {
    if (this.knownFiles.has(file)) return true;
    const hit = this.existsCache.get(file);
    if (hit !== undefined) return hit;
    let ok: boolean;
    this.onInput?.(file);
    try {
      ok = fs.statSync(file).isFile() && !file.split(path.sep).includes('node_modules');
    } catch {
      ok = false;
    }
    this.existsCache.set(file, ok);
    return ok;
  }

  private pathsConfigFor(dir: string): PathsConfig | undefined {
    const known = this.configByDir.get(dir);
    if (known !== undefined) return known ?? undefined;
    let found: PathsConfig | undefined;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const file = path.join(dir, name);
      this.onInput?.(file);
      if (fs.existsSync(file)) {
        found = readPathsConfig(file, new Set(), this.onInput);
        if (found) break;
      }
    }
    const parent = path.dirname(dir);
    if (!found && parent !== dir && dir.startsWith(this.root)) found = this.pathsConfigFor(parent);
    this.configByDir.set(dir, found ?? null);
    return found;
  }
}

/**
 * baseUrl/paths of a tsconfig, following relative `extends`. Most tsconfigs are JSON once comments
 * and trailing commas are gone; TypeScript's own JSONC reader (and so the compiler, ~0.5 s to load)
 * is needed only for the rest, which keeps a warm scan free of it.
 */
function readPathsConfig(file: string, seen: Set<string>, onInput?: (file: string) => void): PathsConfig | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  onInput?.(file);
  const config = readJsonc(file) as
    | { extends?: string | string[]; compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } }
    | undefined;
  if (!config) return undefined;
  const dir = path.dirname(file);
  const options = config.compilerOptions ?? {};
  if (options.paths || options.baseUrl) {
    const base = path.resolve(dir, options.baseUrl ?? '.');
    const paths = options.paths ?? { '*': ['*'] };
    return { base, paths };
  }
  const parents = Array.isArray(config.extends) ? config.extends : config.extends ? [config.extends] : [];
  for (const parent of parents) {
    if (!isRelativeSpecifier(parent)) continue;
    const target = path.resolve(dir, parent.endsWith('.json') ? parent : `${parent}.json`);
    const found = readPathsConfig(target, seen, onInput);
    if (found) return found;
  }
  return undefined;
}

function matchPattern(pattern: string, spec: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === spec ? '' : undefined;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (spec.length >= prefix.length + suffix.length && spec.startsWith(prefix) && spec.endsWith(suffix)) {
    return spec.slice(prefix.length, spec.length - suffix.length);
  }
  return undefined;
}

/** Entry points a workspace package declares, source first (a monorepo's built output may not exist). */
function packageEntries(dir: string): string[] {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return [];
  }
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v !== 'string') return;
    // Built entries usually mirror the source tree (dist/index.js ← src/index.ts): try the source first.
    out.push(v.replace(/^(\.\/)?(dist|lib|build|out)\//, 'src/').replace(/\.d\.ts$/, '.ts'));
    out.push(v);
  };
  add(manifest.source);
  const exp = manifest.exports;
  if (typeof exp === 'string') add(exp);
  else if (exp && typeof exp === 'object') {
    const dot = (exp as Record<string, unknown>)['.'] ?? exp;
    if (typeof dot === 'string') add(dot);
    else if (dot && typeof dot === 'object')
      for (const k of ['source', 'types', 'import', 'require', 'default']) add((dot as Record<string, unknown>)[k]);
  }
  add(manifest.types);
  add(manifest.typings);
  add(manifest.module);
  add(manifest.main);
  return out;
}

function readJsonc(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(stripJsonComments(text));
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ts } = require('ts-morph') as typeof TsMorph;
    return ts.parseConfigFileTextToJson(file, text).config as unknown;
  }
}

/** Removes // and /* *\/ comments outside strings, and commas before a closing bracket. */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else {
      let j = i + 1;
      if (c === ',') while (j < n && /\s/.test(text[j]!)) j++;
      // A trailing comma (only whitespace before the bracket) is dropped; one before a comment is left to TypeScript's reader.
      if (!(c === ',' && (text[j] === '}' || text[j] === ']'))) out += c;
      i++;
    }
  }
  return out;
}
