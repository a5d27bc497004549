import * as path from 'node:path';
import type { ts } from 'ts-morph';
import type { FlagIndex } from '../engine/flagIndex';
import type { ScanResult } from '../engine/types';
import type { FlagEntry, FlagReference, Location, Registry, ValueType } from '../model';
import { booleanReadIsAnyVariant, readsVariantKey } from '../sdks';
import { matchRegistryKey } from '../registry';
import { closest } from '../registry/suggest';
import type { FileEdit } from '../text';
import { createBindingProgram } from './bindingProgram';
import { ProjectOptions } from './compilerOptions';
import { checkFlagValue } from './flagValue';
import { removeUnusedKeyDefinitions } from './keyDefinitions';
import { foldLeftLiterals } from './literalFolding';
import { foldConstantProps } from './propFolding';
import { foldConstantResolvers } from './resolverFolding';
import { registryChanges } from './registryChanges';
import { removalHints } from './removalHints';
import { PurityOracle } from './pureFunctions';
import { RemoveError } from './removeError';
import { rewriteFile } from './rewriteFile';
import { diffToTextEdits } from './textEdits';
import { removeNewlyUnused, type KeptDeclaration } from './unusedCleanup';
import { verifyRewrite, type Verification } from './verify';
import { Workspace } from './workspace';

export interface RemoveFlagOptions {
  /** The engine after a scan: its references are what counts as an evaluation of the flag. */
  index?: FlagIndex;
  /** Or a scan result (from `index.scan()`). */
  scan?: ScanResult;
  /** The flag's registry key (an alias or case variant of it is accepted too). */
  key: string;
  /** The value the flag is frozen at; must fit the registry's `valueType`. */
  value: unknown;
  /** Parse and type-check the result (default true). */
  verify?: boolean;
  /** Open editor buffers: their text wins over the disk. */
  readFile?(file: string): string | undefined;
}

export interface FileChange {
  file: string;
  before: string;
  /** Undefined when the file is deleted (a folder registry's entry file). */
  after: string | undefined;
}

export interface RemoveFlagResult {
  /** The registry key removed. */
  key: string;
  value: unknown;
  /** Every edit, per file, code and registry; edits of one file never overlap. */
  edits: FileEdit[];
  /** The files the edits touch. */
  files: string[];
  /** Each touched file's text before and after, for previews and diffs. */
  changes: FileChange[];
  /** How many references were rewritten (as found by the engine; those left in place for the user not counted). */
  references: number;
  verification: Verification;
  warnings: string[];
  /** For the person who merges it: TODOs naming the flag, functions only the removed code called. */
  hints: string[];
}

/**
 * Removes a flag from the code, keeping one value: the way Piranha does it (see Simplifier and
 * Emitter for the folding rules), followed by the cleanup a careful engineer would do (variables,
 * imports and key constants left unused) and the registry entry. Nothing is written: the result is
 * edits to preview or apply, with a verification that the code still parses and type-checks.
 */
export async function removeFlag(options: RemoveFlagOptions): Promise<RemoveFlagResult> {
  const scan = options.scan ?? options.index?.result();
  if (!scan) throw new Error('removeFlag needs a FlagIndex or a ScanResult');
  const { key, registries, entry, references: refs } = resolveFlagKey(scan, options.key);
  const valueType = entry?.valueType ?? impliedValueType(refs, options.value);
  const value = checkFlagValue(key, options.value, valueType, entry);

  const warnings: string[] = [];
  const workspace = new Workspace(scan.root, options.readFile);
  warnings.push(...typeWarnings(refs, valueType, value, workspace));

  // 1. Each evaluation becomes the value; what it folds is simplified.
  const byFile = groupByFile(refs);
  const texts = new Map<string, string>();
  for (const file of byFile.keys()) texts.set(file, workspace.original(file));
  const program = createBindingProgram(texts);
  const checker = program.getTypeChecker();
  const callees = new Set<string>();
  let leftInPlace = 0;
  for (const [file, fileRefs] of byFile) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    const result = rewriteFile(sf, checker, fileRefs, value);
    // Paths as the user sees them in the summary, like every other warning.
    warnings.push(
      ...result.warnings.map((w) => (w.startsWith(`${file}:`) ? workspace.relative(file) + w.slice(file.length) : w)),
    );
    leftInPlace += result.leftInPlace;
    result.callees.forEach((c) => callees.add(c));
    workspace.setText(file, foldLeftLiterals(file, workspace.original(file), result.text));
  }

  // 2. Resolvers left returning the value are folded into their callers (see resolverFolding.ts);
  // then imports, variables and functions only the removed code used, and the key constants.
  const purity = new PurityOracle(workspace);
  const projects = new ProjectOptions();
  const rewritten = new Map(workspace.changedFiles().map((f) => [f, workspace.text(f)]));
  const definitions = uniqueLocations(refs.map((r) => r.keyDefinition).filter((d): d is Location => d !== undefined));
  const tidy = (fold: boolean): Tidied => {
    for (const file of workspace.changedFiles())
      workspace.setText(file, rewritten.get(file) ?? workspace.original(file));
    // The cleanup first: a resolver is often `return true` only once its lookups went.
    const first = cleanUp(workspace, definitions, callees, purity, projects);
    let folded = false;
    // A prop folded into its component can leave a resolver's answer to fold, and the other way round.
    for (let round = 0; fold && round < 3; round++) {
      const resolvers = foldConstantResolvers(workspace, projects);
      const props = foldConstantProps(workspace, projects);
      if (!resolvers && !props) break;
      folded = true;
    }
    if (!folded) return { folded, ...first };
    const second = cleanUp(workspace, definitions, callees, purity, projects);
    return {
      folded,
      warnings: [...new Set([...first.warnings, ...second.warnings])],
      kept: [...first.kept, ...second.kept],
      unknownReads: second.unknownReads,
    };
  };
  let tidied = tidy(true);
  let verification = verifyResult(options.verify, workspace, tidied);
  if (!verification.ok && tidied.folded) {
    // Folding a resolver changed the callers' types in a way the check rejects: leave it to the hint.
    tidied = tidy(false);
    verification = verifyResult(options.verify, workspace, tidied);
  }
  warnings.push(...tidied.warnings);
  warnings.push(...dynamicWarnings(scan, workspace));

  const edits: FileEdit[] = [];
  const changes: FileChange[] = [];
  for (const file of workspace.changedFiles()) {
    const before = workspace.original(file);
    const after = workspace.text(file);
    edits.push(...diffToTextEdits(file, before, after));
    changes.push({ file, before, after });
  }

  // 4. The registry entry (comments and the other entries kept as they are) and dependencies on it,
  // unless some evaluation had to stay: a flag still in the code keeps its owner and plan.
  const read = (file: string): string => options.readFile?.(file) ?? workspace.original(file);
  if (leftInPlace > 0) {
    warnings.push(
      `${leftInPlace} evaluation${leftInPlace > 1 ? 's' : ''} of '${key}' could not be rewritten (see above), so its registry entry is kept until they are edited by hand.`,
    );
  }
  if (tidied.unknownReads.length > 0) {
    const shown = tidied.unknownReads.slice(0, 3).join(', ') + (tidied.unknownReads.length > 3 ? ', …' : '');
    warnings.push(
      `'${key}' may still be read by its key where Flaglint does not know the receiver as a flag collection: ${shown}. Check these by hand (a collection Flaglint should know goes in the registry's scan.collections); the registry entry is kept.`,
    );
  }
  const keepEntry = leftInPlace > 0 || tidied.unknownReads.length > 0;
  for (const change of keepEntry ? [] : registryChanges(registries, key, value, read, warnings)) {
    edits.push(...change.edits);
    changes.push({ file: change.file, before: change.before, after: change.after });
  }

  return {
    key,
    value,
    edits,
    files: [...new Set(changes.map((c) => c.file))].sort(),
    changes: changes.sort((a, b) => a.file.localeCompare(b.file)),
    references: Math.max(0, refs.length - leftInPlace),
    verification,
    warnings,
    hints: [...removalHints(workspace, key, workspace.changedFiles()), ...droppedHookHints(workspace, purity)],
  };
}

interface Tidied {
  folded: boolean;
  warnings: string[];
  /** Declarations kept on purpose (their initializer may have effects), by file. */
  kept: { file: string; names: string[] }[];
  /** Reads of the flag by its key through a receiver Flaglint does not know (keyedReads.ts). */
  unknownReads: string[];
}

function cleanUp(
  workspace: Workspace,
  definitions: readonly Location[],
  callees: ReadonlySet<string>,
  purity: PurityOracle,
  projects: ProjectOptions,
): Omit<Tidied, 'folded'> {
  const isPureCall = (expr: ts.Expression, file: string): boolean => purity.isPureCall(expr, file);
  const warnings: string[] = [];
  const notes: string[] = [];
  const kept: { file: string; names: string[] }[] = [];
  const unknownReads: string[] = [];
  const cleanup = (files: Iterable<string>): void => {
    for (const file of files) {
      const markParameters = projects.for(file).noUnusedParameters === true;
      let fileNotes: KeptDeclaration[] = [];
      // What the cleanup takes away can leave a literal to fold, and a fold can leave a name unused.
      for (let round = 0; round < 3; round++) {
        fileNotes = [];
        const cleaned = removeNewlyUnused(
          file,
          workspace.original(file),
          workspace.text(file),
          callees,
          isPureCall,
          markParameters,
          fileNotes,
        );
        const folded = foldLeftLiterals(file, workspace.original(file), cleaned);
        workspace.setText(file, folded);
        if (folded === cleaned) break;
      }
      notes.push(...fileNotes.map((n) => `${workspace.relative(file)}:${n.line + 1}: ${n.message}`));
      kept.push(...fileNotes.map((n) => ({ file, names: n.names })));
    }
  };
  cleanup(workspace.changedFiles());
  cleanup(removeUnusedKeyDefinitions(workspace, definitions, warnings, unknownReads));
  return { warnings: [...warnings, ...new Set(notes)], kept, unknownReads };
}

function verifyResult(verify: boolean | undefined, workspace: Workspace, tidied: Tidied): Verification {
  if (verify === false) return { ok: true, newErrors: [], checkedFiles: [] };
  return acceptKeptUnused(verifyRewrite(workspace, workspace.changedFiles()), tidied.kept);
}

/**
 * Calls of custom hooks that went with their unused result: the evidence (the hook's definition
 * only reads state) is in the summary, for the reviewer who wonders why a hook call disappeared.
 */
function droppedHookHints(workspace: Workspace, purity: PurityOracle): string[] {
  const hints: string[] = [];
  for (const [hook, definedIn] of purity.valueHooks) {
    const calls = (text: string): number => text.split(new RegExp(`\\b${hook}\\(`)).length - 1;
    const dropped = workspace.changedFiles().filter((f) => calls(workspace.text(f)) < calls(workspace.original(f)));
    if (dropped.length === 0) continue;
    hints.push(
      `${hook}() calls whose result was no longer used were removed (${dropped.map((f) => workspace.relative(f)).join(', ')}): its definition in ${workspace.relative(definedIn)} only reads state, so the call has no effect of its own.`,
    );
  }
  return hints;
}

/**
 * A declaration kept on purpose (its initializer may have effects, see the notes) is not a failed
 * check when noUnusedLocals now calls it unused: the summary already asks the user to look at it.
 */
function acceptKeptUnused(
  verification: Verification,
  kept: readonly { file: string; names: string[] }[],
): Verification {
  const onPurpose = (e: { file: string; message: string }): boolean =>
    /^TS(6133|6198)\b/.test(e.message) &&
    kept.some((k) => k.file === e.file && k.names.some((n) => e.message.includes(`'${n}'`)));
  const newErrors = verification.newErrors.filter((e) => !onPurpose(e));
  return { ...verification, ok: newErrors.length === 0, newErrors };
}

export interface ResolvedFlag {
  /** The registry key (or the code's key of an unregistered flag). */
  key: string;
  /** The registries holding an entry for it. */
  registries: Registry[];
  entry?: FlagEntry;
  /** The registered value type, else the one every evaluation agrees on. */
  valueType?: ValueType;
  references: FlagReference[];
}

/** The flag the user means (its key, an alias or a case variant); unknown keys get a suggestion. */
export function resolveFlagKey(scan: ScanResult, asked: string): ResolvedFlag {
  const found = (key: string): ResolvedFlag => {
    const registries = scan.registries.filter((r) => r.flags.has(key));
    const references = scan.references.filter((r) => (r.registryKey ?? r.key) === key);
    const entry = registries.map((r) => r.flags.get(key)).find((e): e is FlagEntry => e !== undefined);
    const valueType = entry?.valueType ?? impliedValueType(references, undefined);
    return { key, registries, references, ...(entry ? { entry } : {}), ...(valueType ? { valueType } : {}) };
  };
  if (
    scan.registries.some((r) => r.flags.has(asked)) ||
    scan.references.some((r) => (r.registryKey ?? r.key) === asked)
  )
    return found(asked);
  for (const registry of scan.registries) {
    const matched = matchRegistryKey(registry, asked);
    if (matched) return found(matched);
  }
  const known = [
    ...new Set([
      ...scan.registries.flatMap((r) => [...r.flags.keys()]),
      ...scan.references.map((r) => r.registryKey ?? r.key),
    ]),
  ];
  const suggestion = closest(asked, known);
  throw new RemoveError(
    'unknown-key',
    `Unknown flag '${asked}': it is neither in the registry nor evaluated in the code.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
  );
}

/** Without a registry entry: the type the evaluations agree on, else the value's own type. */
function impliedValueType(refs: readonly FlagReference[], value: unknown): ValueType | undefined {
  // A variant-key read (PostHog's useFeatureFlagVariantKey) may be of a multivariate flag, whose
  // boolean reads tell only whether a variant is on: then the kept value says what the flag is.
  const types = new Set(
    refs.some(readsVariantKey) ? [] : refs.map((r) => r.valueType).filter((t): t is ValueType => t !== undefined),
  );
  if (types.size === 1) return [...types][0];
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  return undefined;
}

/** Evaluations that read the flag as another type than the kept value's: their result needs a look. */
function typeWarnings(
  refs: readonly FlagReference[],
  valueType: ValueType | undefined,
  value: unknown,
  workspace: Workspace,
): string[] {
  if (!valueType) return [];
  return refs
    .filter((r) => r.valueType && r.valueType !== valueType && !booleanReadIsAnyVariant(r, value))
    .map(
      (r) =>
        `${workspace.relative(r.evaluation.file)}:${r.evaluation.range.start.line + 1}: ${r.callee}() reads the flag as a ${r.valueType}, but it is kept as the ${valueType} ${JSON.stringify(value)}; check the rewritten code there.`,
    );
}

function groupByFile(refs: readonly FlagReference[]): Map<string, FlagReference[]> {
  const map = new Map<string, FlagReference[]>();
  for (const r of refs) {
    const file = path.resolve(r.evaluation.file);
    map.set(file, [...(map.get(file) ?? []), r]);
  }
  return map;
}

function uniqueLocations(locations: readonly Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const id = `${l.file}:${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function dynamicWarnings(scan: ScanResult, workspace: Workspace): string[] {
  if (scan.dynamic.length === 0) return [];
  const places = scan.dynamic
    .slice(0, 3)
    .map((d) => `${workspace.relative(d.location.file)}:${d.location.range.start.line + 1}`);
  return [
    `${scan.dynamic.length} flag evaluation${scan.dynamic.length === 1 ? ' has a key' : 's have keys'} Flaglint could not resolve (${places.join(', ')}${scan.dynamic.length > 3 ? ', …' : ''}); check that none of them evaluates this flag.`,
  ];
}
