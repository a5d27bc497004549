import * as path from 'node:path';
import { getLibFiles } from '@ts-morph/common';
import { ts } from 'ts-morph';

/**
 * Plain TypeScript programs for the before/after type check of a removal. ts-morph's Project wraps
 * every file a program loads, which on a real app (a thousand files behind one page) cost more than
 * the check itself; a bare program built on a caching host does not. The "after" program is created
 * from the "before" one (`oldProgram`), so only the rewritten files are parsed again, and the parsed
 * files of the last check are kept for the next one in the same process (an editor removing flag
 * after flag, a benchmark), so unchanged files are not parsed twice.
 *
 * ts-morph ships the lib .d.ts files in memory, not on disk: they are served from its bundle (ts-morph's
 * own dependency, the same version).
 *
 * Only what the checked files can see is loaded: the roots' imports resolve, and so do those of the
 * files they import (the types the roots use are declared there), but a file further away has its own
 * workspace imports left unresolved (their types become `any` in it, before and after alike). On a
 * real app the transitive closure of one page is a thousand files; the checked files' errors depend
 * on the first two rings. Declaration files always resolve theirs: a package's types stay whole.
 */

/** How many rings of workspace imports around the roots are resolved (0: the roots' own imports). */
const RESOLVED_DEPTH = 1;

const LIB_DIR = '/__flaglint_lib__';
let libTexts: Map<string, string> | undefined;

function libs(): Map<string, string> {
  libTexts ??= new Map(getLibFiles().map((f) => [path.posix.join(LIB_DIR, f.fileName), f.text]));
  return libTexts;
}

interface Parsed {
  text: string;
  format: string;
  sf: ts.SourceFile;
}

/** Files parsed by the previous check, reused when their text and parse settings are unchanged. */
let previous = new Map<string, Parsed>();

/**
 * The last program of each project (by its compiler options: one per folder's tsconfig), kept warm
 * for the next removal in the same process: the language server removing flag after flag starts
 * from it (`oldProgram`), so module resolutions and the program's structure are reused, not redone.
 * A few projects at most, the oldest dropped first, to bound the memory a long session holds.
 */
const warm = new Map<string, ts.Program>();
const WARM_PROJECTS = 4;

export class CheckPrograms {
  private readonly parsed = new Map<string, Parsed>();
  private program: ts.Program | undefined;

  private readonly key: string;
  /** Shared by the before and after programs: the same specifiers resolve the same way in both. */
  private readonly resolutions: ts.ModuleResolutionCache;
  /**
   * What this check read from the disk, shared by its programs: the disk does not change during one
   * check, and module resolution asks for the same package.json, files and folders again and again.
   */
  private readonly disk = {
    texts: new Map<string, string | undefined>(),
    files: new Map<string, boolean>(),
    dirs: new Map<string, boolean>(),
  };

  constructor(
    private readonly options: ts.CompilerOptions,
    /** The text a file has in the version being checked; undefined to read the disk. */
    private readonly overlay: (file: string) => string | undefined,
  ) {
    this.key = JSON.stringify(options);
    this.resolutions = ts.createModuleResolutionCache(process.cwd(), (f) => f, options);
  }

  /** A program over `roots`, reusing the previous one's files where the texts did not change. */
  create(roots: readonly string[], texts: ReadonlyMap<string, string>): ts.Program {
    const host = this.host(texts);
    const near = this.nearFiles(roots, host);
    host.resolveModuleNameLiterals = (literals, containingFile, redirected, _options, containingSourceFile) => {
      const resolvesAll = near.has(containingFile) || containingFile.endsWith('.d.ts');
      return literals.map((literal) => {
        const result = this.resolve(literal.text, containingFile, host, redirected, containingSourceFile, literal);
        const module = result.resolvedModule;
        if (resolvesAll || !module || (module.isExternalLibraryImport && module.resolvedFileName.endsWith('.d.ts')))
          return result;
        return { resolvedModule: undefined };
      });
    };
    const oldProgram = this.program ?? warm.get(this.key);
    this.program = ts.createProgram({
      rootNames: roots,
      options: this.options,
      host,
      ...(oldProgram ? { oldProgram } : {}),
    });
    return this.program;
  }

  /** The roots and the rings of files their imports reach, up to RESOLVED_DEPTH. */
  private nearFiles(roots: readonly string[], host: ts.CompilerHost): Set<string> {
    const near = new Set(roots.map((r) => path.resolve(r)));
    let ring = [...near];
    for (let depth = 0; depth < RESOLVED_DEPTH && ring.length > 0; depth++) {
      const next: string[] = [];
      for (const file of ring) {
        const text = host.readFile(file);
        if (text === undefined) continue;
        for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
          const module = this.resolve(imported.fileName, file, host).resolvedModule;
          if (!module || module.isExternalLibraryImport || near.has(module.resolvedFileName)) continue;
          near.add(module.resolvedFileName);
          next.push(module.resolvedFileName);
        }
      }
      ring = next;
    }
    return near;
  }

  private resolve(
    specifier: string,
    containingFile: string,
    host: ts.ModuleResolutionHost,
    redirected?: ts.ResolvedProjectReference,
    containingSourceFile?: ts.SourceFile,
    literal?: ts.StringLiteralLike,
  ): ts.ResolvedModuleWithFailedLookupLocations {
    const mode =
      containingSourceFile && literal
        ? ts.getModeForUsageLocation(containingSourceFile, literal, this.options)
        : undefined;
    return ts.resolveModuleName(specifier, containingFile, this.options, host, this.resolutions, redirected, mode);
  }

  /** Keep what this check parsed, and its last program, for the next one (and let go of the rest). */
  dispose(): void {
    previous = this.parsed;
    if (this.program) {
      warm.delete(this.key);
      warm.set(this.key, this.program);
      while (warm.size > WARM_PROJECTS) warm.delete(warm.keys().next().value!);
    }
    this.program = undefined;
  }

  private host(texts: ReadonlyMap<string, string>): ts.CompilerHost {
    const base = ts.createCompilerHost(this.options, false);
    const disk = this.disk;
    const remember = <T>(memo: Map<string, T>, key: string, compute: () => T): T => {
      if (memo.has(key)) return memo.get(key)!;
      const value = compute();
      memo.set(key, value);
      return value;
    };
    const read = (file: string): string | undefined =>
      texts.get(file) ??
      this.overlay(file) ??
      libs().get(file) ??
      remember(disk.texts, file, () => base.readFile(file));
    return {
      ...base,
      getDefaultLibLocation: () => LIB_DIR,
      getDefaultLibFileName: (o) => path.posix.join(LIB_DIR, ts.getDefaultLibFileName(o)),
      fileExists: (file) =>
        texts.has(file) || libs().has(file) || remember(disk.files, file, () => base.fileExists(file)),
      directoryExists: (dir) => remember(disk.dirs, dir, () => base.directoryExists?.(dir) ?? true),
      // Without it the program finds each file's package.json scope (its module format) anew, reading
      // and parsing the same package.json files for every file it loads.
      getModuleResolutionCache: () => this.resolutions,
      readFile: read,
      writeFile: () => undefined,
      getSourceFile: (file, languageVersion) => {
        const text = read(file);
        if (text === undefined) return undefined;
        const format =
          typeof languageVersion === 'object'
            ? `${languageVersion.languageVersion}:${languageVersion.impliedNodeFormat ?? ''}`
            : String(languageVersion);
        const hit = this.parsed.get(file) ?? previous.get(file);
        if (hit && hit.text === text && hit.format === format) {
          this.parsed.set(file, hit);
          return hit.sf;
        }
        // As tsc parses: JSDoc only where it can carry type errors (JavaScript), not in every comment.
        const settings: ts.CreateSourceFileOptions =
          typeof languageVersion === 'object'
            ? { ...languageVersion, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors }
            : { languageVersion, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors };
        const sf = ts.createSourceFile(file, text, settings, false);
        this.parsed.set(file, { text, format, sf });
        return sf;
      },
    };
  }
}
