import * as path from 'node:path';
import { ts } from 'ts-morph';
import { statementsBefore } from './beforeRegions';
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
 * Checks that the rewrite parses and type-checks no worse than the original, with each file's nearest
 * tsconfig.json. The rewritten files are checked after the edit (the new texts as an in-memory
 * overlay); only the files that have errors then are checked before it too, and errors that only
 * appear after are reported. The files importing a rewritten file are checked too, but only when
 * the types of its exports changed: an edit inside a function's body that keeps its signature
 * cannot break an importer. Only those files and what their imports pull in are loaded.
 */
export function verifyRewrite(workspace: Workspace, changed: readonly string[]): Verification {
  const newErrors: VerificationError[] = [];
  const sources = changed.filter((f) => /\.[cm]?[jt]sx?$/.test(f));
  for (const file of sources) newErrors.push(...newSyntaxErrors(file, workspace.original(file), workspace.text(file)));

  const projects = new ProjectOptions();
  const reshaped: string[] = [];
  for (const [config, files] of byProject(sources, projects)) {
    const options = config ? projects.for(must(files[0])) : undefined;
    const result = newTypeErrors(workspace, options, files, sources, files);
    newErrors.push(...result.errors);
    reshaped.push(...result.changedExports);
  }
  const importers = reshaped.length > 0 ? findImporters(workspace, reshaped, projects) : [];
  for (const [config, files] of byProject(importers, projects)) {
    const options = config ? projects.for(must(files[0])) : undefined;
    newErrors.push(...newTypeErrors(workspace, options, files, sources, []).errors);
  }

  // A syntax error also surfaces as type errors; report each position once.
  const seen = new Set<string>();
  const unique = newErrors.filter((e) => {
    const id = `${e.file}:${e.line}:${e.character}:${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { ok: unique.length === 0, newErrors: unique, checkedFiles: [...new Set([...sources, ...importers])].sort() };
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('empty project group');
  return value;
}

/** Files grouped by their nearest tsconfig ('' for none): one compiler configuration per group. */
function byProject(files: readonly string[], projects: ProjectOptions): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const config = projects.lookup.nearest(file) ?? '';
    groups.set(config, [...(groups.get(config) ?? []), file]);
  }
  return groups;
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

interface GroupCheck {
  errors: VerificationError[];
  /** Of the files asked about, those whose exports have other types after the edit. */
  changedExports: string[];
}

function newTypeErrors(
  workspace: Workspace,
  configOptions: ts.CompilerOptions | undefined,
  files: readonly string[],
  changed: readonly string[],
  exportsOf: readonly string[],
): GroupCheck {
  // The project's options; declaration files are trusted (skipLibCheck), only errors are compared.
  const options: ts.CompilerOptions = {
    ...(configOptions ?? DEFAULT_OPTIONS),
    noEmit: true,
    skipLibCheck: true,
    incremental: false,
    composite: false,
  };
  const checked = files.filter((f) => typeChecks(f, options, workspace.original(f)));
  if (checked.length === 0 && exportsOf.length === 0) return { errors: [], changedExports: [] };
  const roots = [...new Set([...checked, ...changed])];
  const programs = new CheckPrograms(options, (f) => workspace.overlayText(f));
  try {
    // After first: on most removals it has no errors, and the original need not be checked at all.
    const after = programs.create(roots, new Map(roots.map((f) => [f, workspace.text(f)])));
    const afterErrors = diagnosticsOf(after, checked);
    const exportsAfter = exportTypes(after, exportsOf);
    const failing = [...new Set(afterErrors.map((d) => path.resolve(d.file?.fileName ?? '')))];
    if (failing.length === 0 && exportsOf.length === 0) return { errors: [], changedExports: [] };
    const before = programs.create(roots, new Map(roots.map((f) => [f, workspace.original(f)])));
    const failingFiles = checked.filter((f) => failing.includes(path.resolve(f)));
    // The original's statements that hold the errors first (beforeRegions.ts); the whole files only
    // if some error is still unmatched, so that an error is never called new on a partial check.
    let errors = unmatched(regionDiagnostics(before, failingFiles, afterErrors, workspace), afterErrors);
    if (errors.length > 0) errors = unmatched(diagnosticsOf(before, failingFiles), afterErrors);
    const exportsBefore = exportTypes(before, exportsOf);
    return {
      errors: errors.map(toError),
      changedExports: exportsOf.filter((f) => exportsBefore.get(f) !== exportsAfter.get(f)),
    };
  } finally {
    programs.dispose();
  }
}

/**
 * Each file's exports as text: names with their types (and a type's members), independent of the
 * order the checker happened to build union members in, so that two programs can be compared.
 */
function exportTypes(program: ts.Program, files: readonly string[]): Map<string, string> {
  const checker = program.getTypeChecker();
  const out = new Map<string, string>();
  for (const file of files) {
    const sf = program.getSourceFile(file);
    const module = sf ? checker.getSymbolAtLocation(sf) : undefined;
    if (!sf || !module) {
      out.set(file, sf ? `script:${sf.text.length}` : 'missing');
      continue;
    }
    const lines = checker.getExportsOfModule(module).map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const parts = [symbol.name];
      if (target.flags & ts.SymbolFlags.Value) parts.push(valueTypeText(checker, checker.getTypeOfSymbol(target)));
      if (target.flags & ts.SymbolFlags.Type) {
        const declared = checker.getDeclaredTypeOfSymbol(target);
        parts.push(typeText(checker, declared), membersText(checker, declared));
      }
      return parts.join(' : ');
    });
    out.set(file, lines.sort().join('\n'));
  }
  return out;
}

/**
 * A value's type for the comparison, functions by their signatures without parameter names: a
 * parameter renamed `_organizationId` (unused after the edit) changes no caller, yet printed whole
 * the type differed and every importer of the file was type-checked (114 files on a real app).
 */
function valueTypeText(checker: ts.TypeChecker, type: ts.Type): string {
  const signatures = [
    ...checker.getSignaturesOfType(type, ts.SignatureKind.Call).map((s) => signatureText(checker, s, '')),
    ...checker.getSignaturesOfType(type, ts.SignatureKind.Construct).map((s) => signatureText(checker, s, 'new ')),
  ];
  if (signatures.length === 0 || type.isUnion() || type.isIntersection()) return typeText(checker, type);
  const members = checker
    .getPropertiesOfType(type)
    .map((p) => `${p.name}: ${typeText(checker, checker.getTypeOfSymbol(p))}`)
    .sort();
  return [...signatures.sort(), ...members].join('; ');
}

function signatureText(checker: ts.TypeChecker, signature: ts.Signature, prefix: string): string {
  const typeParameters = (signature.getTypeParameters() ?? []).map((t) =>
    checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation),
  );
  const parameters = signature.getParameters().map((p) => {
    const decl = p.valueDeclaration;
    const param = decl && ts.isParameter(decl) ? decl : undefined;
    const marks = `${param?.dotDotDotToken ? '...' : ''}${param && (param.questionToken || param.initializer) ? '?' : ''}`;
    return marks + typeText(checker, checker.getTypeOfSymbol(p));
  });
  const returns = typeText(checker, checker.getReturnTypeOfSignature(signature));
  return `${prefix}<${typeParameters.join(', ')}>(${parameters.join(', ')}) => ${returns}`;
}

function typeText(checker: ts.TypeChecker, type: ts.Type): string {
  if (type.isUnion() || type.isIntersection()) {
    const parts = type.types.map((t) => checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation));
    return parts.sort().join(type.isUnion() ? ' | ' : ' & ');
  }
  return checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
}

/** One level of a type's members: a named interface prints as its name, its members are what change. */
function membersText(checker: ts.TypeChecker, type: ts.Type): string {
  const members = checker
    .getPropertiesOfType(type)
    .map((p) => `${p.name}: ${typeText(checker, checker.getTypeOfSymbol(p))}`);
  const signatures = [
    ...checker.getSignaturesOfType(type, ts.SignatureKind.Call),
    ...checker.getSignaturesOfType(type, ts.SignatureKind.Construct),
  ].map((sig) => checker.signatureToString(sig, undefined, ts.TypeFormatFlags.NoTruncation));
  return [...members.sort(), ...signatures.sort()].join('; ');
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

/** The errors of each file's statements that hold one of `near` (errors of the rewritten file), see beforeRegions.ts. */
function regionDiagnostics(
  program: ts.Program,
  files: readonly string[],
  near: readonly ts.Diagnostic[],
  workspace: Workspace,
): ts.Diagnostic[] {
  const out: ts.Diagnostic[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    const positions = near
      .filter((d) => d.file && path.resolve(d.file.fileName) === path.resolve(file))
      .map((d) => d.start ?? 0);
    const nodes = statementsBefore(sf, workspace.text(file), positions);
    // The checker's region check (what the language service's region diagnostics use): internal, so typed here.
    const semantic = nodes
      ? (program as RegionProgram).getSemanticDiagnostics(sf, undefined, nodes)
      : program.getSemanticDiagnostics(sf);
    for (const d of [...program.getSyntacticDiagnostics(sf), ...semantic]) {
      if (d.category === ts.DiagnosticCategory.Error) out.push(d);
    }
  }
  return out;
}

interface RegionProgram {
  getSemanticDiagnostics(
    sf: ts.SourceFile,
    token: ts.CancellationToken | undefined,
    nodesToCheck: readonly ts.Node[],
  ): readonly ts.Diagnostic[];
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
