import * as path from 'node:path';
import { ts } from 'ts-morph';
import { CheckPrograms } from './checkProgram';
import { parseFile } from './syntax';
import { ProjectOptions } from './compilerOptions';
import type { Workspace } from './workspace';

export interface VerificationError {
  file: string;
  /** Zero-based, like every position in the core. */
  line: number;
  character: number;
  message: string;
}

export interface Verification {
  ok: boolean;
  /** Errors the rewritten code has that the original did not. */
  newErrors: VerificationError[];
  /** Files type-checked (rewritten files and the files importing them). */
  checkedFiles: string[];
}

/**
 * Checks that the rewrite parses and type-checks no worse than the original: every rewritten file
 * and every file importing one are checked twice with their nearest tsconfig.json, before and
 * after (the new texts as an in-memory overlay), and errors that only appear after are reported.
 * Only those files and what their imports pull in are loaded, never the whole repository.
 */
export function verifyRewrite(workspace: Workspace, changed: readonly string[]): Verification {
  const newErrors: VerificationError[] = [];
  const sources = changed.filter((f) => /\.[cm]?[jt]sx?$/.test(f));
  for (const file of sources) newErrors.push(...newSyntaxErrors(file, workspace.original(file), workspace.text(file)));

  const projects = new ProjectOptions();
  const lookup = projects.lookup;
  const importers = findImporters(workspace, sources, projects);
  const targets = [...new Set([...sources, ...importers])];
  const groups = new Map<string, string[]>();
  for (const file of targets) {
    const config = lookup.nearest(file) ?? '';
    groups.set(config, [...(groups.get(config) ?? []), file]);
  }
  for (const [config, files] of groups)
    newErrors.push(...newTypeErrors(workspace, config ? projects.for(files[0]!) : undefined, files, sources));

  // A syntax error also surfaces as type errors; report each position once.
  const seen = new Set<string>();
  const unique = newErrors.filter((e) => {
    const id = `${e.file}:${e.line}:${e.character}:${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { ok: unique.length === 0, newErrors: unique, checkedFiles: targets.sort() };
}

function newSyntaxErrors(file: string, before: string, after: string): VerificationError[] {
  const count = (text: string): ts.Diagnostic[] => {
    const sf = parseFile(file, text);
    return syntaxDiagnostics(sf);
  };
  const old = tally(count(before));
  const out: VerificationError[] = [];
  for (const d of count(after)) {
    const key = diagnosticKey(d);
    const n = old.get(key) ?? 0;
    if (n > 0) old.set(key, n - 1);
    else out.push(toError(d));
  }
  return out;
}

/** Parse errors of one file, without a program. */
function syntaxDiagnostics(sf: ts.SourceFile): ts.Diagnostic[] {
  const host: ts.CompilerHost = {
    getSourceFile: (f) => (f === sf.fileName ? sf : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => path.dirname(sf.fileName),
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => f === sf.fileName,
    readFile: () => undefined,
  };
  const program = ts.createProgram({
    rootNames: [sf.fileName],
    options: { noResolve: true, noLib: true, allowJs: true, noEmit: true },
    host,
  });
  return [...program.getSyntacticDiagnostics(sf)];
}

/** Without a tsconfig: what a modern bundler-based app would use. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  jsx: ts.JsxEmit.ReactJSX,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  esModuleInterop: true,
};

function newTypeErrors(
  workspace: Workspace,
  configOptions: ts.CompilerOptions | undefined,
  files: readonly string[],
  changed: readonly string[],
): VerificationError[] {
  // The project's options; declaration files are trusted (skipLibCheck), only errors are compared.
  const options: ts.CompilerOptions = {
    ...(configOptions ?? DEFAULT_OPTIONS),
    noEmit: true,
    skipLibCheck: true,
    incremental: false,
    composite: false,
  };
  const checked = files.filter((f) => typeChecks(f, options, workspace.original(f)));
  if (checked.length === 0) return [];
  const roots = [...new Set([...checked, ...changed])];
  const originals = new Map([...roots].map((f) => [f, workspace.original(f)]));
  const programs = new CheckPrograms(options, (f) => workspace.overlayText(f));
  try {
    const before = diagnosticsOf(programs.create(roots, originals), checked);
    const texts = new Map([...roots].map((f) => [f, workspace.text(f)]));
    const after = diagnosticsOf(programs.create(roots, texts), checked);
    return unmatched(before, after).map(toError);
  } finally {
    programs.dispose();
  }
}

/** JavaScript is only type-checked where the project asks for it (checkJs, `// @ts-check`). */
function typeChecks(file: string, options: ts.CompilerOptions, text: string): boolean {
  if (!/\.[cm]?jsx?$/.test(file)) return true;
  if (/^\s*(\/\/\s*@ts-nocheck)/m.test(text)) return false;
  return options.checkJs === true || /\/\/\s*@ts-check/.test(text);
}

function diagnosticsOf(program: ts.Program, files: readonly string[]): ts.Diagnostic[] {
  const out: ts.Diagnostic[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      if (d.category === ts.DiagnosticCategory.Error) out.push(d);
    }
  }
  return out;
}

/** Position-free identity: the same error moved by the edit is still the same error. */
function diagnosticKey(d: ts.Diagnostic): string {
  // The head message only: the chained details list the program's files, which differ run to run.
  const head = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
  return `${d.file?.fileName ?? ''}\0${d.code}\0${head}`;
}

/**
 * The errors of `after` that `before` did not have. An error matches one with the same message, or
 * else one left over with the same code in the same file: an error that was already there can
 * change its text with the edit (`Property 'children' is missing in type '{ a: JSX.Element }'`
 * becomes `... '{ a: undefined }'`), which is not a new error.
 */
function unmatched(before: readonly ts.Diagnostic[], after: readonly ts.Diagnostic[]): ts.Diagnostic[] {
  const old = tally(before);
  const rest: ts.Diagnostic[] = [];
  for (const d of after) {
    const key = diagnosticKey(d);
    const n = old.get(key) ?? 0;
    if (n > 0) old.set(key, n - 1);
    else rest.push(d);
  }
  const leftover = new Map<string, number>();
  for (const [key, n] of old) {
    const [file, code] = key.split('\0');
    if (n > 0) leftover.set(`${file}\0${code}`, (leftover.get(`${file}\0${code}`) ?? 0) + n);
  }
  return rest.filter((d) => {
    const key = `${d.file?.fileName ?? ''}\0${d.code}`;
    const n = leftover.get(key) ?? 0;
    if (n === 0) return true;
    leftover.set(key, n - 1);
    return false;
  });
}

function tally(diags: readonly ts.Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of diags) m.set(diagnosticKey(d), (m.get(diagnosticKey(d)) ?? 0) + 1);
  return m;
}

function toError(d: ts.Diagnostic): VerificationError {
  const file = d.file ? path.resolve(d.file.fileName) : '';
  const pos =
    d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  return {
    file,
    line: pos.line,
    character: pos.character,
    message: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  };
}

/**
 * Workspace files that import one of the rewritten files (their view of its exports may change).
 * A word search on the imported file's name narrows the candidates before any resolution.
 */
function findImporters(workspace: Workspace, changed: readonly string[], projects: ProjectOptions): string[] {
  const targets = new Set(changed.map((f) => path.resolve(f)));
  const importers = new Set<string>();
  const optionsFor = (file: string): ts.CompilerOptions => {
    const options = projects.for(file);
    return { ...options, allowJs: true, moduleResolution: options.moduleResolution ?? ts.ModuleResolutionKind.Bundler };
  };
  const words = new Set<string>();
  for (const file of changed) {
    const base = path.basename(file).replace(/\.[^.]+$/, '');
    words.add(base === 'index' ? path.basename(path.dirname(file)) : base);
  }
  for (const word of words) {
    if (!/^[\w$-]+$/.test(word)) continue;
    for (const candidate of workspace.filesMentioning(word)) {
      if (targets.has(candidate) || importers.has(candidate)) continue;
      const info = ts.preProcessFile(workspace.text(candidate), true, true);
      for (const imported of info.importedFiles) {
        const resolved = ts.resolveModuleName(
          imported.fileName,
          candidate,
          optionsFor(candidate),
          ts.sys,
        ).resolvedModule;
        if (resolved && targets.has(path.resolve(resolved.resolvedFileName))) {
          importers.add(candidate);
          break;
        }
      }
    }
  }
  return [...importers];
}
